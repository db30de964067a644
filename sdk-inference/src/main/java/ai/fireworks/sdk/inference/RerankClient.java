package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.internal.Blocking;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Reranking ({@code POST /inference/v1/rerank}) on the view of the {@link InferenceClient} it came
 * from ({@link InferenceClient#reranker()}): same transport, deployment binding and cold-start
 * policy as chat. Bad input throws {@link IllegalArgumentException} before anything is sent;
 * remote failures are {@link FireworksException}s (blocking forms throw them, async forms complete
 * their future with them on the client's executor). Thread-safe.
 */
public final class RerankClient {
  static final String PATH = "/inference/v1/rerank";

  private final InferenceClient inference;

  RerankClient(InferenceClient inference) {
    this.inference = inference;
  }

  /**
   * Ranks the request's documents by relevance to its query, most relevant first.
   *
   * @throws IllegalArgumentException if the request has no model and the view no deployment
   * @throws ColdStartTimeoutException if the deployment was still scaling up when the cold-start budget ran out
   * @throws FireworksException for any other failure, including a result index outside the documents
   */
  public RerankResponse rerank(RerankRequest request) {
    return rerank(request, RequestOptions.none());
  }

  /** {@link #rerank(RerankRequest)} with per-call options (timeout, retry policy, headers). */
  public RerankResponse rerank(RerankRequest request, RequestOptions options) {
    return Blocking.call(() -> send(request, options));
  }

  /** {@link #rerank(RerankRequest)} without blocking; the future completes on the client's executor. */
  public CompletableFuture<RerankResponse> rerankAsync(RerankRequest request) {
    return rerankAsync(request, RequestOptions.none());
  }

  /** {@link #rerankAsync(RerankRequest)} with per-call options. */
  public CompletableFuture<RerankResponse> rerankAsync(RerankRequest request, RequestOptions options) {
    return inference.transport().toCaller(send(request, options));
  }

  private CompletableFuture<RerankResponse> send(RerankRequest request, RequestOptions options) {
    Objects.requireNonNull(request, "request");
    ModelRef target = inference.target(request.resolveModel(inference.account()));
    int documents = request.documents().size();
    return inference.post(PATH, target, request.body(target.toString()), options, (r, api) -> {
      RerankResponse response = r.json(RerankResponse.class, api)
          .withMetadata(ResponseMetadata.of(r.status(), r.headers()));
      response.results().stream().filter(x -> x.index() < 0 || x.index() >= documents).findFirst().ifPresent(x -> {
        throw new FireworksException(api + " returned a result for document index " + x.index() + ", but the request"
            + " had " + documents + " documents" + response.metadata().requestId().map(id -> " (request id: " + id + ")")
            .orElse(""));
      });
      return response;
    });
  }

  @Override
  public String toString() {
    return "RerankClient{" + inference + "}";
  }
}
