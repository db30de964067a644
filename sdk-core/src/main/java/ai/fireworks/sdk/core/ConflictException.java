package ai.fireworks.sdk.core;

/** HTTP 409: the resource already exists or is in a transitional state. Immutable; thread-safe. */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from decoded error details. */
  public ConflictException(ErrorDetails details) {
    super(details);
  }
}
