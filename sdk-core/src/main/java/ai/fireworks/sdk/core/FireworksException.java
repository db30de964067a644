package ai.fireworks.sdk.core;

/**
 * Root of every exception the SDK throws for a failed operation (bad input is reported with
 * {@link IllegalArgumentException} instead, before anything is sent). Unchecked. Messages never
 * contain the API key.
 */
public class FireworksException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public FireworksException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public FireworksException(String message, Throwable cause) {
    super(message, cause);
  }
}
