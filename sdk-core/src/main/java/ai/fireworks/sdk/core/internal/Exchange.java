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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One attempt on the wire: sends the request, enforces the attempt timeout on the client's clock
 * (body included), maps JDK failures and non-2xx answers to SDK exceptions, and logs at DEBUG on
 * logger {@code ai.fireworks.sdk.http}. Inside {@link Blocking#call} the exchange runs on the
 * caller's thread, otherwise on one of the {@link Senders} (or with {@code sendAsync} when all are
 * busy); a blocked thread's interrupt enforces the timeout. Immutable; thread-safe.
 */
final class Exchange {
  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk.http");

  private final HttpClient http;
  private final RequestFactory requests;
  private final KeyRedactor redaction;
  private final Duration bodyIdleTimeout;
  private final TimeSource time;
  private final Senders senders;

  Exchange(HttpClient http, RequestFactory requests, KeyRedactor redaction, Duration bodyIdleTimeout, TimeSource time,
      Senders senders) {
    this.http = http;
    this.requests = requests;
    this.redaction = redaction;
    this.bodyIdleTimeout = bodyIdleTimeout;
    this.time = time;
    this.senders = senders;
  }

  /**
   * A buffered attempt: completes with the 2xx response or fails with a {@link FireworksException}.
   *
   * @param number the attempt's number, from 1
   * @param timeout how long it may take, body included
   */
  CompletableFuture<ApiResponse> send(ApiRequest request, RequestOptions options, int number, Duration timeout) {
    return checked(exchange(request, options, number, timeout, false, HttpResponse.BodyHandlers.ofByteArray()), r -> {
      if (r.statusCode() >= 300) {
        throw failure(request, r.statusCode(), r.headers(), r.body());
      }
      return new ApiResponse(r.statusCode(), r.headers(), r.body(), redaction::redact);
    });
  }

  /** A streamed attempt: completes once 2xx headers arrive, the body guarded by the idle timeout. */
  CompletableFuture<StreamingResponse> stream(ApiRequest request, RequestOptions options, int number,
      Duration timeout) {
    HttpResponse.BodyHandler<Object> handler = info -> untyped(info.statusCode() < 300
        ? new IdleTimeoutBody(bodyIdleTimeout) : HttpResponse.BodySubscribers.ofByteArray());
    return checked(exchange(request, options, number, timeout, true, handler), r -> {
      if (r.statusCode() >= 300) {
        throw failure(request, r.statusCode(), r.headers(), (byte[]) r.body());
      }
      return new StreamingResponse(r.statusCode(), r.headers(), (InputStream) r.body(), redaction::redact);
    });
  }

  /**
   * {@code subscriber} as the one type both bodies of a stream share, without the JDK's mapping
   * wrapper: the HTTP client's selector thread then meets the same two subscriber classes as
   * for buffered calls and streams alike, which keeps its call sites cheap to dispatch.
   */
  @SuppressWarnings("unchecked")
  private static HttpResponse.BodySubscriber<Object> untyped(HttpResponse.BodySubscriber<?> subscriber) {
    return (HttpResponse.BodySubscriber<Object>) subscriber;
  }

  /** {@code exchange} mapped by {@code check}; cancelling the result cancels the exchange. */
  private static <B, R> CompletableFuture<R> checked(CompletableFuture<HttpResponse<B>> exchange,
      Function<HttpResponse<B>, R> check) {
    CompletableFuture<R> result = exchange.thenApply(check);
    Futures.passCancellation(result, exchange);
    return result;
  }

  private <B> CompletableFuture<HttpResponse<B>> exchange(ApiRequest request, RequestOptions options, int number,
      Duration timeout, boolean streamed, HttpResponse.BodyHandler<B> handler) {
    HttpRequest httpRequest = requests.build(request, options, number, streamed);
    long started = System.nanoTime();
    LOG.log(System.Logger.Level.DEBUG, () -> "--> " + request);
    if (Blocking.callerWaits()) {
      return exchangeHere(request, timeout, started, httpRequest, handler, null);
    }
    CompletableFuture<HttpResponse<B>> result = new CompletableFuture<>();
    if (senders.tryRun(() -> onSender(request, timeout, started, httpRequest, handler, result))) {
      return result;
    }
    CompletableFuture<HttpResponse<B>> sent = http.sendAsync(httpRequest, handler);
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
   * A sender's exchange. {@code result} completes only once {@link #exchangeHere} has returned, so
   * its dependents (decoding, the next retry, the hand-over) run after the attempt's interrupt has
   * been settled, never under it.
   */
  private <B> void onSender(ApiRequest request, Duration timeout, long started, HttpRequest httpRequest,
      HttpResponse.BodyHandler<B> handler, CompletableFuture<HttpResponse<B>> result) {
    CompletableFuture<HttpResponse<B>> done = exchangeHere(request, timeout, started, httpRequest, handler, result);
    Futures.onCompletion(done, (r, e) -> {
      if (e == null) {
        result.complete(r);
      } else {
        result.completeExceptionally(e);
      }
    });
  }

  /**
   * The exchange on this thread, the caller's ({@link Blocking#call}) or a sender's; returns it
   * completed. The timeout, or cancelling {@code cancellable} (a sender's result, else null),
   * interrupts the thread, which makes {@link HttpClient#send} abandon the exchange.
   */
  private <B> CompletableFuture<HttpResponse<B>> exchangeHere(ApiRequest request, Duration timeout, long started,
      HttpRequest httpRequest, HttpResponse.BodyHandler<B> handler, CompletableFuture<?> cancellable) {
    if (cancellable != null && cancellable.isDone()) {
      return CompletableFuture.failedFuture(new CancellationException()); // cancelled before a sender took it up
    }
    CallerInterrupt deadline = new CallerInterrupt(Thread.currentThread());
    if (cancellable != null) {
      Futures.onCompletion(cancellable, (r, e) -> {
        if (e instanceof CancellationException) {
          deadline.fire();
        }
      });
    }
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
