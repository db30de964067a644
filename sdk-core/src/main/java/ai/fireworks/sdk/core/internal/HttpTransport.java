package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RetryPolicy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;

/**
 * The SDK's single HTTP transport over {@link HttpClient}: every call goes through here, as
 * attempts ({@link Exchange}) under the retry loop ({@link RetryLoop} with {@link TransportRetry}),
 * tracked for {@link #close} ({@link InProgress}) and reported to listeners ({@link RequestEvents}).
 * Futures it returns complete on the HTTP client's threads; services move user-visible completions
 * to the client's executor with {@link #toCaller}. Thread-safe.
 */
public final class HttpTransport {
  private static final Duration SHORTEST_ATTEMPT = Duration.ofMillis(1);

  /** Sends one attempt; {@link Exchange#send} or {@link Exchange#stream}. */
  @FunctionalInterface
  private interface Sender<R> {
    CompletableFuture<R> send(ApiRequest request, RequestOptions options, int number, Duration timeout);
  }

  private final TransportConfig config;
  private final Exchange exchange;
  private final CallerHandOver handOver;
  private final Senders senders;
  private final InProgress inProgress = new InProgress();
  private final RequestEvents events;
  private final String name;

  public HttpTransport(TransportConfig config) {
    this.config = config;
    this.senders = config.senderThreads() ? Senders.upToMax() : Senders.none();
    RequestFactory requests = new RequestFactory(config.baseUrl(), config.apiKey(), config.defaultHeaders());
    this.exchange = new Exchange(config.http(), requests, new KeyRedactor(config.apiKey()), config.bodyIdleTimeout(),
        config.time(), senders);
    this.handOver = new CallerHandOver(config.callerExecutor());
    this.events = new RequestEvents(config.listeners(), config.time());
    this.name = "HttpTransport{" + requests.baseUrl() + "}";
  }

  /**
   * Whether a transport over an HTTP client the SDK built should carry asynchronous exchanges on
   * its own sender threads: true where the JDK's {@code sendAsync} starts a thread per response
   * (the common pool's parallelism is below 2, as with fewer than three CPUs).
   */
  public static boolean sendersPayOff() {
    return ForkJoinPool.getCommonPoolParallelism() < 2;
  }

  public TimeSource time() {
    return config.time();
  }

  /** The executor on which user-visible futures complete. */
  public Executor callerExecutor() {
    return handOver.executor();
  }

  /** Sends with retries and returns the decoded body. Errors complete the future with a {@link FireworksException}. */
  public <T> CompletableFuture<T> send(ApiRequest request, RequestOptions options, Class<T> type) {
    CompletableFuture<ApiResponse> raw = send(request, options);
    CompletableFuture<T> result = raw.thenApply(r -> r.json(type, request));
    Futures.passCancellation(result, raw); // and so its retries
    return result;
  }

  /** Sends with retries; completes with the 2xx response or a {@link FireworksException}. */
  public CompletableFuture<ApiResponse> send(ApiRequest request, RequestOptions options) {
    return retrying(request, options, exchange::send);
  }

  /**
   * Like {@link #send(ApiRequest, RequestOptions)}, telling {@code onAttempt} the number (from 1)
   * of each attempt before it is made, so a caller can tell whether a failure came from a retry
   * (for example a 409 after a create whose first response was lost).
   */
  public CompletableFuture<ApiResponse> send(ApiRequest request, RequestOptions options, IntConsumer onAttempt) {
    return retrying(request, options, (r, o, number, timeout) -> {
      onAttempt.accept(number);
      return exchange.send(r, o, number, timeout);
    });
  }

  /**
   * Opens a streamed response, retrying until 2xx headers arrive; the body is then the caller's
   * and is never retried.
   */
  public CompletableFuture<StreamingResponse> stream(ApiRequest request, RequestOptions options) {
    return retrying(request, options, exchange::stream);
  }

  /**
   * Moves completion of {@code future} to the client's executor, so callers' continuations never
   * run on I/O threads. Cancelling the returned future cancels {@code future}. If the executor
   * rejects the hand-over (it was shut down, or it is full), the result completes on the current
   * thread rather than never.
   */
  public <T> CompletableFuture<T> toCaller(CompletableFuture<T> future) {
    return handOver.of(future);
  }

  /**
   * Registers {@code future}, a call or wait in progress, so that {@link #close} fails it instead
   * of leaving it pending forever; fails it at once if the transport is closed already. Returns it.
   *
   * @param what names the work in the failure's message by its {@code toString}, taken only then,
   *     e.g. an {@link ApiRequest} ("GET /v1/accounts/a/deployments/x")
   */
  public <T> CompletableFuture<T> track(CompletableFuture<T> future, Object what) {
    return inProgress.track(future, what);
  }

  /** Starts {@code waiter}, tracked like a call (see {@link #track}): closing fails the wait. */
  public <T> CompletableFuture<T> start(Waiter<T> waiter) {
    return track(waiter.start(), waiter);
  }

  /**
   * Fails every tracked call and wait still in progress with a {@link FireworksException}, and any
   * started later, and ends the sender threads; their dependents run on this thread or, via
   * {@link #toCaller}, on the caller executor. Idempotent.
   */
  public void close() {
    inProgress.close();
    senders.shutdown();
  }

  /**
   * Runs attempts until one succeeds or a failure may not be retried. Each attempt's timeout is cut
   * to what is left of the total deadline, so no attempt outlives it.
   */
  private <R> CompletableFuture<R> retrying(ApiRequest request, RequestOptions options, Sender<R> sender) {
    if (inProgress.isClosed()) {
      return inProgress.track(new CompletableFuture<>(), request); // fails at once: nothing is sent
    }
    RetryPolicy policy = options.retryPolicy().orElse(config.retryPolicy());
    Duration timeout = options.timeout().orElse(config.requestTimeout());
    boolean repeatable = request.isIdempotent() || options.idempotencyKey().isPresent();
    RetryLoop.Attempt<R> attempt = (number, left) -> sender.send(request, options, number,
        left.compareTo(timeout) >= 0 ? timeout : left.compareTo(SHORTEST_ATTEMPT) < 0 ? SHORTEST_ATTEMPT : left);
    if (events.isEmpty()) {
      return inProgress.track(loop(request, policy, repeatable, attempt), request);
    }
    Instant start = time().now();
    int[] attempts = {0};
    RetryLoop.Attempt<R> observed = (number, left) -> {
      attempts[0] = number;
      Instant attemptStart = time().now();
      CompletableFuture<R> f = attempt.start(number, left);
      Futures.onCompletion(f, (v, e) -> events.attempt(request, number, v, e, attemptStart));
      return f;
    };
    CompletableFuture<R> result = inProgress.track(loop(request, policy, repeatable, observed), request);
    // Listeners hear of the call before the caller does; cancelling the caller's future cancels the call.
    CompletableFuture<R> told = result.whenComplete((v, e) -> events.call(request, attempts[0], v, e, start));
    Futures.passCancellation(told, result);
    return told;
  }

  private <R> CompletableFuture<R> loop(ApiRequest request, RetryPolicy policy, boolean repeatable,
      RetryLoop.Attempt<R> attempt) {
    return RetryLoop.builder(attempt, new TransportRetry<R>(request, policy, repeatable), time())
        .deadline(policy.totalTimeout(), false).what(request).start();
  }

  /** Never prints the API key. */
  @Override
  public String toString() {
    return name;
  }
}
