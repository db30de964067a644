package ai.fireworks.sdk.core;

/**
 * The request failed in the network: the connection was refused, reset or closed before a
 * complete response arrived. Thread-safe.
 */
public class ConnectionException extends FireworksException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
