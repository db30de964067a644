package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.ModelRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An embeddings request ({@code POST /inference/v1/embeddings}): the texts to embed, in order,
 * and optionally the number of {@code dimensions} of a model with variable-length embeddings.
 * Build with {@link #of(ModelRef, List)} or {@code EmbeddingRequest.builder()}. The model may be
 * any deployment of an embedding model (the Qwen3 embedding family) or of an LLM, as
 * {@code model#deployment}. Immutable; thread-safe.
 */
public final class EmbeddingRequest {
  private final Object model;
  private final List<String> input;
  private final boolean single;
  private final Integer dimensions;

  private EmbeddingRequest(Object model, List<String> input, boolean single, Integer dimensions) {
    this.model = model;
    this.input = input;
    this.single = single;
    this.dimensions = dimensions;
  }

  /** A request embedding {@code inputs} (at least one) with {@code model}. */
  public static EmbeddingRequest of(ModelRef model, List<String> inputs) {
    return builder().model(model).input(inputs).build();
  }

  /** A request embedding one text with {@code model}; sent as a JSON string, not a list. */
  public static EmbeddingRequest of(ModelRef model, String input) {
    return builder().model(model).input(input).build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.model = model;
    b.input = input;
    b.single = single;
    b.dimensions = dimensions;
    return b;
  }

  /** The model as given (empty when a deployment-bound client supplies the target). */
  public Optional<String> model() {
    return Optional.ofNullable(model).map(Object::toString);
  }

  /** The texts to embed, in order. */
  public List<String> input() {
    return input;
  }

  /** {@code dimensions}, if set: the length of the vectors the model should return. */
  public Optional<Integer> dimensions() {
    return Optional.ofNullable(dimensions);
  }

  Optional<ModelRef> resolveModel(AccountId account) {
    return InferenceRequest.resolve(model, account);
  }

  /** This request with only the inputs {@code [from, to)}, always sent as a list. */
  EmbeddingRequest slice(int from, int to) {
    return new EmbeddingRequest(model, input.subList(from, to), false, dimensions);
  }

  /** The body as sent, with {@code target} as the model. */
  Map<String, Object> body(String target) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", target);
    body.put("input", single ? input.get(0) : input);
    if (dimensions != null) {
      body.put("dimensions", dimensions);
    }
    return body;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof EmbeddingRequest)) {
      return false;
    }
    EmbeddingRequest r = (EmbeddingRequest) o;
    return model().equals(r.model()) && input.equals(r.input) && single == r.single
        && Objects.equals(dimensions, r.dimensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(model(), input, single, dimensions);
  }

  /** The model, the number of inputs and the dimensions; never the texts (they may be long or private). */
  @Override
  public String toString() {
    return "EmbeddingRequest{model=" + model().orElse("(bound deployment)") + ", inputs=" + input.size()
        + dimensions().map(d -> ", dimensions=" + d).orElse("") + "}";
  }

  /** Builds an {@link EmbeddingRequest}. Not thread-safe. */
  public static final class Builder {
    private Object model;
    private List<String> input = List.of();
    private boolean single;
    private Integer dimensions;

    private Builder() {}

    /** The model to query, usually {@code model#deployment}. */
    public Builder model(ModelRef model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /** The model as a string; short forms are resolved against the client's account when sent. */
    public Builder model(String identifier) {
      this.model = InferenceRequest.identifier(identifier);
      return this;
    }

    /** One text to embed; sent as {@code "input": "..."}. */
    public Builder input(String text) {
      this.input = List.of(Objects.requireNonNull(text, "input"));
      this.single = true;
      return this;
    }

    /**
     * The texts to embed, in order; sent as a list even if it holds one text.
     *
     * @throws NullPointerException if the list or one of its texts is null
     */
    public Builder input(List<String> texts) {
      this.input = List.copyOf(Objects.requireNonNull(texts, "input"));
      this.single = false;
      return this;
    }

    /** Appends a text, turning a single input into a list. */
    public Builder addInput(String text) {
      List<String> more = new ArrayList<>(input);
      more.add(Objects.requireNonNull(text, "input"));
      return input(more);
    }

    /**
     * {@code dimensions}: the length of the vectors, for models with variable-length
     * (Matryoshka) embeddings; default: the model's full dimension.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder dimensions(int dimensions) {
      if (dimensions < 1) {
        throw new IllegalArgumentException("dimensions must be at least 1, was " + dimensions);
      }
      this.dimensions = dimensions;
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException if there is no input
     */
    public EmbeddingRequest build() {
      if (input.isEmpty()) {
        throw new IllegalArgumentException("input must contain at least one text, was empty");
      }
      return new EmbeddingRequest(model, input, single, dimensions);
    }
  }
}
