package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A model as the control plane reports it: a base model that deployments serve, or an addon
 * (such as a LoRA) that is loaded onto such a deployment. Read with {@link ModelsClient}.
 * Booleans the server omits are false; other absent fields are empty. Unknown fields are
 * ignored. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = Model.class)
@JsonSerialize(as = Model.class)
abstract class AbstractModel {
  /** Resource name, {@code accounts/<account>/models/<id>}. */
  public abstract ModelName name();

  /** Human-readable name; empty if none. */
  public abstract Optional<String> displayName();

  /** Free-text description; empty if none. */
  public abstract Optional<String> description();

  /** What the model is; {@link ModelKind#KIND_UNSPECIFIED} if the server did not say. */
  @Value.Default
  public ModelKind kind() {
    return ModelKind.KIND_UNSPECIFIED;
  }

  /** Whether its files are usable; {@link ModelState#STATE_UNSPECIFIED} if the server did not say. */
  @Value.Default
  public ModelState state() {
    return ModelState.STATE_UNSPECIFIED;
  }

  /** Details of the last operation on the model, when the server reports them. */
  public abstract Optional<Status> status();

  /** Base-model facts; present for {@link ModelKind#HF_BASE_MODEL} only. */
  public abstract Optional<BaseModelDetails> baseModelDetails();

  /** Addon facts, including the base model; present for PEFT/TEFT addons only. */
  public abstract Optional<PeftDetails> peftDetails();

  /** Whether LoRA addons can be loaded onto deployments of this model; default false. */
  @Value.Default
  public boolean supportsLora() {
    return false;
  }

  /** Whether Fireworks serves it serverless; default false. */
  @Value.Default
  public boolean supportsServerless() {
    return false;
  }

  /** Whether it supports tool calls; default false. */
  @Value.Default
  public boolean supportsTools() {
    return false;
  }

  /** Whether it accepts images; default false. */
  @Value.Default
  public boolean supportsImageInput() {
    return false;
  }

  /** Maximum context length in tokens; empty if not reported. */
  public abstract Optional<Integer> contextLength();

  /** Where the model is deployed; filled only by {@link ModelsClient#get}, empty in lists. */
  public abstract List<DeployedModelRef> deployedModelRefs();

  /** The chat template configuration, as sent; present when the chat completions API is enabled. */
  public abstract Optional<JsonNode> conversationConfig();

  /** The draft model used for speculative decoding by default; empty if none. */
  public abstract Optional<String> defaultDraftModel();

  /** Tokens the default draft model proposes per step; empty if not reported. */
  public abstract Optional<Integer> defaultDraftTokenCount();

  /** Precisions deployments of this model may use; empty if not reported. */
  public abstract List<Precision> supportedPrecisions();

  /** Whether the model is calibrated for FP8 serving; default false. */
  @Value.Default
  public boolean calibrated() {
    return false;
  }

  /** Whether the model is visible to all accounts ({@code public} on the wire); default false. */
  @JsonProperty("public")
  @Value.Default
  public boolean isPublic() {
    return false;
  }

  /** When the model was created; empty if not reported. */
  public abstract Optional<Instant> createTime();

  /** When the model last changed; empty if not reported. */
  public abstract Optional<Instant> updateTime();

  /** JSON fields this SDK version does not model, kept so the resource round-trips as the API returned it. */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> unknownFields();

  /** True if this is a PEFT (LoRA) addon, the kind {@link AddonsClient#deploy} loads. */
  @JsonIgnore
  @Value.Derived
  public boolean isPeftAddon() {
    return kind().equals(ModelKind.HF_PEFT_ADDON);
  }

  /** True if the chat completions API is enabled ({@link #conversationConfig()} is present). */
  @JsonIgnore
  @Value.Derived
  public boolean supportsChat() {
    return conversationConfig().isPresent();
  }
}
