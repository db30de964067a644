package ai.fireworks.sdk.core;

/** HTTP 403: the key is valid but may not act on this account or resource. Immutable; thread-safe. */
public class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from decoded error details. */
  public PermissionDeniedException(ErrorDetails details) {
    super(details);
  }
}
