package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.ConnectionException;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RequestTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * One attempt on the wire: sends the request, enforces the attempt timeout on the client's clock
 * (body included), maps JDK failures and non-2xx answers to SDK exceptions, and logs at DEBUG on
 * logger {@code ai.fireworks.sdk.http}. Inside {@link Blocking#call} the exchange runs on the
 * caller's thread, whose interrupt enforces the timeout. Immutable; thread-safe.
 */
final class Exchange {
  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk.http");

  private final HttpClient http;
  private final RequestFactory requests;
  private final KeyRedactor redaction;
  private final Duration bodyIdleTimeout;
  private final TimeSource time;

  Exchange(HttpClient http, RequestFactory requests, KeyRedactor redaction, Duration bodyIdleTimeout, TimeSource time) {
    this.http = http;
    this.requests = requests;
    this.redaction = redaction;
    this.bodyIdleTimeout = bodyIdleTimeout;
    this.time = time;
  }

  /**
   * A buffered attempt: completes with the 2xx response or fails with a {@link FireworksException}.
   *
   * @param number the attempt's number, from 1
   * @param timeout how long it may take, body included
   */
  CompletableFuture<ApiResponse> send(ApiRequest request, RequestOptions options, int number, Duration timeout) {
    return exchange(request, options, number, timeout, HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> {
      if (r.statusCode() >= 300) {
        throw failure(request, r.statusCode(), r.headers(), r.body());
      }
      return new ApiResponse(r.statusCode(), r.headers(), r.body(), redaction::redact);
    });
  }

  /** A streamed attempt: completes once 2xx headers arrive, the body guarded by the idle timeout. */
  CompletableFuture<StreamingResponse> stream(ApiRequest request, RequestOptions options, int number,
      Duration timeout) {
    HttpResponse.BodyHandler<Object> handler = info -> info.statusCode() < 300
        ? HttpResponse.BodySubscribers.mapping(new IdleTimeoutBody(bodyIdleTimeout), in -> in)
        : HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), b -> b);
    return exchange(request, options, number, timeout, handler).thenApply(r -> {
      if (r.statusCode() >= 300) {
        throw failure(request, r.statusCode(), r.headers(), (byte[]) r.body());
      }
      return new StreamingResponse(r.statusCode(), r.headers(), (InputStream) r.body(), redaction::redact);
    });
  }

  private <B> CompletableFuture<HttpResponse<B>> exchange(ApiRequest request, RequestOptions options, int number,
      Duration timeout, HttpResponse.BodyHandler<B> handler) {
    HttpRequest httpRequest = requests.build(request, options, number);
    long started = System.nanoTime();
    LOG.log(System.Logger.Level.DEBUG, () -> "--> " + request);
    if (Blocking.callerWaits()) {
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
        result.completeExceptionally(networkFailure(request, Futures.unwrap(e)));
        return;
      }
      logResponse(request, r, started);
      result.complete(r);
    });
    Futures.passCancellation(result, sent);
    return result;
  }

  /**
   * The exchange of {@link Blocking#call}, on the caller's thread; the timeout interrupts the
   * thread, which makes {@link HttpClient#send} abandon the exchange.
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
        + (System.nanoTime() - started) / 1_000_000 + " ms) " + KeyRedactor.loggable(r.headers()));
  }

  private ApiException failure(ApiRequest request, int status, HttpHeaders headers, byte[] body) {
    ApiException e = ErrorDecoder.decode(status, headers.map(), redaction.redact(body), time.now());
    LOG.log(System.Logger.Level.DEBUG, () -> request + " failed: " + e.getMessage());
    return e;
  }

  private static FireworksException networkFailure(ApiRequest request, Throwable e) {
    if (e instanceof FireworksException) {
      return (FireworksException) e;
    }
    if (e instanceof HttpTimeoutException) {
      return new RequestTimeoutException(request + " timed out: " + e.getMessage(), e);
    }
    if (e instanceof IOException) {
      String what = Transient.neverSent(e) ? "could not connect" : "lost the connection";
      return new ConnectionException(request + " " + what + ": " + e, e);
    }
    return new FireworksException(request + " failed: " + e, e);
  }
}
