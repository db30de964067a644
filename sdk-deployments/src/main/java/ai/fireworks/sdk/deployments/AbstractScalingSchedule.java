package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A recurring window during which a deployment keeps at least {@link #minReplicaCount()} replicas,
 * starting at each match of a five-field cron {@link #schedule()} in {@link #timezone()} and lasting
 * {@link #duration()} (between 5 minutes and 7 days, whole seconds). When schedules overlap the
 * highest minimum wins. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = ScalingSchedule.class)
@JsonSerialize(as = ScalingSchedule.class)
abstract class AbstractScalingSchedule {
  /** Replicas kept during the window; default 0. */
  @Value.Default
  public int minReplicaCount() {
    return 0;
  }

  /** Five-field cron expression, such as {@code 0 9 * * 1-5}. */
  public abstract Optional<String> schedule();

  /** Length of each window. */
  public abstract Optional<Duration> duration();

  /** IANA time zone of the schedule, such as {@code America/New_York}. */
  public abstract Optional<String> timezone();
}
