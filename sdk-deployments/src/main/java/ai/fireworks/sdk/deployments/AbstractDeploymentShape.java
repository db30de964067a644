package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A deployment shape: a named, validated set of deployment settings (hardware, precision,
 * speculation) for one base model, which {@code create(...).deploymentShape(...)} starts from.
 * Read-only through this SDK. Fields the server omits are empty. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = DeploymentShape.class)
abstract class AbstractDeploymentShape {
  /** Resource name as the server reported it, {@code accounts/<a>/deploymentShapes/<id>}. */
  @Value.Default
  public String name() {
    return "";
  }

  /** The name, parsed; empty if the server sent none. */
  @JsonIgnore
  public Optional<DeploymentShapeName> shapeName() {
    return name().isEmpty() ? Optional.empty() : Optional.of(DeploymentShapeName.parse(name()));
  }

  /** Human-readable label. */
  public abstract Optional<String> displayName();

  /** Free-text description. */
  public abstract Optional<String> description();

  /** The base model the shape serves, {@code accounts/<a>/models/<id>}. */
  public abstract Optional<String> baseModel();

  /** Model type of the base model. Read-only. */
  public abstract Optional<String> modelType();

  /** Parameter count of the base model (sent as a string). Read-only. */
  public abstract Optional<Long> parameterCount();

  /** Accelerators per replica. */
  public abstract Optional<Integer> acceleratorCount();

  /** Accelerator model per replica. */
  public abstract Optional<AcceleratorType> acceleratorType();

  /** Serving precision. */
  public abstract Optional<Precision> precision();

  /** Whether deployments of this shape accept PEFT (LoRA) addons. */
  public abstract Optional<Boolean> enableAddons();

  /** Speculative-decoding draft model. */
  public abstract Optional<String> draftModel();

  /** Draft tokens per speculation step. */
  public abstract Optional<Integer> draftTokenCount();

  /** N-gram speculation window. */
  public abstract Optional<Integer> ngramSpeculationLength();

  /** Sticky routing on the request's {@code user} field. */
  public abstract Optional<Boolean> enableSessionAffinity();

  /** LoRA adapters kept cached on the accelerators. */
  public abstract Optional<Integer> numLoraDeviceCached();

  /** The preset, such as {@code FAST}, {@code THROUGHPUT}, {@code MINIMAL} or {@code FULL_PRECISION}. */
  public abstract Optional<String> presetType();

  /** Creation time. Read-only. */
  public abstract Optional<Instant> createTime();

  /** Last update time. Read-only. */
  public abstract Optional<Instant> updateTime();
}
