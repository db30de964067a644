package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.OpenEnum;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * What a {@link Model} is: a base model, a PEFT (LoRA) addon, a draft model, and so on. An open
 * enumeration: a kind this SDK version does not know parses to a value that keeps its string
 * (see {@link #isKnown()}) instead of failing. Immutable; thread-safe.
 */
public final class ModelKind extends OpenEnum {
  private static final Values<ModelKind> VALUES = new Values<>(ModelKind::new);

  /** The server did not say. */
  public static final ModelKind KIND_UNSPECIFIED = VALUES.known("KIND_UNSPECIFIED");
  /** A Hugging Face base model that deployments can serve. */
  public static final ModelKind HF_BASE_MODEL = VALUES.known("HF_BASE_MODEL");
  /** A PEFT (LoRA) addon over a base model; the only kind {@link AddonsClient#deploy} accepts. */
  public static final ModelKind HF_PEFT_ADDON = VALUES.known("HF_PEFT_ADDON");
  /** A TEFT addon over a base model. */
  public static final ModelKind HF_TEFT_ADDON = VALUES.known("HF_TEFT_ADDON");
  /** A Flumina (image) base model. */
  public static final ModelKind FLUMINA_BASE_MODEL = VALUES.known("FLUMINA_BASE_MODEL");
  /** A Flumina addon. */
  public static final ModelKind FLUMINA_ADDON = VALUES.known("FLUMINA_ADDON");
  /** A draft model for speculative decoding. */
  public static final ModelKind DRAFT_ADDON = VALUES.known("DRAFT_ADDON");
  /** A Fireworks agent. */
  public static final ModelKind FIRE_AGENT = VALUES.known("FIRE_AGENT");
  /** A model merged with an addon at load time. */
  public static final ModelKind LIVE_MERGE = VALUES.known("LIVE_MERGE");
  /** A custom model. */
  public static final ModelKind CUSTOM_MODEL = VALUES.known("CUSTOM_MODEL");
  /** An embedding model. */
  public static final ModelKind EMBEDDING_MODEL = VALUES.known("EMBEDDING_MODEL");
  /** A snapshot of a model. */
  public static final ModelKind SNAPSHOT_MODEL = VALUES.known("SNAPSHOT_MODEL");

  private ModelKind(String value, boolean known) {
    super(value, known);
  }

  /**
   * Returns the kind for a wire string; never throws for an unknown string.
   *
   * @throws NullPointerException if {@code value} is null
   */
  @JsonCreator
  public static ModelKind of(String value) {
    return VALUES.of(value);
  }
}
