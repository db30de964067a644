package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * Where a deployment's replicas are in their start-up: waiting for capacity, downloading weights,
 * initializing, ready. Counts the server omits are zero. Read-only; immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = ReplicaStats.class)
@JsonSerialize(as = ReplicaStats.class)
abstract class AbstractReplicaStats {
  /** Replicas waiting to be scheduled on hardware. */
  @Value.Default
  public int pendingSchedulingReplicaCount() {
    return 0;
  }

  /** Replicas downloading model weights. */
  @Value.Default
  public int downloadingModelReplicaCount() {
    return 0;
  }

  /** Replicas starting their servers; the last step before ready. */
  @Value.Default
  public int initializingReplicaCount() {
    return 0;
  }

  /** Replicas serving requests. */
  @Value.Default
  public int readyReplicaCount() {
    return 0;
  }

  /** Replicas running on revocable (preemptible) capacity, when the server reports them. */
  @Value.Default
  public int revocableReplicaCount() {
    return 0;
  }

  /**
   * The most advanced start-up phase any not-yet-ready replica is in: {@code initializing},
   * {@code downloading}, {@code pending}, or empty when none is starting.
   */
  @JsonIgnore
  public String phase() {
    if (initializingReplicaCount() > 0) {
      return "initializing";
    }
    if (downloadingModelReplicaCount() > 0) {
      return "downloading";
    }
    return pendingSchedulingReplicaCount() > 0 ? "pending" : "";
  }
}
