package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.StreamException;
import java.util.Optional;

/**
 * The server reported an error inside a stream that had already begun: a {@code data:} event
 * holding an {@code {"error": ...}} object or a flat error object without {@code choices} (such as
 * {@code {"message":...,"code":"NOT_FOUND","type":"error"}}), or an {@code event: error} (whose
 * data, when it is not JSON, is the message and there is no code). Carries the server's code,
 * message and the request id. Never retried. Immutable; thread-safe.
 */
public class StreamErrorException extends StreamException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;
  private final String errorMessage;
  private final String requestId;

  /** Creates the exception; {@code errorCode} and {@code requestId} may be {@code null}. */
  public StreamErrorException(String message, String errorCode, String errorMessage, String requestId) {
    super(message);
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.requestId = requestId;
  }

  /** The server's error code or type, if it sent one. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The server's message. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The request id of the stream's response. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
