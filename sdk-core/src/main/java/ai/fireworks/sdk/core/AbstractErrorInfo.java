package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A {@code google.rpc.ErrorInfo} entry of an error's {@code details}: a machine-readable
 * {@link #reason()} to branch on instead of the message text, the {@link #domain()} that defines
 * it, and extra {@link #metadata()}. Absent fields are empty strings. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractErrorInfo {
  /** The reason, an UPPER_SNAKE_CASE constant such as {@code API_KEY_INVALID}; empty if none was sent. */
  @Value.Default
  public String reason() {
    return "";
  }

  /** The domain that defines {@link #reason()}, such as {@code fireworks.ai}; empty if none was sent. */
  @Value.Default
  public String domain() {
    return "";
  }

  /** Extra key/value context; values that were not strings are kept as their JSON text. */
  public abstract Map<String, String> metadata();
}
