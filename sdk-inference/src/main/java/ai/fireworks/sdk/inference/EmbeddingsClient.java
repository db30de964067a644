package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.internal.Blocking;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Embeddings ({@code POST /inference/v1/embeddings}) on the view of the {@link InferenceClient} it
 * came from ({@link InferenceClient#embeddings()}): same transport, same deployment binding, and
 * the same cold-start policy, so a deployment scaled to zero is waited out exactly as for chat.
 *
 * <p>{@link #embed} sends one request; {@link #embedAll} splits a long list into batches, sends
 * at most {@link #maxConcurrency()} of them at a time (default 4) and reassembles the vectors in
 * input order. Bad input throws {@link IllegalArgumentException} before anything is sent; remote
 * failures are {@code FireworksException}s (blocking forms throw them, async forms complete their
 * future with them on the client's executor). Thread-safe.
 */
public final class EmbeddingsClient {
  static final String PATH = "/inference/v1/embeddings";
  private static final int DEFAULT_CONCURRENCY = 4;

  private final InferenceClient inference;
  private final int maxConcurrency;

  EmbeddingsClient(InferenceClient inference) {
    this(inference, DEFAULT_CONCURRENCY);
  }

  private EmbeddingsClient(InferenceClient inference, int maxConcurrency) {
    this.inference = inference;
    this.maxConcurrency = maxConcurrency;
  }

  /**
   * A view sending at most {@code maxConcurrency} batches of an {@link #embedAll} call at once.
   *
   * @throws IllegalArgumentException if below 1
   */
  public EmbeddingsClient withMaxConcurrency(int maxConcurrency) {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
    }
    return new EmbeddingsClient(inference, maxConcurrency);
  }

  /** Batches of one {@link #embedAll} call in flight at once; 4 unless set by {@link #withMaxConcurrency}. */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /**
   * Embeds the request's inputs in one call; the vectors come back in input order.
   *
   * @throws IllegalArgumentException if the request has no model and the view no deployment
   * @throws ColdStartTimeoutException if the deployment was still scaling up when the cold-start budget ran out
   * @throws FireworksException for any other failure, including a response with a vector count
   *     different from the input count
   */
  public Embeddings embed(EmbeddingRequest request) {
    return embed(request, RequestOptions.none());
  }

  /** {@link #embed(EmbeddingRequest)} with per-call options (timeout, retry policy, headers). */
  public Embeddings embed(EmbeddingRequest request, RequestOptions options) {
    return Blocking.call(() -> send(request, options));
  }

  /** {@link #embed(EmbeddingRequest)} without blocking; the future completes on the client's executor. */
  public CompletableFuture<Embeddings> embedAsync(EmbeddingRequest request) {
    return embedAsync(request, RequestOptions.none());
  }

  /** {@link #embedAsync(EmbeddingRequest)} with per-call options. */
  public CompletableFuture<Embeddings> embedAsync(EmbeddingRequest request, RequestOptions options) {
    return inference.transport().toCaller(send(request, options));
  }

  /**
   * Embeds any number of inputs in batches of {@code batchSize}, at most {@link #maxConcurrency()}
   * requests at a time, each riding cold starts like {@link #embed}; the vectors come back in input
   * order, with the usage summed over the batches and the metadata of the first.
   *
   * @throws IllegalArgumentException if {@code batchSize} is below 1, or as {@link #embed}
   * @throws EmbeddingBatchException if a batch failed (the others are cancelled); it names the
   *     batch's range of inputs and carries the batch's failure as its cause
   */
  public Embeddings embedAll(EmbeddingRequest request, int batchSize) {
    return Blocking.join(embedAllAsync(request, batchSize));
  }

  /**
   * {@link #embedAll} without blocking; batches are sent and gathered on the client's executor.
   * Cancelling the future cancels the batches in flight and sends no more.
   */
  public CompletableFuture<Embeddings> embedAllAsync(EmbeddingRequest request, int batchSize) {
    Objects.requireNonNull(request, "request");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
    }
    inference.target(request.resolveModel(inference.account())); // bad input throws here, before any batch
    EmbedAll all = new EmbedAll(request, batchSize, maxConcurrency, b -> send(b, RequestOptions.none()),
        inference.transport().callerExecutor());
    return inference.transport().toCaller(all.start());
  }

  private CompletableFuture<Embeddings> send(EmbeddingRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request");
    ModelRef target = inference.target(request.resolveModel(inference.account()));
    int expected = request.input().size();
    return inference.post(PATH, target, request.body(target.toString()), options, (r, api) -> {
      Embeddings e = EmbeddingsReader.read(r, api);
      if (e.size() != expected) {
        throw new FireworksException(api + " returned " + e.size() + " vectors for " + expected + " inputs"
            + e.metadata().requestId().map(id -> " (request id: " + id + ")").orElse(""));
      }
      return e;
    });
  }

  @Override
  public String toString() {
    return "EmbeddingsClient{" + inference + ", maxConcurrency=" + maxConcurrency + "}";
  }
}
