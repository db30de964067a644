package ai.fireworks.sdk.core;

/** HTTP 5xx: the server failed; usually transient. Immutable; thread-safe. */
public class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from decoded error details. */
  public ServerException(ErrorDetails details) {
    super(details);
  }
}
