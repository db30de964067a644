package ai.fireworks.sdk.deployments.internal;

/**
 * The switches of a deployment create, beyond the spec itself.
 *
 * @param validateOnly ask the server to validate and not create ({@code validateOnly=true})
 * @param skipShapeValidation send {@code skipShapeValidation=true}
 * @param disableSpeculativeDecoding send {@code disableSpeculativeDecoding=true}
 * @param returnExistingIfMatches on a 409, return the existing deployment when it matches the spec
 */
public record CreateFlags(boolean validateOnly, boolean skipShapeValidation, boolean disableSpeculativeDecoding,
    boolean returnExistingIfMatches) {

  /** What {@code apply} creates with: nothing but returning an existing matching deployment. */
  public static final CreateFlags APPLY = new CreateFlags(false, false, false, true);
}
