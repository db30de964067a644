package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The difference between a {@link DeploymentSpec} and the deployment as it is: the {@link #action()}
 * {@code apply} takes, the fields it sends ({@link #changes()}), and the reasons it refuses or
 * reports ({@link #problems()}). Made by {@code DeploymentsClient.plan}, which sends nothing that
 * changes state. {@link #toString()} is a readable multi-line plan. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = DeploymentPlan.class)
abstract class AbstractDeploymentPlan {
  /** The deployment the plan is for. */
  public abstract DeploymentName name();

  /** What apply does. */
  public abstract PlanAction action();

  /** The desired configuration. */
  public abstract DeploymentSpec spec();

  /** The deployment as read when planning; empty if it did not exist. */
  public abstract Optional<Deployment> current();

  /**
   * The fields apply sets: for UPDATE exactly the differing ones; for CREATE and RECREATE every set
   * field plus the replica counts the server will default (marked {@link PlannedChange#serverDefault()}).
   */
  public abstract List<PlannedChange> changes();

  /** Why the plan is REFUSED or REPORT; empty otherwise. */
  public abstract List<String> problems();

  /** True if apply would send no request. */
  public boolean isNoOp() {
    return action() == PlanAction.NO_CHANGE || action() == PlanAction.REPORT || action() == PlanAction.REFUSED;
  }

  /** A readable plan: the action and name, then one line per change or problem. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder().append(action()).append(' ').append(name());
    current().ifPresent(d -> b.append(" (currently ").append(d.state()).append(')'));
    changes().forEach(c -> b.append("\n  ").append(c));
    problems().forEach(p -> b.append("\n  ! ").append(p));
    return b.toString();
  }
}
