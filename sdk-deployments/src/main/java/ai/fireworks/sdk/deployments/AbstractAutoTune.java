package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** Serving optimizations of a deployment ({@code autoTune} on the wire). Immutable; thread-safe. */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = AutoTune.class)
@JsonSerialize(as = AutoTune.class)
abstract class AbstractAutoTune {
  /** Optimize for long prompts (more memory per replica); default false. */
  @Value.Default
  public boolean longPrompt() {
    return false;
  }
}
