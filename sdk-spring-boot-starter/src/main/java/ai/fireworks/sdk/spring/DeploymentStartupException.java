package ai.fireworks.sdk.spring;

import java.util.Objects;

/**
 * A declared deployment failed its startup check ({@code fireworks.deployments-on-startup}): it is
 * missing, FAILED, could not be read, applied or became READY in time. Stops startup unless
 * {@code fireworks.deployments-on-startup-failure=warn}. The message names the deployment, the
 * mode and the cause; never the API key. Immutable.
 */
public final class DeploymentStartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The declared id (the key under {@code fireworks.deployments}). */
  private final String deploymentId;

  /** Creates the exception; {@code cause} may be {@code null}. */
  public DeploymentStartupException(String deploymentId, String message, Throwable cause) {
    super(message, cause);
    this.deploymentId = Objects.requireNonNull(deploymentId, "deploymentId");
  }

  /** The declared id of the deployment that failed. */
  public String deploymentId() {
    return deploymentId;
  }
}
