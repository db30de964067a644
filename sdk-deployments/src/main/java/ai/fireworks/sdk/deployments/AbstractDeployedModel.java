package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.DeployedModelName;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A model loaded onto a deployment: typically a PEFT (LoRA) addon served by a deployment of its
 * base model ({@code DeployedModel} on the wire). Created by {@link AddonsClient#deploy}; its id
 * is chosen by the server. Booleans the server omits are false. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = DeployedModel.class)
@JsonSerialize(as = DeployedModel.class)
abstract class AbstractDeployedModel {
  /** Resource name, {@code accounts/<account>/deployedModels/<id>}. */
  public abstract DeployedModelName name();

  /** Human-readable name; empty if none. */
  public abstract Optional<String> displayName();

  /** Free-text description; empty if none. */
  public abstract Optional<String> description();

  /** The model being served (the addon), {@code accounts/<account>/models/<id>}. */
  public abstract ModelName model();

  /** The deployment serving it, {@code accounts/<account>/deployments/<id>}. */
  public abstract DeploymentName deployment();

  /**
   * Whether requests naming the bare model (no {@code #deployment}) route here ({@code default}
   * on the wire); default false.
   */
  @JsonProperty("default")
  @Value.Default
  public boolean isDefault() {
    return false;
  }

  /** Lifecycle state; {@link DeployedModelState#STATE_UNSPECIFIED} if the server did not say. */
  @Value.Default
  public DeployedModelState state() {
    return DeployedModelState.STATE_UNSPECIFIED;
  }

  /** Whether the deployment is managed by Fireworks (serverless); default false. */
  @Value.Default
  public boolean serverless() {
    return false;
  }

  /** Details of the last load or unload, such as why it failed; empty if not reported. */
  public abstract Optional<Status> status();

  /** Whether it is publicly reachable ({@code public} on the wire); default false. */
  @JsonProperty("public")
  @Value.Default
  public boolean isPublic() {
    return false;
  }

  /** When it was created; empty if not reported. */
  public abstract Optional<Instant> createTime();

  /** When it last changed; empty if not reported. */
  public abstract Optional<Instant> updateTime();

  /** JSON fields this SDK version does not model, kept so the resource round-trips as the API returned it. */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> unknownFields();

  /**
   * The inference identifier of the addon on its deployment, {@code <model>#<deployment>}: pass
   * it as the {@code model} of a completion or chat request.
   */
  @JsonIgnore
  @Value.Lazy
  public ModelRef modelRef() {
    return ModelRef.of(model(), deployment());
  }

  /** The inference identifier naming this deployed model, {@code accounts/<a>/deployedModels/<id>}. */
  @JsonIgnore
  @Value.Lazy
  public ModelRef deployedModelRef() {
    return ModelRef.of(name());
  }

  /** True once it serves requests ({@link DeployedModelState#DEPLOYED}). */
  @JsonIgnore
  @Value.Derived
  public boolean isDeployed() {
    return state().equals(DeployedModelState.DEPLOYED);
  }
}
