package ai.fireworks.sdk.core;

/** HTTP 404: the resource does not exist, belongs to another account, or (for inference) the model is not deployed. Immutable; thread-safe. */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from decoded error details. */
  public NotFoundException(ErrorDetails details) {
    super(details);
  }
}
