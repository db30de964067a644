package ai.fireworks.sdk.core;

/** HTTP 401: the API key is missing, wrong, or lacks the scope for this endpoint. Immutable; thread-safe. */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from decoded error details. */
  public AuthenticationException(ErrorDetails details) {
    super(details);
  }
}
