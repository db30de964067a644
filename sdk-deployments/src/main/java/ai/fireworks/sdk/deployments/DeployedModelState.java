package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.OpenEnum;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Lifecycle state of a {@link DeployedModel} (an addon loaded onto a deployment). An open
 * enumeration: unknown states keep their string (see {@link #isKnown()}). Immutable; thread-safe.
 */
public final class DeployedModelState extends OpenEnum {
  private static final Values<DeployedModelState> VALUES = new Values<>(DeployedModelState::new);

  /** The server did not say; after {@link #DEPLOYING} it means the load failed. */
  public static final DeployedModelState STATE_UNSPECIFIED = VALUES.known("STATE_UNSPECIFIED");
  /** The addon is being loaded onto the deployment. */
  public static final DeployedModelState DEPLOYING = VALUES.known("DEPLOYING");
  /** The addon serves requests. */
  public static final DeployedModelState DEPLOYED = VALUES.known("DEPLOYED");
  /** The addon is being unloaded. */
  public static final DeployedModelState UNDEPLOYING = VALUES.known("UNDEPLOYING");
  /** A change (such as a new default route) is being applied. */
  public static final DeployedModelState UPDATING = VALUES.known("UPDATING");

  private DeployedModelState(String value, boolean known) {
    super(value, known);
  }

  /**
   * Returns the state for a wire string; never throws for an unknown string.
   *
   * @throws NullPointerException if {@code value} is null
   */
  @JsonCreator
  public static DeployedModelState of(String value) {
    return VALUES.of(value);
  }
}
