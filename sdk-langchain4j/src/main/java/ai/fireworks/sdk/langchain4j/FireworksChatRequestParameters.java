package ai.fireworks.sdk.langchain4j;

import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import java.util.Objects;

/**
 * LangChain4j's common chat parameters plus the Fireworks ones LangChain4j has no name for:
 * {@code seed}, {@code reasoning_effort}, {@code prompt_cache_key}, {@code user} and
 * {@code parallel_tool_calls}. Use it as a model's default parameters or in one
 * {@code ChatRequest}; a value left {@code null} is not sent and the server's default applies.
 * Merging ({@link #overrideWith}, {@link #defaultedBy}) keeps the Fireworks fields.
 * Values are checked when the request is sent, by the SDK's request builder. Immutable; thread-safe.
 */
public final class FireworksChatRequestParameters extends DefaultChatRequestParameters {
  private final Long seed;
  private final String reasoningEffort;
  private final String promptCacheKey;
  private final String user;
  private final Boolean parallelToolCalls;

  private FireworksChatRequestParameters(Builder b) {
    super(b);
    this.seed = b.seed;
    this.reasoningEffort = b.reasoningEffort;
    this.promptCacheKey = b.promptCacheKey;
    this.user = b.user;
    this.parallelToolCalls = b.parallelToolCalls;
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code seed} for repeatable sampling, or {@code null}. */
  public Long seed() {
    return seed;
  }

  /** {@code reasoning_effort} ({@code "low"}, {@code "medium"}, {@code "high"}, {@code "none"}), or {@code null}. */
  public String reasoningEffort() {
    return reasoningEffort;
  }

  /** {@code prompt_cache_key}: requests with the same key go to the same replica; or {@code null}. */
  public String promptCacheKey() {
    return promptCacheKey;
  }

  /** {@code user}: an end-user id, or {@code null}. */
  public String user() {
    return user;
  }

  /** {@code parallel_tool_calls}, or {@code null}. */
  public Boolean parallelToolCalls() {
    return parallelToolCalls;
  }

  /** These parameters, with every value {@code that} sets replacing this one's. */
  @Override
  public FireworksChatRequestParameters overrideWith(ChatRequestParameters that) {
    return builder().overrideWith(this).overrideWith(that).build();
  }

  /** {@code that}, with every value it leaves unset taken from these parameters. */
  @Override
  public FireworksChatRequestParameters defaultedBy(ChatRequestParameters that) {
    return builder().overrideWith(that).overrideWith(this).build();
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) {
      return false;
    }
    FireworksChatRequestParameters p = (FireworksChatRequestParameters) o;
    return Objects.equals(seed, p.seed) && Objects.equals(reasoningEffort, p.reasoningEffort)
        && Objects.equals(promptCacheKey, p.promptCacheKey) && Objects.equals(user, p.user)
        && Objects.equals(parallelToolCalls, p.parallelToolCalls);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), seed, reasoningEffort, promptCacheKey, user, parallelToolCalls);
  }

  @Override
  public String toString() {
    return "FireworksChatRequestParameters{" + super.toString() + ", seed=" + seed + ", reasoningEffort="
        + reasoningEffort + ", promptCacheKey=" + promptCacheKey + ", user=" + user + ", parallelToolCalls="
        + parallelToolCalls + "}";
  }

  /** Builds {@link FireworksChatRequestParameters}. Not thread-safe. */
  public static final class Builder extends DefaultChatRequestParameters.Builder<Builder> {
    private Long seed;
    private String reasoningEffort;
    private String promptCacheKey;
    private String user;
    private Boolean parallelToolCalls;

    private Builder() {}

    /** Copies every value {@code parameters} sets (the Fireworks ones too, if it has them). */
    @Override
    public Builder overrideWith(ChatRequestParameters parameters) {
      super.overrideWith(parameters);
      if (parameters instanceof FireworksChatRequestParameters) {
        FireworksChatRequestParameters p = (FireworksChatRequestParameters) parameters;
        seed = p.seed != null ? p.seed : seed;
        reasoningEffort = p.reasoningEffort != null ? p.reasoningEffort : reasoningEffort;
        promptCacheKey = p.promptCacheKey != null ? p.promptCacheKey : promptCacheKey;
        user = p.user != null ? p.user : user;
        parallelToolCalls = p.parallelToolCalls != null ? p.parallelToolCalls : parallelToolCalls;
      }
      return this;
    }

    /** {@code seed}; {@code null} unsets it. */
    public Builder seed(Long seed) {
      this.seed = seed;
      return this;
    }

    /** {@code reasoning_effort}; {@code null} unsets it. */
    public Builder reasoningEffort(String reasoningEffort) {
      this.reasoningEffort = reasoningEffort;
      return this;
    }

    /** {@code prompt_cache_key}; {@code null} unsets it. */
    public Builder promptCacheKey(String promptCacheKey) {
      this.promptCacheKey = promptCacheKey;
      return this;
    }

    /** {@code user}; {@code null} unsets it. */
    public Builder user(String user) {
      this.user = user;
      return this;
    }

    /** {@code parallel_tool_calls}; {@code null} unsets it. */
    public Builder parallelToolCalls(Boolean parallelToolCalls) {
      this.parallelToolCalls = parallelToolCalls;
      return this;
    }

    /** Builds the parameters. */
    @Override
    public FireworksChatRequestParameters build() {
      return new FireworksChatRequestParameters(this);
    }
  }
}
