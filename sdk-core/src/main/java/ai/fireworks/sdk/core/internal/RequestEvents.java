package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.RequestEvent;
import ai.fireworks.sdk.core.RequestListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Tells the client's {@link RequestListener}s of each attempt and each call; a listener that
 * throws is logged and ignored. Immutable; thread-safe.
 */
final class RequestEvents {
  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk.http");

  private final List<RequestListener> listeners;
  private final TimeSource time;

  RequestEvents(List<RequestListener> listeners, TimeSource time) {
    this.listeners = listeners;
    this.time = time;
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  /** Reports attempt number {@code attempt}, started at {@code start}, ended with {@code value} or {@code error}. */
  void attempt(ApiRequest request, int attempt, Object value, Throwable error, Instant start) {
    tell(RequestListener::onAttempt, event(request, attempt, value, error, start));
  }

  /** Reports the whole call, which took {@code attempts} attempts since {@code start}. */
  void call(ApiRequest request, int attempts, Object value, Throwable error, Instant start) {
    tell(RequestListener::onCall, event(request, attempts, value, error, start));
  }

  private RequestEvent event(ApiRequest request, int attempt, Object value, Throwable error, Instant start) {
    Throwable cause = error == null ? null : Futures.unwrap(error);
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

  private void tell(BiConsumer<RequestListener, RequestEvent> callback, RequestEvent event) {
    for (RequestListener l : listeners) {
      try {
        callback.accept(l, event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, () -> "RequestListener " + l + " threw; ignored: " + e);
      }
    }
  }
}
