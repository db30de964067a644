package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.OpenEnum;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Why the model stopped generating a choice. Open: a reason the server adds later parses to a
 * value that keeps its string. Immutable; thread-safe.
 */
public final class FinishReason extends OpenEnum {
  private static final Values<FinishReason> VALUES = new Values<>(FinishReason::new);

  /** A natural stop point or one of the request's stop sequences. */
  public static final FinishReason STOP = VALUES.known("stop");
  /** {@code max_tokens} (or the context length) was reached. */
  public static final FinishReason LENGTH = VALUES.known("length");
  /** The model called one or more tools; see the message's tool calls. */
  public static final FinishReason TOOL_CALLS = VALUES.known("tool_calls");
  /** The legacy form of {@link #TOOL_CALLS}. */
  public static final FinishReason FUNCTION_CALL = VALUES.known("function_call");
  /** Generation failed part-way (completions streams). */
  public static final FinishReason ERROR = VALUES.known("error");

  private FinishReason(String value, boolean known) {
    super(value, known);
  }

  /** The reason for a wire string such as {@code "stop"}; never throws for unknown strings. */
  @JsonCreator
  public static FinishReason of(String value) {
    return VALUES.of(value);
  }
}
