package ai.fireworks.sdk.langchain4j;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.inference.Embeddings;
import ai.fireworks.sdk.inference.EmbeddingsClient;
import ai.fireworks.sdk.inference.InferenceClient;
import ai.fireworks.sdk.langchain4j.internal.Errors;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.ContentType;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.embedding.request.EmbeddingParameter;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.request.EmbeddingRequestParameters;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An embedding model on Fireworks, usually a dedicated deployment ({@code model#deployment}), as a
 * LangChain4j {@link EmbeddingModel}. Texts are sent through the SDK's {@code embedAll}: in batches
 * of {@link Builder#batchSize} (default 64), a few at a time, the vectors reassembled in input
 * order, each batch riding out cold starts. {@link #dimension()} is the configured
 * {@link Builder#dimensions} without any call; otherwise it is measured once with a one-word
 * request and remembered. Supported request parameters: {@code modelName} and {@code dimensions};
 * text input only. Errors as for {@link FireworksChatModel}. Thread-safe.
 */
public final class FireworksEmbeddingModel implements EmbeddingModel {
  private final EmbeddingsClient embeddings;
  private final ModelRef target;
  private final AccountId account;
  private final Integer dimensions;
  private final int batchSize;
  private final List<EmbeddingModelListener> listeners;
  private volatile Integer measured;

  private FireworksEmbeddingModel(Builder b) {
    InferenceClient inference = b.inference();
    this.embeddings = inference.embeddings();
    this.target = b.target(inference);
    this.account = b.account();
    this.dimensions = b.dimensions;
    this.batchSize = b.batchSize;
    this.listeners = List.copyOf(b.listeners);
  }

  /** A new builder; {@code client} (or {@code inferenceClient}) and {@code target} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Embeds the request's texts, in order.
   *
   * @throws IllegalArgumentException if a value is invalid; nothing is sent
   * @throws dev.langchain4j.exception.LangChain4jException (a subclass, per failure) if a batch failed
   */
  @Override
  public EmbeddingResponse doEmbed(EmbeddingRequest request) {
    List<String> texts = new ArrayList<>();
    for (EmbeddingInput input : request.inputs()) {
      texts.add(input.text());
    }
    ai.fireworks.sdk.inference.EmbeddingRequest.Builder sdk = ai.fireworks.sdk.inference.EmbeddingRequest.builder()
        .model(request.modelName() == null ? target : ModelRef.parse(request.modelName(), account)).input(texts);
    Integer wanted = request.dimensions() != null ? request.dimensions() : dimensions;
    if (wanted != null) {
      sdk.dimensions(wanted);
    }
    Embeddings result;
    try {
      result = embeddings.embedAll(sdk.build(), batchSize);
    } catch (FireworksException e) {
      throw Errors.toLangChain4j(e);
    }
    List<Embedding> vectors = new ArrayList<>(result.size());
    result.vectors().forEach(v -> vectors.add(Embedding.from(v)));
    EmbeddingResponse.Builder response = EmbeddingResponse.builder().embeddings(vectors)
        .modelName(result.model().isEmpty() ? target.toString() : result.model());
    result.usage().ifPresent(u -> response.tokenUsage(new TokenUsage(u.promptTokens(), 0, u.totalTokens())));
    return response.build();
  }

  /** The configured dimensions, or (once) the length of a vector the model returns. */
  @Override
  public int dimension() {
    if (dimensions != null) {
      return dimensions;
    }
    Integer known = measured;
    if (known == null) {
      known = embed("dimension").content().dimension();
      measured = known;
    }
    return known;
  }

  /** The target, as {@code model#deployment}. */
  @Override
  public String modelName() {
    return target.toString();
  }

  /** {@code modelName} (from the request or the target) and {@code dimensions} (from the request or the builder). */
  @Override
  public EmbeddingRequestParameters defaultRequestParameters() {
    return EmbeddingRequestParameters.builder().modelName(target.toString()).dimensions(dimensions).build();
  }

  @Override
  public Set<EmbeddingParameter<?>> supportedParameters() {
    return Set.of(EmbeddingRequestParameters.MODEL_NAME, EmbeddingRequestParameters.DIMENSIONS);
  }

  @Override
  public Set<ContentType> supportedContentTypes() {
    return Set.of(ContentType.TEXT);
  }

  @Override
  public List<EmbeddingModelListener> listeners() {
    return listeners;
  }

  /** {@link ModelProvider#OTHER}: LangChain4j 1.19 has no constant for Fireworks. */
  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  /** Names the target, never the API key. */
  @Override
  public String toString() {
    return "FireworksEmbeddingModel{target=" + target + ", dimensions=" + dimensions + ", batchSize=" + batchSize + "}";
  }

  /** Builds a {@link FireworksEmbeddingModel}. Not thread-safe. */
  public static final class Builder extends FireworksModelBuilder<Builder> {
    private Integer dimensions;
    private int batchSize = 64;
    private final List<EmbeddingModelListener> listeners = new ArrayList<>();

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * {@code dimensions}: the length of the vectors to ask for (models that support shortening);
     * also what {@link FireworksEmbeddingModel#dimension()} answers without a call. Default: the model's own.
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
     * Most texts per request; default 64.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** Listeners told of each request, response and error, as LangChain4j specifies; replaces earlier ones. */
    public Builder listeners(List<? extends EmbeddingModelListener> listeners) {
      this.listeners.clear();
      Objects.requireNonNull(listeners, "listeners").forEach(l -> this.listeners.add(Objects.requireNonNull(l, "listener")));
      return this;
    }

    /**
     * Builds the model.
     *
     * @throws IllegalArgumentException if neither or both of client and inferenceClient were set, or there is no target
     */
    public FireworksEmbeddingModel build() {
      return new FireworksEmbeddingModel(this);
    }
  }
}
