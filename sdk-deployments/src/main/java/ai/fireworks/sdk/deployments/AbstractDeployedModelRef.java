package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.DeployedModelName;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A short record of where a {@link Model} is deployed, as listed in
 * {@link Model#deployedModelRefs()} (the server fills it only when one model is read with
 * {@link ModelsClient#get}). Use {@link AddonsClient#get} for the full {@link DeployedModel}.
 * Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = DeployedModelRef.class)
@JsonSerialize(as = DeployedModelRef.class)
abstract class AbstractDeployedModelRef {
  /** The deployed model, {@code accounts/<account>/deployedModels/<id>}. */
  public abstract DeployedModelName name();

  /** The deployment serving it; empty if the server did not say. */
  public abstract Optional<DeploymentName> deployment();

  /** Its state; {@link DeployedModelState#STATE_UNSPECIFIED} if the server did not say. */
  @Value.Default
  public DeployedModelState state() {
    return DeployedModelState.STATE_UNSPECIFIED;
  }

  /** Whether requests naming the bare model route here ({@code default} on the wire); default false. */
  @JsonProperty("default")
  @Value.Default
  public boolean isDefault() {
    return false;
  }

  /** Whether it is publicly reachable ({@code public} on the wire); default false. */
  @JsonProperty("public")
  @Value.Default
  public boolean isPublic() {
    return false;
  }
}
