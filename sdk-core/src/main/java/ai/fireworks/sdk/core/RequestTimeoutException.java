package ai.fireworks.sdk.core;

/**
 * A client-side time limit ran out: connecting, waiting for the response, an idle response body,
 * or the total retry deadline. Thread-safe.
 */
public class RequestTimeoutException extends FireworksException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public RequestTimeoutException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public RequestTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
