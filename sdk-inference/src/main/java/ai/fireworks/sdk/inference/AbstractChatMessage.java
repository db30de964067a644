package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * One message of a chat: what a request sends in {@code messages} and what a response returns
 * in {@code choices[].message}. Create request messages with {@link #system}, {@link #user},
 * {@link #assistant} and {@link #tool}, or {@code ChatMessage.builder()}. A message's content is
 * either text ({@link #content()}) or an ordered list of {@link #parts()}, text and images, for
 * vision models ({@link #user(ContentPart...)}). Fields the SDK does not model are kept in
 * {@link #extra()}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(using = ChatMessageSerializer.class)
@JsonDeserialize(as = ChatMessage.class)
abstract class AbstractChatMessage {
  /**
   * A user message made of parts, sent in this order: text and images for a vision model, e.g.
   * {@code user(ContentPart.image(Image.of(path)), ContentPart.text("What is in this picture?"))}.
   * Some models (Llama 3.2 Vision) need the images before the text.
   *
   * @throws IllegalArgumentException if there are no parts
   */
  public static ChatMessage user(ContentPart... parts) {
    return user(List.of(parts));
  }

  /** {@link #user(ContentPart...)} from a list. */
  public static ChatMessage user(List<ContentPart> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("parts must contain at least one part, was empty");
    }
    return ChatMessage.builder().role(ChatRole.USER).parts(parts).build();
  }

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

  /**
   * The content as an ordered list of parts (text and images), sent as {@code content: [...]};
   * empty for a message whose content is text. Not read from responses.
   */
  @JsonIgnore
  abstract List<ContentPart> parts();

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

  /** The content, or the text parts joined by newlines, or {@code ""} when there is none. */
  public String text() {
    if (!parts().isEmpty()) {
      return parts().stream().flatMap(p -> p.text().stream()).collect(Collectors.joining("\n"));
    }
    return content().orElse("");
  }

  /** The image parts, in order (unmodifiable; empty for a text message). */
  public List<Image> images() {
    if (parts().isEmpty()) {
      return List.of(); // the usual text message: no stream per message on every request built
    }
    return parts().stream().flatMap(p -> p.image().stream()).collect(Collectors.toUnmodifiableList());
  }

  @Value.Check
  void check() {
    if (!parts().isEmpty() && content().isPresent()) {
      throw new IllegalArgumentException("content and parts cannot both be set: a message's content is text or a list"
          + " of parts");
    }
    if (role().equals(ChatRole.TOOL) && toolCallId().isEmpty()) {
      throw new IllegalArgumentException("toolCallId is required for a tool message (role=tool), was absent");
    }
  }
}
