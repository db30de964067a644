package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.OpenEnum;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * GPU or accelerator model of a deployment's replicas, such as {@code NVIDIA_H100_80GB}. Open: a value added by the server later parses to a value that keeps its string
 * ({@link #isKnown()} false) instead of failing. Immutable; thread-safe.
 */
public final class AcceleratorType extends OpenEnum {
  private static final Values<AcceleratorType> VALUES = new Values<>(AcceleratorType::new);

  /** {@code ACCELERATOR_TYPE_UNSPECIFIED}. */
  public static final AcceleratorType ACCELERATOR_TYPE_UNSPECIFIED = VALUES.known("ACCELERATOR_TYPE_UNSPECIFIED");
  /** {@code NVIDIA_A100_80GB}. */
  public static final AcceleratorType NVIDIA_A100_80GB = VALUES.known("NVIDIA_A100_80GB");
  /** {@code NVIDIA_H100_80GB}. */
  public static final AcceleratorType NVIDIA_H100_80GB = VALUES.known("NVIDIA_H100_80GB");
  /** {@code AMD_MI300X_192GB}. */
  public static final AcceleratorType AMD_MI300X_192GB = VALUES.known("AMD_MI300X_192GB");
  /** {@code NVIDIA_A10G_24GB}. */
  public static final AcceleratorType NVIDIA_A10G_24GB = VALUES.known("NVIDIA_A10G_24GB");
  /** {@code NVIDIA_A100_40GB}. */
  public static final AcceleratorType NVIDIA_A100_40GB = VALUES.known("NVIDIA_A100_40GB");
  /** {@code NVIDIA_L4_24GB}. */
  public static final AcceleratorType NVIDIA_L4_24GB = VALUES.known("NVIDIA_L4_24GB");
  /** {@code NVIDIA_H200_141GB}. */
  public static final AcceleratorType NVIDIA_H200_141GB = VALUES.known("NVIDIA_H200_141GB");
  /** {@code NVIDIA_B200_180GB}. */
  public static final AcceleratorType NVIDIA_B200_180GB = VALUES.known("NVIDIA_B200_180GB");
  /** {@code AMD_MI325X_256GB}. */
  public static final AcceleratorType AMD_MI325X_256GB = VALUES.known("AMD_MI325X_256GB");
  /** {@code AMD_MI350X_288GB}. */
  public static final AcceleratorType AMD_MI350X_288GB = VALUES.known("AMD_MI350X_288GB");
  /** {@code NVIDIA_B300_288GB}. */
  public static final AcceleratorType NVIDIA_B300_288GB = VALUES.known("NVIDIA_B300_288GB");

  private AcceleratorType(String value, boolean known) {
    super(value, known);
  }

  /** Returns the value for a wire string; never throws for unknown strings. */
  @JsonCreator
  public static AcceleratorType of(String value) {
    return VALUES.of(value);
  }
}
