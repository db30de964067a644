package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.FireworksException;

/**
 * Loading an addon onto a deployment failed: while waiting for
 * {@link DeployedModelState#DEPLOYED}, the deployed model reported an error status or fell back
 * to {@code UNDEPLOYING} / {@code STATE_UNSPECIFIED}. Carries the deployed model as last read;
 * the message includes its state and status. Thread-safe.
 */
public class AddonDeploymentFailedException extends FireworksException {
  private static final long serialVersionUID = 1L;

  private final transient DeployedModel deployedModel;

  /** Creates the exception for {@code deployedModel} as last read. */
  public AddonDeploymentFailedException(String message, DeployedModel deployedModel) {
    super(message);
    this.deployedModel = deployedModel;
  }

  /** The deployed model as last read, with its {@link DeployedModel#status()}. */
  public DeployedModel deployedModel() {
    return deployedModel;
  }
}
