package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One field of a {@link DeploymentPlan}: its path, its current value (empty when creating or when
 * the server reports none) and the value it will have. Values are shown as people read them
 * (durations as {@code 5m}). Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = PlannedChange.class)
abstract class AbstractPlannedChange {
  /** The camelCase field path, such as {@code autoscalingPolicy.scaleToZeroWindow}. */
  public abstract String field();

  /** The snake_case update-mask path, such as {@code autoscaling_policy.scale_to_zero_window}. */
  public abstract String updateMaskPath();

  /** The current value, if any. */
  public abstract Optional<String> current();

  /** The value after apply. */
  public abstract String desired();

  /** True when the value is the server's default and is not sent (shown so a printed plan is complete). */
  @Value.Default
  public boolean serverDefault() {
    return false;
  }

  /** {@code field: current -> desired}, or {@code field: desired} when there is no current value. */
  @Override
  public String toString() {
    return field() + ": " + current().map(c -> c + " -> ").orElse("") + desired()
        + (serverDefault() ? " (server default, not sent)" : "");
  }
}
