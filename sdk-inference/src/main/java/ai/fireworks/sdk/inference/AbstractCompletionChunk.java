package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * One server-sent event of a streamed text completion: the next text of each advancing choice.
 * The final chunk carries the finish reason, {@link #usage()} and, if requested,
 * {@link #perfMetrics()}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = CompletionChunk.class)
@JsonDeserialize(as = CompletionChunk.class)
abstract class AbstractCompletionChunk extends CompletionFields<CompletionChoice> {
  @Override
  String defaultObject() {
    return "text_completion";
  }

  /** The text this chunk adds to the first choice, or {@code ""}. */
  public String text() {
    return choices().isEmpty() ? "" : choices().get(0).text();
  }
}
