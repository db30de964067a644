package ai.fireworks.sdk.core;

/**
 * A streamed response broke after it began: it ended without its end marker, or a chunk could not
 * be read. Never retried by the SDK once an event reached the caller. Thread-safe.
 */
public class StreamException extends FireworksException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public StreamException(String message) {
    super(message);
  }

  /** Creates the exception with its cause. */
  public StreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
