package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The next piece of a streamed chat message: usually some {@link #content()}, the
 * {@link #role()} on the first chunk, reasoning text, or fragments of tool calls (joined by
 * {@link ToolCall#index()}). Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = ChatDelta.class)
@JsonDeserialize(as = ChatDelta.class)
abstract class AbstractChatDelta {
  /** The role, usually only on the first chunk. */
  @JsonProperty("role")
  abstract Optional<ChatRole> role();

  /** The next fragment of text. */
  @JsonProperty("content")
  abstract Optional<String> content();

  /** The next fragment of reasoning ("thinking") text. */
  @JsonProperty("reasoning_content")
  abstract Optional<String> reasoningContent();

  /** Fragments of tool calls. */
  @JsonProperty("tool_calls")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  abstract List<ToolCall> toolCalls();

  /** Fields the SDK does not model, by wire name. */
  @JsonAnyGetter
  abstract Map<String, JsonNode> extra();

  /** The text fragment, or {@code ""} when this piece carries none. */
  public String text() {
    return content().orElse("");
  }
}
