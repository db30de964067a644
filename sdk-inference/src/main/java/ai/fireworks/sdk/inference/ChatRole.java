package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.OpenEnum;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Who wrote a chat message: {@link #SYSTEM}, {@link #USER}, {@link #ASSISTANT} or {@link #TOOL}.
 * Open: a role the server adds later parses to a value that keeps its string. Immutable; thread-safe.
 */
public final class ChatRole extends OpenEnum {
  private static final Values<ChatRole> VALUES = new Values<>(ChatRole::new);

  /** Instructions that steer the assistant. */
  public static final ChatRole SYSTEM = VALUES.known("system");
  /** The end user. */
  public static final ChatRole USER = VALUES.known("user");
  /** The model. */
  public static final ChatRole ASSISTANT = VALUES.known("assistant");
  /** The result of a tool call, answering an assistant's {@code tool_calls}. */
  public static final ChatRole TOOL = VALUES.known("tool");

  private ChatRole(String value, boolean known) {
    super(value, known);
  }

  /** The role for a wire string such as {@code "user"}; never throws for unknown strings. */
  @JsonCreator
  public static ChatRole of(String value) {
    return VALUES.of(value);
  }
}
