package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What makes a {@link Model} a PEFT (LoRA) addon: the base model it adapts and the adapter's
 * shape. Present only on addon models ({@code peftDetails} on the wire). Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = PeftDetails.class)
@JsonSerialize(as = PeftDetails.class)
abstract class AbstractPeftDetails {
  /**
   * The base model this addon was trained on. An addon can only be loaded onto a deployment
   * whose {@code baseModel} is exactly this model.
   */
  public abstract ModelName baseModel();

  /** The LoRA rank ({@code r}), typically 4–64; empty if the server did not report it. */
  public abstract Optional<Integer> r();

  /** The modules the adapter targets, such as {@code q_proj}; empty if not reported. */
  public abstract List<String> targetModules();

  /** The architecture of the base model, such as {@code llama}; empty if not reported. */
  public abstract Optional<String> baseModelType();

  /** The model this addon is merged into when served by live merge; empty if none. */
  public abstract Optional<String> mergeAddonModelName();
}
