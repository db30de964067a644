package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * The function part of a {@link ToolCall}: its name and its arguments as a JSON text (which the
 * model wrote, so parse it defensively). Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = FunctionCall.class)
@JsonDeserialize(as = FunctionCall.class)
abstract class AbstractFunctionCall {
  /** A call of {@code name} with {@code argumentsJson}. */
  public static FunctionCall of(String name, String argumentsJson) {
    return FunctionCall.builder().name(name).arguments(argumentsJson).build();
  }

  /** The function's name; empty in streamed pieces after the first. */
  @JsonProperty("name")
  @Value.Default
  String name() {
    return "";
  }

  /** The arguments as JSON text, such as {@code {"city":"Paris"}}; a fragment in streamed pieces. */
  @JsonProperty("arguments")
  @Value.Default
  String arguments() {
    return "";
  }
}
