package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** What {@code apply} did: the plan it executed and the deployment as last read. Immutable; thread-safe. */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = ApplyResult.class)
abstract class AbstractApplyResult {
  /** The executed plan. */
  public abstract DeploymentPlan plan();

  /** The deployment after apply (READY if apply waited). */
  public abstract Deployment deployment();
}
