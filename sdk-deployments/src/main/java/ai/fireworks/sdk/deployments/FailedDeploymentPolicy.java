package ai.fireworks.sdk.deployments;

/** What {@code apply} does with a deployment that is FAILED, DELETED or DELETING. */
public enum FailedDeploymentPolicy {
  /** Change nothing; {@code apply} throws {@link DeploymentFailedException}. The default. */
  REPORT,
  /** Hard-delete it (freeing the id), wait until it is gone, then create it from the spec. */
  RECREATE
}
