package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.OpenEnum;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Numeric precision a deployment serves with, such as {@code FP8} or {@code BF16}. Open: a value added by the server later parses to a value that keeps its string
 * ({@link #isKnown()} false) instead of failing. Immutable; thread-safe.
 */
public final class Precision extends OpenEnum {
  private static final Values<Precision> VALUES = new Values<>(Precision::new);

  /** {@code PRECISION_UNSPECIFIED}. */
  public static final Precision PRECISION_UNSPECIFIED = VALUES.known("PRECISION_UNSPECIFIED");
  /** {@code FP16}. */
  public static final Precision FP16 = VALUES.known("FP16");
  /** {@code FP8}. */
  public static final Precision FP8 = VALUES.known("FP8");
  /** {@code FP8_MM}. */
  public static final Precision FP8_MM = VALUES.known("FP8_MM");
  /** {@code FP8_AR}. */
  public static final Precision FP8_AR = VALUES.known("FP8_AR");
  /** {@code FP8_MM_KV_ATTN}. */
  public static final Precision FP8_MM_KV_ATTN = VALUES.known("FP8_MM_KV_ATTN");
  /** {@code FP8_KV}. */
  public static final Precision FP8_KV = VALUES.known("FP8_KV");
  /** {@code FP8_MM_V2}. */
  public static final Precision FP8_MM_V2 = VALUES.known("FP8_MM_V2");
  /** {@code FP8_V2}. */
  public static final Precision FP8_V2 = VALUES.known("FP8_V2");
  /** {@code FP8_MM_KV_ATTN_V2}. */
  public static final Precision FP8_MM_KV_ATTN_V2 = VALUES.known("FP8_MM_KV_ATTN_V2");
  /** {@code NF4}. */
  public static final Precision NF4 = VALUES.known("NF4");
  /** {@code FP4}. */
  public static final Precision FP4 = VALUES.known("FP4");
  /** {@code BF16}. */
  public static final Precision BF16 = VALUES.known("BF16");
  /** {@code FP4_BLOCKSCALED_MM}. */
  public static final Precision FP4_BLOCKSCALED_MM = VALUES.known("FP4_BLOCKSCALED_MM");
  /** {@code FP4_MX_MOE}. */
  public static final Precision FP4_MX_MOE = VALUES.known("FP4_MX_MOE");

  private Precision(String value, boolean known) {
    super(value, known);
  }

  /** Returns the value for a wire string; never throws for unknown strings. */
  @JsonCreator
  public static Precision of(String value) {
    return VALUES.of(value);
  }
}
