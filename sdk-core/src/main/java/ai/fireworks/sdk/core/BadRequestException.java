package ai.fireworks.sdk.core;

/** HTTP 400: the request was malformed or invalid. Immutable; thread-safe. */
public class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from decoded error details. */
  public BadRequestException(ErrorDetails details) {
    super(details);
  }
}
