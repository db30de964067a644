package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.internal.ApiRequest;
import ai.fireworks.sdk.core.internal.ApiResponse;
import ai.fireworks.sdk.core.internal.ApiResponse.BodyDecoder;
import ai.fireworks.sdk.core.internal.Blocking;
import ai.fireworks.sdk.core.internal.ClientAccess;
import ai.fireworks.sdk.core.internal.Futures;
import ai.fireworks.sdk.core.internal.HttpTransport;
import ai.fireworks.sdk.core.internal.StreamingResponse;
import ai.fireworks.sdk.inference.internal.ColdStartRetry;
import ai.fireworks.sdk.inference.internal.DeploymentCheck;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Completions and chat completions ({@code /inference/v1/completions},
 * {@code /inference/v1/chat/completions}) over the client's one HTTP transport: blocking,
 * {@link CompletableFuture} and streamed forms of each. {@link #embeddings()} and
 * {@link #reranker()} give embeddings and rerank on the same view, under the same retries and
 * cold-start policy.
 *
 * <p>Every call is retried like a read, since inference changes no server state: connection
 * failures and HTTP 408/429/5xx under the client's {@code RetryPolicy}. On top of that, a
 * deployment scaled to zero (HTTP 503 {@code DEPLOYMENT_SCALING_UP}) is waited out under the
 * {@link ColdStartPolicy} ({@link ColdStartPolicy#defaults()}: up to 10 minutes), and a deployment
 * that just became ready but is not routable yet (404 "model not found … not deployed") is
 * retried for a short window when the request targets it. Before that window starts, one
 * control-plane GET checks that the deployment exists: a mistyped, deleted or failed deployment, or
 * one in another account the key cannot read, fails at once with a {@link
 * ai.fireworks.sdk.core.NotFoundException} that names it and says why. A stream is never retried
 * once its first event reached the caller.
 *
 * <p>Bad input (a missing model or prompt, a value out of range) throws
 * {@link IllegalArgumentException} before anything is sent, from the async methods too. Remote
 * failures are {@link FireworksException}s: blocking methods throw them, async ones complete their
 * future with them, on the client's executor.
 *
 * <p>Thread-safe; create one per {@link FireworksClient} and share it. {@link #on} and
 * {@link #withColdStart} return cheap views over the same transport.
 */
public final class InferenceClient {
  static final String COMPLETIONS_PATH = "/inference/v1/completions";
  static final String CHAT_PATH = "/inference/v1/chat/completions";

  /** What differs between the two endpoints; everything else goes the same way. */
  private record Endpoint<R, C, S extends EventStream<C>>(String path, Class<R> type, BodyDecoder<R> decoder,
      BiFunction<R, ResponseMetadata, R> withMetadata, StreamOpener<S> opener,
      BiFunction<S, Consumer<? super C>, CompletableFuture<R>> accumulate) {}

  /** Wraps an opened response in the endpoint's stream type. */
  private interface StreamOpener<S> {
    S open(StreamingResponse response, String description, Executor executor);
  }

  private static final Endpoint<Completion, CompletionChunk, CompletionStream> COMPLETIONS = new Endpoint<>(
      COMPLETIONS_PATH, Completion.class, BodyDecoder.databind(Completion.class),
      Completion::withMetadata, CompletionStream::new, CompletionStream::accumulateAsync);

  private static final Endpoint<ChatCompletion, ChatCompletionChunk, ChatCompletionStream> CHAT = new Endpoint<>(
      CHAT_PATH, ChatCompletion.class, ChatCompletionDecoder::decode,
      ChatCompletion::withMetadata, ChatCompletionStream::new, ChatCompletionStream::accumulateAsync);

  private final FireworksClient client;
  private final HttpTransport transport;
  private final DeploymentName deployment;
  private final ColdStartPolicy coldStart;
  private final DeploymentCheck deploymentCheck;

  private InferenceClient(FireworksClient client, DeploymentName deployment, ColdStartPolicy coldStart) {
    this.client = client;
    this.transport = ClientAccess.transport(client);
    this.deployment = deployment;
    this.coldStart = coldStart;
    this.deploymentCheck = new DeploymentCheck(transport, client.accountId());
  }

  /** The inference service of {@code client}, with {@link ColdStartPolicy#defaults()}. */
  public static InferenceClient of(FireworksClient client) {
    return new InferenceClient(Objects.requireNonNull(client, "client"), null, ColdStartPolicy.defaults());
  }

  /**
   * A view whose requests go to {@code deployment}: a request naming model {@code M} is sent as
   * {@code M#<deployment>}, a request without a model targets the deployment (its base model).
   * A request that names another deployment, or a deployed model, is rejected with
   * {@link IllegalArgumentException}.
   */
  public InferenceClient on(DeploymentName deployment) {
    return new InferenceClient(client, Objects.requireNonNull(deployment, "deployment"), coldStart);
  }

  /** A view that rides out cold starts under {@code policy} ({@link ColdStartPolicy#disabled()} to fail at once). */
  public InferenceClient withColdStart(ColdStartPolicy policy) {
    return new InferenceClient(client, deployment, Objects.requireNonNull(policy, "policy"));
  }

  /** The deployment this view is bound to, if any. */
  public Optional<DeploymentName> deployment() {
    return Optional.ofNullable(deployment);
  }

  /** The cold-start policy of this view. */
  public ColdStartPolicy coldStartPolicy() {
    return coldStart;
  }

  /** Embeddings on this view: the same deployment binding and cold-start policy as chat. */
  public EmbeddingsClient embeddings() {
    return new EmbeddingsClient(this);
  }

  /** Reranking on this view: the same deployment binding and cold-start policy as chat. */
  public RerankClient reranker() {
    return new RerankClient(this);
  }

  // ---- completions --------------------------------------------------------------------------

  /** Completes {@code prompt} with {@code model} using the server's default parameters. */
  public Completion completions(ModelRef model, String prompt) {
    return complete(CompletionRequest.of(model, prompt));
  }

  /**
   * Generates a text completion.
   *
   * @throws IllegalArgumentException if the request has no model and this view no deployment
   * @throws ColdStartTimeoutException if the deployment was still scaling up when the cold-start budget ran out
   * @throws FireworksException for any other failure ({@code ApiException} subclasses for HTTP errors)
   */
  public Completion complete(CompletionRequest request) {
    return complete(request, RequestOptions.none());
  }

  /** {@link #complete(CompletionRequest)} with per-call options (timeout, retry policy, headers). */
  public Completion complete(CompletionRequest request, RequestOptions options) {
    return Blocking.call(() -> send(request, options, COMPLETIONS));
  }

  /**
   * {@link #complete(CompletionRequest)} without blocking; the future completes on the client's
   * executor. Cancelling it stops any cold-start waiting and the request in flight.
   */
  public CompletableFuture<Completion> completeAsync(CompletionRequest request) {
    return completeAsync(request, RequestOptions.none());
  }

  /** {@link #completeAsync(CompletionRequest)} with per-call options. */
  public CompletableFuture<Completion> completeAsync(CompletionRequest request, RequestOptions options) {
    return transport.toCaller(send(request, options, COMPLETIONS));
  }

  /**
   * Starts a streamed text completion; returns once the response headers arrived (after any
   * cold-start waits). Use it in try-with-resources.
   *
   * @throws IllegalArgumentException if the request has no model and this view no deployment
   * @throws FireworksException if the stream could not be opened
   */
  public CompletionStream completeStreaming(CompletionRequest request) {
    return completeStreaming(request, RequestOptions.none());
  }

  /** {@link #completeStreaming(CompletionRequest)} with per-call options. */
  public CompletionStream completeStreaming(CompletionRequest request, RequestOptions options) {
    return Blocking.call(() -> open(request, options, COMPLETIONS));
  }

  /**
   * Streams a text completion without blocking the caller: each chunk is handed to
   * {@code onChunk} in order, on one of the client's executor threads (which the stream occupies
   * while it lasts), and the future completes with the chunks joined into one {@link Completion}
   * (usage and perf metrics from the final chunk). Cancelling the future closes the stream. If
   * {@code onChunk} throws, the stream is closed and the future fails with that exception.
   */
  public CompletableFuture<Completion> completeStreamingAsync(CompletionRequest request,
      Consumer<? super CompletionChunk> onChunk) {
    return completeStreamingAsync(request, RequestOptions.none(), onChunk);
  }

  /** {@link #completeStreamingAsync(CompletionRequest, Consumer)} with per-call options. */
  public CompletableFuture<Completion> completeStreamingAsync(CompletionRequest request, RequestOptions options,
      Consumer<? super CompletionChunk> onChunk) {
    return streamAsync(request, options, COMPLETIONS, onChunk);
  }

  // ---- chat ---------------------------------------------------------------------------------

  /**
   * Generates a chat completion.
   *
   * @throws IllegalArgumentException if the request has no model and this view no deployment
   * @throws ColdStartTimeoutException if the deployment was still scaling up when the cold-start budget ran out
   * @throws FireworksException for any other failure ({@code ApiException} subclasses for HTTP errors)
   */
  public ChatCompletion chat(ChatRequest request) {
    return chat(request, RequestOptions.none());
  }

  /** {@link #chat(ChatRequest)} with per-call options (timeout, retry policy, headers). */
  public ChatCompletion chat(ChatRequest request, RequestOptions options) {
    return Blocking.call(() -> send(request, options, CHAT));
  }

  /**
   * {@link #chat(ChatRequest)} without blocking; the future completes on the client's executor.
   * Cancelling it stops any cold-start waiting and the request in flight.
   */
  public CompletableFuture<ChatCompletion> chatAsync(ChatRequest request) {
    return chatAsync(request, RequestOptions.none());
  }

  /** {@link #chatAsync(ChatRequest)} with per-call options. */
  public CompletableFuture<ChatCompletion> chatAsync(ChatRequest request, RequestOptions options) {
    return transport.toCaller(send(request, options, CHAT));
  }

  /**
   * Starts a streamed chat completion; returns once the response headers arrived (after any
   * cold-start waits). Use it in try-with-resources.
   *
   * @throws IllegalArgumentException if the request has no model and this view no deployment
   * @throws FireworksException if the stream could not be opened
   */
  public ChatCompletionStream chatStreaming(ChatRequest request) {
    return chatStreaming(request, RequestOptions.none());
  }

  /** {@link #chatStreaming(ChatRequest)} with per-call options. */
  public ChatCompletionStream chatStreaming(ChatRequest request, RequestOptions options) {
    return Blocking.call(() -> open(request, options, CHAT));
  }

  /**
   * Streams a chat completion without blocking the caller: each chunk is handed to
   * {@code onChunk} in order, on one of the client's executor threads (which the stream occupies
   * while it lasts), and the future completes with the chunks joined into one
   * {@link ChatCompletion} (content, reasoning and tool calls concatenated; usage and perf metrics
   * from the final chunk). Cancelling the future closes the stream. If {@code onChunk} throws, the
   * stream is closed and the future fails with that exception.
   */
  public CompletableFuture<ChatCompletion> chatStreamingAsync(ChatRequest request,
      Consumer<? super ChatCompletionChunk> onChunk) {
    return chatStreamingAsync(request, RequestOptions.none(), onChunk);
  }

  /** {@link #chatStreamingAsync(ChatRequest, Consumer)} with per-call options. */
  public CompletableFuture<ChatCompletion> chatStreamingAsync(ChatRequest request, RequestOptions options,
      Consumer<? super ChatCompletionChunk> onChunk) {
    return streamAsync(request, options, CHAT, onChunk);
  }

  // ---- plumbing -----------------------------------------------------------------------------

  private <R> CompletableFuture<R> send(InferenceRequest request, RequestOptions options, Endpoint<R, ?, ?> endpoint) {
    ModelRef target = target(request);
    return post(endpoint.path(), target, request.body(target.toString(), false), options,
        (r, api) -> endpoint.withMetadata().apply(r.json(endpoint.type(), api, endpoint.decoder()), ResponseMetadata.of(r.status(), r.headers())));
  }

  /**
   * The one path every buffered inference call takes (chat, completions, embeddings, rerank):
   * POSTs {@code body} to {@code path} as a repeatable request, under the transport's retries and
   * this view's cold-start policy for {@code target}, and decodes the 2xx response.
   */
  <R> CompletableFuture<R> post(String path, ModelRef target, Object body, RequestOptions options,
      BiFunction<ApiResponse, ApiRequest, R> decode) {
    Objects.requireNonNull(options, "options");
    ApiRequest api = ColdStartRetry.post(path, body);
    return ridingColdStarts(() -> transport.send(api, options).thenApply(r -> decode.apply(r, api)), target, api);
  }

  /** The client's transport, for the services that share this view ({@link EmbeddingsClient}, {@link RerankClient}). */
  HttpTransport transport() {
    return transport;
  }

  private <C, S extends EventStream<C>> CompletableFuture<S> open(InferenceRequest request, RequestOptions options,
      Endpoint<?, C, S> endpoint) {
    Objects.requireNonNull(options, "options");
    ModelRef target = target(request);
    ApiRequest api = ColdStartRetry.post(endpoint.path(), request.body(target.toString(), true));
    return ridingColdStarts(() -> transport.stream(api, options).thenApply(r -> endpoint.opener().open(r,
        api.toString(), transport.callerExecutor())), target, api);
  }

  /** Runs {@code attempt} under this client's cold-start policy, tracked so that closing the client ends it. */
  private <T> CompletableFuture<T> ridingColdStarts(Supplier<CompletableFuture<T>> attempt, ModelRef target,
      ApiRequest api) {
    boolean notFoundWindow = !coldStart.notFoundWindow().isZero() && !coldStart.budget().isZero();
    return transport.track(ColdStartRetry.run(deploymentCheck.guard(attempt, target, notFoundWindow), target,
        coldStart, transport.time()), api);
  }

  /** Opens a stream and accumulates it on the caller executor, feeding {@code onChunk}; cancelling closes it. */
  private <R, C, S extends EventStream<C>> CompletableFuture<R> streamAsync(InferenceRequest request,
      RequestOptions options, Endpoint<R, C, S> endpoint, Consumer<? super C> onChunk) {
    Objects.requireNonNull(onChunk, "onChunk");
    return transport.toCaller(Futures.compose(open(request, options, endpoint),
        stream -> endpoint.accumulate().apply(stream, onChunk)));
  }

  /** The model the request goes to, after resolving short forms and applying this view's deployment. */
  ModelRef target(InferenceRequest request) {
    Objects.requireNonNull(request, "request");
    return target(request.resolveModel(account()));
  }

  /** The client's account, against which bare model ids are resolved; null if it has none. */
  AccountId account() {
    return client.accountId().orElse(null);
  }

  /** The model a request naming {@code ref} (or nothing) goes to, after applying this view's deployment. */
  ModelRef target(Optional<ModelRef> ref) {
    if (deployment == null) {
      return ref.orElseThrow(() -> new IllegalArgumentException(
          "model is required: set it on the request, or query a deployment with InferenceClient.on(deployment)"));
    }
    if (ref.isEmpty()) {
      return ModelRef.of(deployment);
    }
    ModelRef m = ref.get();
    if (m.deployedModel().isPresent()) {
      throw new IllegalArgumentException("model " + m + " names a deployed model, but this client is bound to deployment "
          + deployment + "; send it through an unbound InferenceClient");
    }
    if (m.deployment().isPresent()) {
      if (m.deployment().get().equals(deployment)) {
        return m;
      }
      throw new IllegalArgumentException("model " + m + " targets deployment " + m.deployment().get()
          + ", but this client is bound to deployment " + deployment);
    }
    return ModelRef.of(m.model().orElseThrow(), deployment);
  }

  /** Names the binding, never the API key. */
  @Override
  public String toString() {
    return "InferenceClient{" + (deployment == null ? "" : "deployment=" + deployment + ", ")
        + "coldStartBudget=" + coldStart.budget() + "}";
  }
}
