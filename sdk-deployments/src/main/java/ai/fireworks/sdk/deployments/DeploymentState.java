package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.OpenEnum;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Lifecycle state of a {@link Deployment}. Open: a state added by the server later parses to a
 * value that keeps its string ({@link #isKnown()} false) instead of failing. Immutable; thread-safe.
 */
public final class DeploymentState extends OpenEnum {
  private static final Values<DeploymentState> VALUES = new Values<>(DeploymentState::new);

  /** The server did not say. */
  public static final DeploymentState STATE_UNSPECIFIED = VALUES.known("STATE_UNSPECIFIED");
  /** Being created: replicas are scheduled, weights downloaded, servers started. */
  public static final DeploymentState CREATING = VALUES.known("CREATING");
  /** Serving (possibly scaled to zero replicas). */
  public static final DeploymentState READY = VALUES.known("READY");
  /** Being deleted. */
  public static final DeploymentState DELETING = VALUES.known("DELETING");
  /** Failed; {@link Deployment#status()} says why. */
  public static final DeploymentState FAILED = VALUES.known("FAILED");
  /** A change is being rolled out; the deployment keeps serving. */
  public static final DeploymentState UPDATING = VALUES.known("UPDATING");
  /** Soft-deleted: restorable with {@code undelete} until its purge time. */
  public static final DeploymentState DELETED = VALUES.known("DELETED");

  private DeploymentState(String value, boolean known) {
    super(value, known);
  }

  /** Returns the state for a wire string; never throws for unknown strings. */
  @JsonCreator
  public static DeploymentState of(String value) {
    return VALUES.of(value);
  }

  /** True for states a wait for READY cannot recover from: FAILED, DELETING and DELETED. */
  public boolean isTerminalFailure() {
    return equals(FAILED) || equals(DELETING) || equals(DELETED);
  }
}
