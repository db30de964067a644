package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.ModelRef;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A text completion request ({@code POST /inference/v1/completions}): a prompt, as text or as
 * token ids, and sampling parameters. Build with {@code CompletionRequest.builder().model(ref).prompt("...").maxTokens(64).build()};
 * copy with {@link #toBuilder()}. Immutable; thread-safe.
 */
public final class CompletionRequest extends InferenceRequest {
  private final String prompt;
  private final List<Integer> promptTokens;

  private CompletionRequest(Builder b) {
    super(b);
    this.prompt = b.prompt;
    this.promptTokens = b.promptTokens;
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A request for {@code prompt} on {@code model} with the server's default parameters. */
  public static CompletionRequest of(ModelRef model, String prompt) {
    return builder().model(model).prompt(prompt).build();
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The text prompt; empty when {@link #promptTokens()} or an extra {@code prompt} replaces it. */
  public Optional<String> prompt() {
    return Optional.ofNullable(prompt);
  }

  /** The prompt as token ids; empty unless set with {@link Builder#promptTokens}. */
  public List<Integer> promptTokens() {
    return promptTokens;
  }

  @Override
  void writeSpecific(Map<String, Object> body) {
    if (prompt != null) {
      body.put("prompt", prompt);
    } else if (!promptTokens.isEmpty()) {
      body.put("prompt", promptTokens);
    }
  }

  /** Builds a {@link CompletionRequest}. Not thread-safe. */
  public static final class Builder extends InferenceRequest.Builder<Builder, CompletionRequest> {
    private String prompt;
    private List<Integer> promptTokens = List.of();

    private Builder() {}

    private Builder(CompletionRequest r) {
      super(r);
      this.prompt = r.prompt;
      this.promptTokens = r.promptTokens;
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * The text to complete; replaces token ids set before. A prompt, as text or as token ids, is
     * required.
     */
    public Builder prompt(String prompt) {
      this.prompt = Objects.requireNonNull(prompt, "prompt");
      this.promptTokens = List.of();
      return this;
    }

    /**
     * The prompt as token ids of the model's tokenizer, sent as {@code "prompt": [ids]}; replaces a
     * text prompt set before.
     *
     * @throws IllegalArgumentException if {@code tokens} is empty or holds a negative id
     */
    public Builder promptTokens(List<Integer> tokens) {
      List<Integer> copy = List.copyOf(Objects.requireNonNull(tokens, "promptTokens"));
      if (copy.isEmpty()) {
        throw new IllegalArgumentException("promptTokens must contain at least one token id, was empty");
      }
      for (int i = 0; i < copy.size(); i++) {
        if (copy.get(i) < 0) {
          throw new IllegalArgumentException("promptTokens[" + i + "] must be a token id (0 or more), was "
              + copy.get(i));
        }
      }
      this.promptTokens = copy;
      this.prompt = null;
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException if no prompt was set, or fields the service refuses
     *     together are set (see {@link InferenceRequest.Builder#build()})
     */
    @Override
    public CompletionRequest build() {
      if (prompt == null && promptTokens.isEmpty() && !hasExtra("prompt")) {
        throw new IllegalArgumentException("prompt is required for a completion request, was absent");
      }
      checkCombinations();
      return new CompletionRequest(this);
    }
  }
}
