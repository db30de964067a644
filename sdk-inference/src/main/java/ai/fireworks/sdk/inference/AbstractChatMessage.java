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
 * One message of a chat: what a request sends in {@code messages} and what a response returns
 * in {@code choices[].message}. Create request messages with {@link #system}, {@link #user},
 * {@link #assistant} and {@link #tool}, or {@code ChatMessage.builder()}. Fields the SDK does not
 * model are kept in {@link #extra()}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = ChatMessage.class)
@JsonDeserialize(as = ChatMessage.class)
abstract class AbstractChatMessage {
  /** A system message (instructions). */
  public static ChatMessage system(String content) {
    return ChatMessage.builder().role(ChatRole.SYSTEM).content(content).build();
  }

  /** A user message. */
  public static ChatMessage user(String content) {
    return ChatMessage.builder().role(ChatRole.USER).content(content).build();
  }

  /** An assistant message, for example an earlier answer in a multi-turn conversation. */
  public static ChatMessage assistant(String content) {
    return ChatMessage.builder().role(ChatRole.ASSISTANT).content(content).build();
  }

  /** The result of the tool call {@code toolCallId}, answering an assistant's tool call. */
  public static ChatMessage tool(String toolCallId, String content) {
    return ChatMessage.builder().role(ChatRole.TOOL).toolCallId(toolCallId).content(content).build();
  }

  /** Who wrote the message. */
  @JsonProperty("role")
  abstract ChatRole role();

  /** The text; empty for an assistant message that only calls tools. */
  @JsonProperty("content")
  abstract Optional<String> content();

  /** An optional participant name. */
  @JsonProperty("name")
  abstract Optional<String> name();

  /** Tool calls the assistant made; empty unless {@code finish_reason} is {@code tool_calls}. */
  @JsonProperty("tool_calls")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  abstract List<ToolCall> toolCalls();

  /** For a {@link ChatRole#TOOL} message, the id of the tool call it answers. */
  @JsonProperty("tool_call_id")
  abstract Optional<String> toolCallId();

  /** The reasoning ("thinking") text of reasoning models, separate from the answer. */
  @JsonProperty("reasoning_content")
  abstract Optional<String> reasoningContent();

  /** Fields the SDK does not model, by wire name; sent as given and kept when read. */
  @JsonAnyGetter
  abstract Map<String, JsonNode> extra();

  /** The content, or {@code ""} when there is none. */
  public String text() {
    return content().orElse("");
  }

  @Value.Check
  void check() {
    if (role().equals(ChatRole.TOOL) && toolCallId().isEmpty()) {
      throw new IllegalArgumentException("toolCallId is required for a tool message (role=tool), was absent");
    }
  }
}
