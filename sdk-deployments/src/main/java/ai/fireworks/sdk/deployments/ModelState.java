package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.OpenEnum;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Whether a {@link Model}'s files are usable. An open enumeration: unknown states keep their
 * string (see {@link #isKnown()}). Immutable; thread-safe.
 */
public final class ModelState extends OpenEnum {
  private static final Values<ModelState> VALUES = new Values<>(ModelState::new);

  /** The server did not say. */
  public static final ModelState STATE_UNSPECIFIED = VALUES.known("STATE_UNSPECIFIED");
  /** Files are still being uploaded; the model cannot be deployed yet. */
  public static final ModelState UPLOADING = VALUES.known("UPLOADING");
  /** The model can be deployed. */
  public static final ModelState READY = VALUES.known("READY");

  private ModelState(String value, boolean known) {
    super(value, known);
  }

  /**
   * Returns the state for a wire string; never throws for an unknown string.
   *
   * @throws NullPointerException if {@code value} is null
   */
  @JsonCreator
  public static ModelState of(String value) {
    return VALUES.of(value);
  }
}
