package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.internal.FireworksStyle;
import ai.fireworks.sdk.core.internal.Ids;
import ai.fireworks.sdk.deployments.internal.AnnotationRule;
import ai.fireworks.sdk.deployments.internal.DeploymentRules;
import ai.fireworks.sdk.deployments.internal.ExtraFields;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The desired configuration of a deployment: what {@code create} sends and what {@code apply} and
 * {@code plan} converge to. Only the fields that are set are sent; the server applies its defaults
 * to the rest ({@link #effectiveMinReplicaCount()} and {@link #effectiveMaxReplicaCount()} show the
 * replica counts that will result). Build with {@code DeploymentSpec.builder().baseModel(...)}.
 *
 * <p>Validated when built: ids, replica counts (at least 0, min not above max), windows
 * (scale-to-zero at least 5m, scale-up/down at most 1h), accelerator count (at least 1) and display
 * name (under 64 characters), annotation keys ({@code custom/}) and extra field names; a
 * {@link #deploymentShape()} excludes an {@link #acceleratorType()} (the shape owns the hardware);
 * no {@code *_UNSPECIFIED} enum value is sent; a {@link #placement()} sets exactly one of region,
 * multi-region and regions. {@link IllegalArgumentException} names the field, value and rule.
 * Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = DeploymentSpec.class)
abstract class AbstractDeploymentSpec {
  /** Account to create in; default the client's account. */
  @JsonIgnore
  public abstract Optional<AccountId> account();

  /** Id of the new deployment (sent as query {@code deploymentId}); random if absent. Required by {@code apply}. */
  public abstract Optional<String> deploymentId();

  /** The model to serve. Required. */
  public abstract ModelName baseModel();

  /** Human-readable label, under 64 characters. */
  public abstract Optional<String> displayName();

  /** Free-text description. */
  public abstract Optional<String> description();

  /** Fewest replicas; server default 0 (scale to zero allowed). */
  public abstract Optional<Integer> minReplicaCount();

  /** Most replicas; server default {@code max(minReplicaCount, 1)}. */
  public abstract Optional<Integer> maxReplicaCount();

  /** Autoscaling scale-up window, at most 1h; server default 30s. */
  public abstract Optional<Duration> scaleUpWindow();

  /** Autoscaling scale-down window, at most 1h; server default 10m. */
  public abstract Optional<Duration> scaleDownWindow();

  /** Idle time before scaling to zero (when the minimum is 0), at least 5m; server default 1h. */
  public abstract Optional<Duration> scaleToZeroWindow();

  /** Autoscaling load targets, such as {@code default=0.8}; empty means the server's. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, Double> loadTargets();

  /**
   * Accelerator model; server default depends on the model (the API documents {@code NVIDIA_A100_80GB}).
   * Not with {@link #deploymentShape()}; not {@code ACCELERATOR_TYPE_UNSPECIFIED}.
   */
  public abstract Optional<AcceleratorType> acceleratorType();

  /** Accelerators per replica, at least 1; server default is the model's estimated minimum. */
  public abstract Optional<Integer> acceleratorCount();

  /** Serving precision; not {@code PRECISION_UNSPECIFIED}. */
  public abstract Optional<Precision> precision();

  /** Long-prompt tuning ({@code autoTune.longPrompt}). */
  public abstract Optional<Boolean> longPrompt();

  /** Allow PEFT (LoRA) addons. */
  public abstract Optional<Boolean> enableAddons();

  /**
   * Deployment shape: a shorthand ({@code fast}, {@code throughput}, {@code minimal},
   * {@code full_precision}) or {@code accounts/<a>/deploymentShapes/<id>[/versions/<v>]} (see
   * {@link DeploymentShapeName}); the shape owns the hardware, so {@link #acceleratorType()} must
   * not be set with it.
   */
  public abstract Optional<String> deploymentShape();

  /**
   * Where the deployment may run; fixed at creation. Exactly one of region, multi-region and a
   * non-empty regions list, none of them {@code *_UNSPECIFIED}.
   */
  public abstract Optional<Placement> placement();

  /** Speculative-decoding draft model. */
  public abstract Optional<String> draftModel();

  /** Draft tokens per speculation step. */
  public abstract Optional<Integer> draftTokenCount();

  /** N-gram speculation window. */
  public abstract Optional<Integer> ngramSpeculationLength();

  /** Maximum context length; 0 means the model's default. */
  public abstract Optional<Integer> maxContextLength();

  /** Sticky routing on the request's {@code user} field (enterprise). */
  public abstract Optional<Boolean> enableSessionAffinity();

  /**
   * Key/value annotations. Keys must start with {@code custom/} (newer servers refuse others for
   * ordinary accounts with a 403) unless {@link #allowNonCustomAnnotations()}.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> annotations();

  /** Lets annotation keys outside {@code custom/} through, for accounts that may write them; default false. */
  @Value.Default
  @JsonIgnore
  public boolean allowNonCustomAnnotations() {
    return false;
  }

  /**
   * Top-level fields this SDK version does not model, sent as given (the escape hatch of
   * {@code putExtra(field, value)}); a name that shadows a modelled field is refused, naming its
   * setter. {@code apply} patches an extra when the deployment reports another value for it.
   * Values are serialized with Jackson when sent; {@code toString} masks them.
   */
  @JsonIgnore
  @Value.Redacted
  public abstract Map<String, Object> extra();

  /** The minimum replica count that will result: the set value or the server default 0. */
  @Value.Derived
  @JsonIgnore
  public int effectiveMinReplicaCount() {
    return minReplicaCount().orElse(0);
  }

  /** The maximum replica count that will result: the set value or the server default {@code max(min, 1)}. */
  @Value.Derived
  @JsonIgnore
  public int effectiveMaxReplicaCount() {
    return maxReplicaCount().orElse(Math.max(effectiveMinReplicaCount(), 1));
  }

  /** The deployment's name, when {@link #deploymentId()} is set, in this spec's account or {@code defaultAccount}. */
  public Optional<DeploymentName> deploymentName(AccountId defaultAccount) {
    return deploymentId().map(id -> DeploymentName.of(account().orElse(defaultAccount), id));
  }

  @Value.Check
  void check() {
    deploymentId().ifPresent(id -> Ids.requireNewId("deploymentId", id));
    displayName().ifPresent(DeploymentRules::displayName);
    minReplicaCount().ifPresent(n -> DeploymentRules.replicaCount("minReplicaCount", n));
    maxReplicaCount().ifPresent(n -> DeploymentRules.replicaCount("maxReplicaCount", n));
    if (minReplicaCount().isPresent() && maxReplicaCount().isPresent()) {
      DeploymentRules.minNotAboveMax(minReplicaCount().get(), maxReplicaCount().get());
    }
    scaleUpWindow().ifPresent(w -> DeploymentRules.scaleWindow("scaleUpWindow", w));
    scaleDownWindow().ifPresent(w -> DeploymentRules.scaleWindow("scaleDownWindow", w));
    scaleToZeroWindow().ifPresent(DeploymentRules::scaleToZeroWindow);
    acceleratorCount().ifPresent(DeploymentRules::acceleratorCount);
    draftTokenCount().ifPresent(n -> DeploymentRules.nonNegative("draftTokenCount", n));
    ngramSpeculationLength().ifPresent(n -> DeploymentRules.nonNegative("ngramSpeculationLength", n));
    maxContextLength().ifPresent(n -> DeploymentRules.nonNegative("maxContextLength", n));
    deploymentShape().ifPresent(DeploymentShapeName::parse);
    DeploymentRules.shapeOwnsHardware(deploymentShape(), acceleratorType());
    acceleratorType().ifPresent(t -> DeploymentRules.specified("acceleratorType", t));
    precision().ifPresent(p -> DeploymentRules.specified("precision", p));
    placement().ifPresent(DeploymentRules::placement);
    AnnotationRule.check(annotations(), allowNonCustomAnnotations());
    extra().forEach(ExtraFields::check);
  }
}
