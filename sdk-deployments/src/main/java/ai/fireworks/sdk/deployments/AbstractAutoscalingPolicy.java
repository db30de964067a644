package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a deployment scales between its minimum and maximum replica counts. Absent values mean the
 * server's defaults: scale up after 30 s of load, down after 10 min, to zero after 1 h idle (only
 * when the minimum is 0), load target {@code default=0.8}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = AutoscalingPolicy.class)
@JsonSerialize(as = AutoscalingPolicy.class)
abstract class AbstractAutoscalingPolicy {
  /** How long load must stay above target before adding a replica; at most 1 h. */
  public abstract Optional<Duration> scaleUpWindow();

  /** How long load must stay below target before removing a replica; at most 1 h. */
  public abstract Optional<Duration> scaleDownWindow();

  /** Idle time before scaling to zero replicas when the minimum is 0; at least 5 min. */
  public abstract Optional<Duration> scaleToZeroWindow();

  /** Utilization targets by metric; the API documents only the key {@code default}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, Double> loadTargets();

  /** Named recurring minimum-capacity windows (at most 5). */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, ScalingSchedule> scalingSchedules();
}
