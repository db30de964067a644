package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.FireworksException;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment reached a state a wait cannot recover from (FAILED, DELETING or DELETED while
 * waiting for READY). Carries the deployment as last read and its status code and message.
 * Unchecked; thread-safe.
 */
public class DeploymentFailedException extends FireworksException {
  private static final long serialVersionUID = 1L;

  private final transient Deployment deployment;

  /** Creates the exception for {@code deployment}, describing its state and status. */
  public DeploymentFailedException(Deployment deployment) {
    super(describe(Objects.requireNonNull(deployment, "deployment")));
    this.deployment = deployment;
  }

  /** Creates the exception with a custom message. */
  public DeploymentFailedException(String message, Deployment deployment) {
    super(message);
    this.deployment = Objects.requireNonNull(deployment, "deployment");
  }

  private static String describe(Deployment d) {
    StringBuilder b = new StringBuilder("deployment ").append(d.name()).append(" is ").append(d.state());
    d.status().ifPresent(s -> b.append(" (").append(s).append(')'));
    return b.toString();
  }

  /** The deployment as last read. */
  public Deployment deployment() {
    return deployment;
  }

  /** The state that ended the wait. */
  public DeploymentState state() {
    return deployment.state();
  }

  /** The server's status code, such as {@code RESOURCE_EXHAUSTED}, if it reported one. */
  public Optional<String> statusCode() {
    return deployment.status().map(Status::code);
  }

  /** The server's status message, if it reported one. */
  public Optional<String> statusMessage() {
    return deployment.status().map(Status::message).filter(m -> !m.isEmpty());
  }
}
