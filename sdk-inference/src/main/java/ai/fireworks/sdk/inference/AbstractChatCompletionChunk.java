package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * One server-sent event of a streamed chat completion: the next piece ({@link ChatDelta}) of each
 * advancing choice. The final chunk carries the finish reason, {@link #usage()} and, if requested,
 * {@link #perfMetrics()}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = ChatCompletionChunk.class)
@JsonDeserialize(as = ChatCompletionChunk.class)
abstract class AbstractChatCompletionChunk extends CompletionFields<ChatChunkChoice> {
  @Override
  String defaultObject() {
    return "chat.completion.chunk";
  }

  /** The text this chunk adds to the first choice, or {@code ""}. */
  public String text() {
    return choices().isEmpty() ? "" : choices().get(0).delta().text();
  }
}
