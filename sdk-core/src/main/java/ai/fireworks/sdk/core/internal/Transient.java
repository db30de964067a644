package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.ConnectionException;
import ai.fireworks.sdk.core.RequestTimeoutException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Set;

/**
 * The SDK's one rule for "this failure may go away if tried again": HTTP 408, 429, 500, 502, 503,
 * 504 and 520, lost or refused connections, and timeouts. Transport retries, waiters and the control
 * plane's services all ask here. Stateless; thread-safe.
 */
public final class Transient {
  private static final Set<Integer> STATUS = Set.of(408, 429, 500, 502, 503, 504, 520);

  private Transient() {}

  /** Whether {@code error} (unwrapped) is transient. */
  public static boolean is(Throwable error) {
    if (error instanceof ApiException) {
      return STATUS.contains(((ApiException) error).statusCode());
    }
    return error instanceof ConnectionException || error instanceof RequestTimeoutException;
  }

  /**
   * Whether a transient failure may be retried for a request that is {@code repeatable} or not: a
   * request that is not safe to repeat only when it cannot have reached the server (a 429, a
   * refused connection).
   */
  public static boolean mayRetry(Throwable error, boolean repeatable) {
    if (!is(error)) {
      return false;
    }
    if (repeatable) {
      return true;
    }
    return error instanceof ApiException ? ((ApiException) error).statusCode() == 429 : neverSent(error.getCause());
  }

  /** Whether {@code t} means the request never left this machine. */
  static boolean neverSent(Throwable t) {
    return t instanceof ConnectException || t instanceof HttpConnectTimeoutException;
  }
}
