package ai.fireworks.sdk.core;

/** HTTP 412: a precondition failed, such as a LoRA addon that failed to load or a suspended account. Immutable; thread-safe. */
public class PreconditionFailedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from decoded error details. */
  public PreconditionFailedException(ErrorDetails details) {
    super(details);
  }
}
