package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A dedicated deployment of a model, as the control plane reports it. Fields the server omits take
 * their protobuf defaults (0, false) or are empty; fields this SDK does not know are kept in
 * {@link #unknownFields()} and written back by Jackson, so {@code Json.MAPPER} prints the resource
 * as the API returned it. {@link #toString()} never shows {@link #directRouteApiKeys()}, only how
 * many there are. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = Deployment.class)
@JsonSerialize(as = Deployment.class)
abstract class AbstractDeployment {
  /** Resource name, {@code accounts/<account>/deployments/<id>}. */
  public abstract DeploymentName name();

  /** Human-readable label (under 64 characters). */
  public abstract Optional<String> displayName();

  /** Free-text description. */
  public abstract Optional<String> description();

  /** The model served, {@code accounts/<account>/models/<id>}. */
  public abstract ModelName baseModel();

  /** Lifecycle state; {@code STATE_UNSPECIFIED} when the server omits it. Open: unknown states keep their string. */
  @Value.Default
  public DeploymentState state() {
    return DeploymentState.STATE_UNSPECIFIED;
  }

  /** Details of the last operation; on a FAILED deployment, why it failed. */
  public abstract Optional<Status> status();

  /** Fewest replicas the autoscaler keeps; 0 allows scaling to zero. */
  @Value.Default
  public int minReplicaCount() {
    return 0;
  }

  /** Most replicas the autoscaler may run; the server defaults it to {@code max(minReplicaCount, 1)}. */
  @Value.Default
  public int maxReplicaCount() {
    return 0;
  }

  /** Maximum including revocable capacity, when configured. */
  public abstract Optional<Integer> maxWithRevocableReplicaCount();

  /** The autoscaler's current target. Read-only. */
  @Value.Default
  public int desiredReplicaCount() {
    return 0;
  }

  /** Replicas running now; 0 while scaled to zero. Read-only. */
  @Value.Default
  public int replicaCount() {
    return 0;
  }

  /** Start-up progress of the replicas. Read-only. */
  public abstract Optional<ReplicaStats> replicaStats();

  /** Autoscaling windows, load targets and schedules. */
  public abstract Optional<AutoscalingPolicy> autoscalingPolicy();

  /** Accelerator model per replica. */
  public abstract Optional<AcceleratorType> acceleratorType();

  /** Accelerators per replica. */
  public abstract Optional<Integer> acceleratorCount();

  /** Serving precision. */
  public abstract Optional<Precision> precision();

  /** Deployment shape (the server replaces a shape name with its version name). */
  public abstract Optional<String> deploymentShape();

  /** Enterprise deployment template. */
  public abstract Optional<String> deploymentTemplate();

  /** True if PEFT (LoRA) addons may be loaded onto this deployment. */
  @Value.Default
  public boolean enableAddons() {
    return false;
  }

  /**
   * Whether the deployment hot-reloads its latest addon (at most one addon, merged into the base
   * model), when the server reports it. Loading an addon onto such a deployment needs
   * {@link DeployAddonRequest#replaceMergedAddon(boolean) replaceMergedAddon(true)}.
   */
  public abstract Optional<Boolean> enableHotReloadLatestAddon();

  /** Speculative-decoding draft model. */
  public abstract Optional<String> draftModel();

  /** Tokens per speculation step. */
  public abstract Optional<Integer> draftTokenCount();

  /** N-gram speculation window. */
  public abstract Optional<Integer> ngramSpeculationLength();

  /** Multi-token prediction, when the server reports it. */
  public abstract Optional<Boolean> enableMtp();

  /** Sticky routing on the request's {@code user} field, when the server reports it. */
  public abstract Optional<Boolean> enableSessionAffinity();

  /** Serving optimizations such as long-prompt tuning. */
  public abstract Optional<AutoTune> autoTune();

  /** Where the deployment may run, fixed at creation. */
  public abstract Optional<Placement> placement();

  /** Where the deployment runs now. Read-only. */
  public abstract Optional<Region> region();

  /** Maximum context length; empty or 0 means the model's default. */
  public abstract Optional<Integer> maxContextLength();

  /** BYOC cluster. Read-only. */
  public abstract Optional<String> cluster();

  /** Direct-route type (enterprise), such as {@code INTERNET}. */
  public abstract Optional<String> directRouteType();

  /** Direct-route hostname or endpoint. Read-only. */
  public abstract Optional<String> directRouteHandle();

  /** Model version serving now, during rollouts. */
  public abstract Optional<String> activeModelVersion();

  /** Model version being rolled out. */
  public abstract Optional<String> targetModelVersion();

  /** Creation time. Read-only. */
  public abstract Optional<Instant> createTime();

  /** Last update time. Read-only. */
  public abstract Optional<Instant> updateTime();

  /** When the deployment was soft-deleted. Read-only. */
  public abstract Optional<Instant> deleteTime();

  /** When a soft-deleted deployment will be hard-deleted. Read-only. */
  public abstract Optional<Instant> purgeTime();

  /** Deprecated by the API: no longer causes deletion. */
  public abstract Optional<Instant> expireTime();

  /** Key/value annotations. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> annotations();

  /**
   * Keys for direct routing (enterprise): credentials that let anyone call the deployment directly.
   * Readable here, but {@link #toString()} masks them and shows only {@link #directRouteApiKeyCount()}.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Redacted
  public abstract List<String> directRouteApiKeys();

  /** How many {@link #directRouteApiKeys()} the deployment has; what {@link #toString()} shows instead of them. */
  @Value.Derived
  @JsonIgnore
  public int directRouteApiKeyCount() {
    return directRouteApiKeys().size();
  }

  /** JSON fields this SDK version does not model, kept as JSON trees so they round-trip (a JSON {@code null} is a {@code NullNode}). */
  @JsonAnyGetter
  public abstract Map<String, JsonNode> unknownFields();

  /** Long-prompt tuning, {@code autoTune.longPrompt}; false when absent. */
  @JsonIgnore
  public boolean longPrompt() {
    return autoTune().map(AutoTune::longPrompt).orElse(false);
  }

  /** True once the deployment is READY. */
  @JsonIgnore
  public boolean isReady() {
    return state().equals(DeploymentState.READY);
  }
}
