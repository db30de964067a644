package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A tool offered to the model in a chat request ({@code tools}); Fireworks supports functions.
 * Create with {@link #ofFunction}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = Tool.class)
@JsonDeserialize(as = Tool.class)
abstract class AbstractTool {
  /**
   * A function tool.
   *
   * @param parameters a JSON Schema object describing the arguments
   * @throws IllegalArgumentException if the name is not 1-64 letters, digits, {@code _} or {@code -},
   *     or {@code parameters} is not a JSON object
   */
  public static Tool ofFunction(String name, String description, JsonNode parameters) {
    return Tool.builder().function(FunctionDefinition.builder().name(name).description(description)
        .parameters(parameters).build()).build();
  }

  /** A function tool whose JSON Schema is given as nested maps and lists. */
  public static Tool ofFunction(String name, String description, Map<String, ?> parameters) {
    return ofFunction(name, description, Json.MAPPER.<JsonNode>valueToTree(parameters));
  }

  /** The tool kind; {@code "function"}. */
  @JsonProperty("type")
  @Value.Default
  String type() {
    return "function";
  }

  /** The function. */
  @JsonProperty("function")
  abstract FunctionDefinition function();
}
