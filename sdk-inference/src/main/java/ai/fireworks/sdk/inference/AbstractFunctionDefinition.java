package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A function the model may call: its name, what it does, and its parameters as a JSON Schema
 * object. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = FunctionDefinition.class)
@JsonDeserialize(as = FunctionDefinition.class)
abstract class AbstractFunctionDefinition {
  /** The name the model uses to call it: 1 to 64 letters, digits, {@code _} or {@code -}. */
  @JsonProperty("name")
  abstract String name();

  /** What the function does; the model reads it to decide when to call. */
  @JsonProperty("description")
  abstract Optional<String> description();

  /** The parameters as a JSON Schema object, such as {@code {"type":"object","properties":{...}}}. */
  @JsonProperty("parameters")
  abstract Optional<JsonNode> parameters();

  /** Whether arguments must match the schema exactly (OpenAI's strict mode). */
  @JsonProperty("strict")
  abstract Optional<Boolean> strict();

  @Value.Check
  void check() {
    if (!name().matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("function name must be 1-64 letters, digits, '_' or '-', was '" + name() + "'");
    }
    parameters().filter(p -> !p.isObject()).ifPresent(p -> {
      throw new IllegalArgumentException("function '" + name() + "' parameters must be a JSON Schema object, was "
          + p.getNodeType());
    });
  }
}
