package ai.fireworks.sdk.deployments;

/** What {@code apply} does, or would do, to make a deployment match a {@link DeploymentSpec}. */
public enum PlanAction {
  /** The deployment does not exist: create it. */
  CREATE,
  /** The deployment exists and differs in fields that can change in place: PATCH exactly those. */
  UPDATE,
  /** The deployment already matches: send nothing. */
  NO_CHANGE,
  /**
   * The deployment is FAILED, DELETED or DELETING and the policy is
   * {@link FailedDeploymentPolicy#RECREATE}: hard-delete it, wait until it is gone, create it again.
   */
  RECREATE,
  /** The deployment is FAILED, DELETED or DELETING and the policy is {@link FailedDeploymentPolicy#REPORT}: change nothing, report it. */
  REPORT,
  /** The spec asks for changes that cannot be made in place (region, placement, accelerator type, base model): change nothing. */
  REFUSED
}
