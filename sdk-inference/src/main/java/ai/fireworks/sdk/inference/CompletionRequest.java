package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.ModelRef;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A text completion request ({@code POST /inference/v1/completions}): a prompt and sampling
 * parameters. Build with {@code CompletionRequest.builder().model(ref).prompt("...").maxTokens(64).build()};
 * copy with {@link #toBuilder()}. Immutable; thread-safe.
 */
public final class CompletionRequest extends InferenceRequest {
  private final String prompt;

  private CompletionRequest(Builder b) {
    super(b);
    this.prompt = b.prompt;
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

  /** The prompt; empty only when an extra {@code prompt} (such as token ids) replaces it. */
  public Optional<String> prompt() {
    return Optional.ofNullable(prompt);
  }

  @Override
  void writeSpecific(Map<String, Object> body) {
    if (prompt != null) {
      body.put("prompt", prompt);
    }
  }

  /** Builds a {@link CompletionRequest}. Not thread-safe. */
  public static final class Builder extends InferenceRequest.Builder<Builder, CompletionRequest> {
    private String prompt;

    private Builder() {}

    private Builder(CompletionRequest r) {
      super(r);
      this.prompt = r.prompt;
    }

    @Override
    Builder self() {
      return this;
    }

    /** The text to complete. Required (unless an extra {@code prompt} field supplies token ids). */
    public Builder prompt(String prompt) {
      this.prompt = Objects.requireNonNull(prompt, "prompt");
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
      if (prompt == null && !hasExtra("prompt")) {
        throw new IllegalArgumentException("prompt is required for a completion request, was absent");
      }
      checkCombinations();
      return new CompletionRequest(this);
    }
  }
}
