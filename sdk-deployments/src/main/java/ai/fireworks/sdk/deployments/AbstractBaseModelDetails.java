package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Facts about a base model ({@link ModelKind#HF_BASE_MODEL}) that matter when deploying it:
 * its default GPU count, size and precision ({@code baseModelDetails} on the wire). Booleans the
 * server omits are false. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = BaseModelDetails.class)
@JsonSerialize(as = BaseModelDetails.class)
abstract class AbstractBaseModelDetails {
  /** The default number of GPUs the model is sharded across; empty if not reported. */
  public abstract Optional<Integer> worldSize();

  /** The number of parameters; empty if not reported. */
  public abstract Optional<Long> parameterCount();

  /** Whether it is a mixture-of-experts model; default false. */
  @Value.Default
  public boolean moe() {
    return false;
  }

  /** The precision deployments use unless told otherwise; empty if not reported. */
  public abstract Optional<Precision> defaultPrecision();

  /** The architecture, such as {@code llama}; empty if not reported. */
  public abstract Optional<String> modelType();

  /** The checkpoint format, such as {@code HUGGINGFACE}; empty if not reported. */
  public abstract Optional<String> checkpointFormat();

  /** Whether Fireworks' FireAttention kernels serve it; default false. */
  @Value.Default
  public boolean supportsFireattention() {
    return false;
  }

  /** Whether it supports multi-token prediction; default false. */
  @Value.Default
  public boolean supportsMtp() {
    return false;
  }

  /** Whether it can be fine-tuned; default false. */
  @Value.Default
  public boolean tunable() {
    return false;
  }
}
