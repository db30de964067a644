package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.ConnectionException;
import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.RequestEvent;
import ai.fireworks.sdk.core.RequestListener;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RequestTimeoutException;
import ai.fireworks.sdk.core.RetryPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The SDK's single HTTP transport over {@link HttpClient}: authentication, default headers,
 * per-attempt timeouts, retries with backoff, error decoding and logging, for both buffered and
 * streamed responses. Futures it returns complete on the HTTP client's threads; services move
 * user-visible completions to the client's executor with {@link #toCaller}. Thread-safe.
 */
public final class HttpTransport {
  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk.http");
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(408, 429, 500, 502, 503, 504);
  private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
      "upgrade", "authorization");
  /** Headers whose values may be logged; all others are logged as names only. */
  private static final Set<String> LOGGABLE_HEADERS = Set.of("content-type", "content-length", "x-request-id",
      "x-fireworks-request-id", "cf-ray", "retry-after", "retry-after-ms", "user-agent", "idempotency-key");

  /** True while {@link #call} starts a call on its caller's thread. */
  private static final ThreadLocal<Boolean> CALLER_WAITS = ThreadLocal.withInitial(() -> false);

  private final HttpClient http;
  private final String baseUrl;
  private final String authorization;
  private final Map<String, String> defaultHeaders;
  private final Duration requestTimeout;
  private final Duration bodyIdleTimeout;
  private final RetryPolicy retryPolicy;
  private final TimeSource time;
  private final Executor callerExecutor;
  private final List<RequestListener> listeners;
  /** Calls and waits in progress, which {@link #close} fails; see {@link #track}. */
  private final Map<CompletableFuture<?>, String> inProgress = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public HttpTransport(HttpClient http, URI baseUrl, String apiKey, Map<String, String> defaultHeaders,
      Duration requestTimeout, Duration bodyIdleTimeout, RetryPolicy retryPolicy, TimeSource time,
      Executor callerExecutor, List<RequestListener> listeners) {
    this.http = http;
    String base = baseUrl.toString();
    this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.authorization = "Bearer " + apiKey;
    Map<String, String> settable = new LinkedHashMap<>();
    defaultHeaders.forEach((k, v) -> {
      if (settable(k)) {
        settable.put(k, v);
      }
    });
    this.defaultHeaders = settable;
    this.requestTimeout = requestTimeout;
    this.bodyIdleTimeout = bodyIdleTimeout;
    this.retryPolicy = retryPolicy;
    this.time = time;
    this.callerExecutor = callerExecutor;
    this.listeners = List.copyOf(listeners);
  }

  public TimeSource time() {
    return time;
  }

  /** The executor on which user-visible futures complete. */
  public Executor callerExecutor() {
    return callerExecutor;
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
    return retrying(request, options, (attempt, opts) -> attempt(request, opts, attempt));
  }

  /**
   * Like {@link #send(ApiRequest, RequestOptions)}, telling {@code onAttempt} the number (from 1)
   * of each attempt before it is made, so a caller can tell whether a failure came from a retry
   * (for example a 409 after a create whose first response was lost).
   */
  public CompletableFuture<ApiResponse> send(ApiRequest request, RequestOptions options,
      java.util.function.IntConsumer onAttempt) {
    return retrying(request, options, (attempt, opts) -> {
      onAttempt.accept(attempt);
      return attempt(request, opts, attempt);
    });
  }

  /**
   * Opens a streamed response, retrying until 2xx headers arrive; the body is then the caller's
   * and is never retried.
   */
  public CompletableFuture<StreamingResponse> stream(ApiRequest request, RequestOptions options) {
    return retrying(request, options, (attempt, opts) -> streamAttempt(request, opts, attempt));
  }

  /**
   * Moves completion of {@code future} to the client's executor, so callers' continuations never
   * run on I/O threads. Cancelling the returned future cancels {@code future}. If the executor
   * rejects the hand-over (it was shut down, or it is full), the result completes on the current
   * thread rather than never.
   */
  public <T> CompletableFuture<T> toCaller(CompletableFuture<T> future) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Futures.onCompletion(future, (v, e) -> {
      Runnable complete = () -> {
        if (e != null) {
          result.completeExceptionally(unwrap(e));
        } else {
          result.complete(v);
        }
      };
      try {
        callerExecutor.execute(complete);
      } catch (RejectedExecutionException rejected) {
        complete.run();
      }
    });
    Futures.passCancellation(result, future);
    return result;
  }

  /**
   * Registers {@code future}, a call or wait in progress, so that {@link #close} fails it instead
   * of leaving it pending forever; fails it at once if the transport is closed already. Returns it.
   *
   * @param what names the work in the failure's message, e.g. "GET /v1/accounts/a/deployments/x"
   */
  @SuppressWarnings("CollectionUndefinedEquality") // futures are keys by identity, which is what we want
  public <T> CompletableFuture<T> track(CompletableFuture<T> future, String what) {
    inProgress.put(future, what);
    Futures.onCompletion(future, (v, e) -> inProgress.remove(future));
    if (closed) {
      future.completeExceptionally(closedWhile(what));
    }
    return future;
  }

  /** Starts {@code waiter}, tracked like a call (see {@link #track}): closing fails the wait. */
  public <T> CompletableFuture<T> start(Waiter<T> waiter) {
    return track(waiter.start(), waiter.toString());
  }

  /**
   * Fails every tracked call and wait still in progress with a {@link FireworksException}, and any
   * started later; their dependents run on this thread or, via {@link #toCaller}, on the caller
   * executor. Idempotent.
   */
  public void close() {
    closed = true;
    inProgress.forEach((future, what) -> future.completeExceptionally(closedWhile(what)));
  }

  private static FireworksException closedWhile(String what) {
    return new FireworksException("the FireworksClient was closed; abandoned: " + what);
  }

  /**
   * Starts a call on this thread and waits for it: what the call sends before its first wait runs
   * here with {@link HttpClient#send}, instead of handing the response to another thread (JDK 17's
   * {@code sendAsync} completes on a new thread per response when the machine has fewer than three
   * CPUs). Later attempts (retries) run asynchronously as usual. Rethrows like {@link #join}.
   */
  public static <T> T call(Supplier<CompletableFuture<T>> start) {
    CompletableFuture<T> future;
    if (CALLER_WAITS.get()) {
      future = start.get();
    } else {
      CALLER_WAITS.set(true);
      try {
        future = start.get();
      } finally {
        CALLER_WAITS.set(false);
      }
    }
    return join(future);
  }

  /** Waits for {@code future}, rethrowing its failure as the unchecked exception it carries. */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FireworksException("interrupted while waiting for the response", e);
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new FireworksException(cause.getMessage(), cause);
    }
  }

  /** Strips {@link CompletionException} and {@link ExecutionException} wrappers. */
  public static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  // ---- retries -------------------------------------------------------------------------------

  /**
   * Runs attempts until one succeeds or a failure may not be retried. Each attempt gets the
   * options with its timeout cut to what is left of the total deadline, so no attempt outlives it.
   */
  private <R> CompletableFuture<R> retrying(ApiRequest request, RequestOptions options,
      java.util.function.BiFunction<Integer, RequestOptions, CompletableFuture<R>> attemptFn) {
    RetryPolicy policy = options.retryPolicy().orElse(retryPolicy);
    boolean repeatable = request.isIdempotent() || options.idempotencyKey().isPresent();
    Instant start = time.now();
    Instant deadline = start.plus(policy.totalTimeout());
    CompletableFuture<R> result = track(new CompletableFuture<>(), request.toString());
    if (result.isDone()) {
      return result; // closed: nothing is sent
    }
    int[] attempts = {0};
    new Object() {
      private volatile Future<?> timer;

      {
        Futures.onCompletion(result, (v, e) -> {
          Future<?> t = timer;
          if (t != null && e instanceof CancellationException) {
            t.cancel(false);
          }
        });
      }

      void run(int attempt) {
        if (result.isDone()) {
          return;
        }
        Duration left = Duration.between(time.now(), deadline);
        Duration timeout = options.timeout().orElse(requestTimeout);
        RequestOptions attemptOptions = left.compareTo(timeout) >= 0 ? options
            : options.withTimeout(left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left);
        attempts[0] = attempt;
        Instant attemptStart = time.now();
        CompletableFuture<R> f = attemptFn.apply(attempt, attemptOptions);

        Futures.passCancellation(result, f);
        Futures.onCompletion(f, (v, e) -> {
          if (!listeners.isEmpty()) {
            tellListeners(RequestListener::onAttempt, event(request, attempt, v, e, attemptStart));
          }
          if (e == null) {
            result.complete(v);
            return;
          }
          Throwable cause = unwrap(e);
          Optional<Duration> delay = retryDelay(cause, attempt, policy, repeatable, deadline);
          if (delay.isEmpty()) {
            result.completeExceptionally(cause);
            return;
          }
          LOG.log(System.Logger.Level.DEBUG, () -> "retrying " + request + " in " + delay.get().toMillis()
              + " ms (attempt " + (attempt + 1) + " of " + policy.maxAttempts() + ") after: " + cause.getMessage());
          try {
            timer = time.schedule(() -> run(attempt + 1), delay.get());
          } catch (RejectedExecutionException rejected) {
            cause.addSuppressed(rejected); // the scheduler was shut down: report the failure we could not retry
            result.completeExceptionally(cause);
            return;
          }
          if (result.isCancelled()) {
            timer.cancel(false); // cancelled while scheduling: the listener above saw no timer yet
          }
        });
      }
    }.run(1);
    if (listeners.isEmpty()) {
      return result;
    }
    // Listeners hear of the call before the caller does; cancelling the caller's future cancels the call.
    CompletableFuture<R> observed = result.whenComplete(
        (v, e) -> tellListeners(RequestListener::onCall, event(request, attempts[0], v, e, start)));
    Futures.passCancellation(observed, result);
    return observed;
  }

  private RequestEvent event(ApiRequest request, int attempt, Object value, Throwable error, Instant start) {
    Throwable cause = error == null ? null : unwrap(error);
    RequestEvent.Builder b = RequestEvent.builder().method(request.method())
        .path(Paths.withQuery(request.path(), request.query())).attempt(attempt)
        .elapsed(Duration.between(start, time.now()));
    if (value instanceof ApiResponse) {
      b.statusCode(((ApiResponse) value).status()).requestId(((ApiResponse) value).requestId());
    } else if (value instanceof StreamingResponse) {
      b.statusCode(((StreamingResponse) value).status()).requestId(((StreamingResponse) value).requestId());
    } else if (cause instanceof ApiException) {
      b.statusCode(((ApiException) cause).statusCode()).requestId(((ApiException) cause).requestId());
    }
    if (cause != null) {
      b.failure(cause instanceof FireworksException ? (FireworksException) cause
          : new FireworksException(String.valueOf(cause.getMessage()), cause));
    }
    return b.build();
  }

  private void tellListeners(java.util.function.BiConsumer<RequestListener, RequestEvent> callback, RequestEvent event) {
    for (RequestListener l : listeners) {
      try {
        callback.accept(l, event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, () -> "RequestListener " + l + " threw; ignored: " + e);
      }
    }
  }

  private Optional<Duration> retryDelay(Throwable cause, int attempt, RetryPolicy policy, boolean repeatable,
      Instant deadline) {
    if (attempt >= policy.maxAttempts() || !isRetryable(cause, repeatable)) {
      return Optional.empty();
    }
    Optional<Duration> hint = cause instanceof ApiException ? ((ApiException) cause).retryAfter() : Optional.empty();
    if (hint.isPresent() && hint.get().compareTo(policy.maxRetryAfter()) > 0) {
      return Optional.empty();
    }
    Duration delay = hint.orElseGet(() -> fullJitter(policy, attempt));
    return time.now().plus(delay).isAfter(deadline) ? Optional.empty() : Optional.of(delay);
  }

  private static Duration fullJitter(RetryPolicy policy, int attempt) {
    long cap = Math.min(policy.maxBackoff().toNanos(),
        policy.initialBackoff().toNanos() << Math.min(attempt - 1, 30));
    return Duration.ofNanos(ThreadLocalRandom.current().nextLong(cap + 1));
  }

  /** Whether a failed attempt may be repeated: never-sent requests always; others only if repeatable. */
  static boolean isRetryable(Throwable cause, boolean repeatable) {
    if (cause instanceof DeploymentScalingUpException) {
      return false; // inference rides cold starts out under its own, longer budget
    }
    if (cause instanceof ApiException) {
      int status = ((ApiException) cause).statusCode();
      return RETRYABLE_STATUS.contains(status) && (repeatable || status == 429);
    }
    if (cause instanceof ConnectionException || cause instanceof RequestTimeoutException) {
      return repeatable || neverSent(cause.getCause());
    }
    return false;
  }

  private static boolean neverSent(Throwable t) {
    return t instanceof ConnectException || t instanceof HttpConnectTimeoutException;
  }

  // ---- one attempt ---------------------------------------------------------------------------

  private CompletableFuture<ApiResponse> attempt(ApiRequest request, RequestOptions options, int attempt) {
    return exchange(request, options, build(request, options, attempt), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(r -> {
          if (r.statusCode() >= 300) {
            throw failure(request, r.statusCode(), r.headers(), r.body());
          }
          return new ApiResponse(r.statusCode(), r.headers(), r.body(), this::redact);
        });
  }

  private CompletableFuture<StreamingResponse> streamAttempt(ApiRequest request, RequestOptions options, int attempt) {
    HttpResponse.BodyHandler<Object> handler = info -> info.statusCode() < 300
        ? HttpResponse.BodySubscribers.mapping(new IdleTimeoutBody(bodyIdleTimeout), in -> in)
        : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), b -> b);
    return exchange(request, options, build(request, options, attempt), handler).thenApply(r -> {
      if (r.statusCode() >= 300) {
        throw failure(request, r.statusCode(), r.headers(), (byte[]) r.body());
      }
      return new StreamingResponse(r.statusCode(), r.headers(), (java.io.InputStream) r.body(), this::redact);
    });
  }

  /** Runs one exchange under the attempt timeout, mapping JDK failures to SDK exceptions. */
  private <B> CompletableFuture<HttpResponse<B>> exchange(ApiRequest request, RequestOptions options,
      HttpRequest httpRequest, HttpResponse.BodyHandler<B> handler) {
    Duration timeout = options.timeout().orElse(requestTimeout);
    long started = System.nanoTime();
    LOG.log(System.Logger.Level.DEBUG, () -> "--> " + request);
    if (CALLER_WAITS.get()) {
      return exchangeHere(request, timeout, started, httpRequest, handler);
    }
    CompletableFuture<HttpResponse<B>> sent = http.sendAsync(httpRequest, handler);
    CompletableFuture<HttpResponse<B>> result = new CompletableFuture<>();
    Future<?> timer = time.schedule(() -> {
      if (result.completeExceptionally(timedOut(request, timeout))) {
        sent.cancel(true);
      }
    }, timeout);
    Futures.onCompletion(sent, (r, e) -> {
      timer.cancel(false);
      if (e != null) {
        result.completeExceptionally(networkFailure(request, unwrap(e)));
        return;
      }
      logResponse(request, r, started);
      result.complete(r);
    });
    Futures.passCancellation(result, sent);
    return result;
  }

  /**
   * The exchange of {@link #call}, on the caller's thread; the timeout interrupts the thread, which
   * makes {@link HttpClient#send} abandon the exchange.
   */
  private <B> CompletableFuture<HttpResponse<B>> exchangeHere(ApiRequest request, Duration timeout, long started,
      HttpRequest httpRequest, HttpResponse.BodyHandler<B> handler) {
    CallerInterrupt deadline = new CallerInterrupt(Thread.currentThread());
    Future<?> timer = time.schedule(deadline::fire, timeout);
    try {
      HttpResponse<B> r = http.send(httpRequest, handler);
      logResponse(request, r, started);
      return CompletableFuture.completedFuture(r);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(deadline.fired() ? timedOut(request, timeout) : networkFailure(request, e));
    } catch (InterruptedException e) {
      if (deadline.fired()) {
        return CompletableFuture.failedFuture(timedOut(request, timeout));
      }
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(new FireworksException("interrupted while waiting for " + request, e));
    } finally {
      timer.cancel(false);
      deadline.settle();
    }
  }

  private static RequestTimeoutException timedOut(ApiRequest request, Duration timeout) {
    return new RequestTimeoutException(request + " got no complete response within " + timeout.toMillis()
        + " ms (request timeout)");
  }

  private static void logResponse(ApiRequest request, HttpResponse<?> r, long started) {
    LOG.log(System.Logger.Level.DEBUG, () -> "<-- " + r.statusCode() + " " + request + " ("
        + (System.nanoTime() - started) / 1_000_000 + " ms) " + loggable(r.headers()));
  }

  private ApiException failure(ApiRequest request, int status, HttpHeaders headers, byte[] body) {
    ApiException e = ErrorDecoder.decode(status, headers.map(), redactKey(body), time.now());
    LOG.log(System.Logger.Level.DEBUG, () -> request + " failed: " + e.getMessage());
    return e;
  }

  /**
   * Servers sometimes echo the credential in an error ("Incorrect API key provided: ..."); it must
   * not reach exception messages, logs or {@link ApiException#body()}. Keys shorter than 8
   * characters are not real keys and are left alone, so test keys do not mangle bodies.
   */
  private byte[] redactKey(byte[] body) {
    if (body == null) {
      return null;
    }
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    String redacted = redact(text);
    return redacted.equals(text) ? body : redacted.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@code text} with the API key replaced by {@code ****} (keys under 8 characters are left alone, see above). */
  String redact(String text) {
    String key = authorization.substring("Bearer ".length());
    return text == null || key.length() < 8 || !text.contains(key) ? text : text.replace(key, "****");
  }

  private static FireworksException networkFailure(ApiRequest request, Throwable e) {
    if (e instanceof FireworksException) {
      return (FireworksException) e;
    }
    if (e instanceof HttpTimeoutException) {
      return new RequestTimeoutException(request + " timed out: " + e.getMessage(), e);
    }
    if (e instanceof IOException) {
      String what = neverSent(e) ? "could not connect" : "lost the connection";
      return new ConnectionException(request + " " + what + ": " + e, e);
    }
    return new FireworksException(request + " failed: " + e, e);
  }

  private HttpRequest build(ApiRequest request, RequestOptions options, int attempt) {
    // No HttpRequest.timeout: the attempt timer above owns the deadline (on the client's clock, body
    // included), and a JDK request timer would wake the HTTP client's selector thread on every request.
    Map<String, String> query = request.query();
    if (!options.queryParams().isEmpty()) {
      query = new LinkedHashMap<>(query);
      query.putAll(options.queryParams()); // RequestOptions.queryParams: the caller's escape hatch wins
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + Paths.withQuery(request.path(), query)));
    defaultHeaders.forEach(b::setHeader);
    options.headers().forEach((k, v) -> {
      if (settable(k)) {
        b.setHeader(k, v);
      }
    });
    b.setHeader("Authorization", authorization);
    b.setHeader("Accept", "application/json");
    options.idempotencyKey().ifPresent(k -> b.setHeader("Idempotency-Key", k));
    if (attempt > 1) {
      b.setHeader("X-Retry-Count", Integer.toString(attempt - 1));
    }
    if (request.body() == null) {
      b.method(request.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      b.setHeader("Content-Type", "application/json");
      b.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(Json.write(request.body())));
    }
    return b.build();
  }

  /** Whether a caller may set header {@code name}; the transport or the JDK owns the others. */
  private static boolean settable(String name) {
    return !RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  private static String loggable(HttpHeaders headers) {
    StringBuilder s = new StringBuilder();
    headers.map().forEach((k, v) -> {
      if (LOGGABLE_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
        s.append(k).append('=').append(String.join(",", v)).append(' ');
      }
    });
    return s.toString().trim();
  }

  /** Never prints the API key. */
  @Override
  public String toString() {
    return "HttpTransport{" + baseUrl + "}";
  }
}
