package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A call the model made to one of the request's tools. In a streamed response a call arrives in
 * pieces that share an {@link #index()}; the async streaming methods join them. Immutable;
 * thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = ToolCall.class)
@JsonDeserialize(as = ToolCall.class)
abstract class AbstractToolCall {
  /** A complete function call, as sent back in an assistant message of a later request. */
  public static ToolCall of(String id, String functionName, String argumentsJson) {
    return ToolCall.builder().id(id).function(FunctionCall.of(functionName, argumentsJson)).build();
  }

  /** Position of the call among the message's calls; present in streamed chunks. */
  @JsonProperty("index")
  abstract Optional<Integer> index();

  /** The call's id, which the {@link ChatRole#TOOL} message answering it repeats. */
  @JsonProperty("id")
  abstract Optional<String> id();

  /** The kind of tool; {@code "function"}. */
  @JsonProperty("type")
  @Value.Default
  String type() {
    return "function";
  }

  /** The function and its arguments. */
  @JsonProperty("function")
  @Value.Default
  FunctionCall function() {
    return FunctionCall.builder().build();
  }
}
