package ai.fireworks.sdk.inference;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether and which tool the model must call ({@code tool_choice}): {@link #NONE}, {@link #AUTO}
 * (the server's default when tools are given), {@link #REQUIRED}, or one named {@link #function}.
 * Immutable; thread-safe.
 */
public final class ToolChoice {
  /** Never call a tool. */
  public static final ToolChoice NONE = new ToolChoice("none", null);
  /** Let the model decide. */
  public static final ToolChoice AUTO = new ToolChoice("auto", null);
  /** Call at least one tool. */
  public static final ToolChoice REQUIRED = new ToolChoice("required", null);

  private final String mode;
  private final String functionName;

  private ToolChoice(String mode, String functionName) {
    this.mode = mode;
    this.functionName = functionName;
  }

  /**
   * Call the function {@code name}, which must be one of the request's tools.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static ToolChoice function(String name) {
    if (Objects.requireNonNull(name, "name").isBlank()) {
      throw new IllegalArgumentException("toolChoice function name must not be blank");
    }
    return new ToolChoice("function", name);
  }

  /** {@code none}, {@code auto}, {@code required} or {@code function}. */
  public String mode() {
    return mode;
  }

  /** The function to call, for {@link #function}. */
  public Optional<String> functionName() {
    return Optional.ofNullable(functionName);
  }

  /** The wire form: a string, or {@code {"type":"function","function":{"name":...}}}. */
  @JsonValue
  public Object toJson() {
    return functionName == null ? mode : Map.of("type", "function", "function", Map.of("name", functionName));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ToolChoice && ((ToolChoice) o).mode.equals(mode)
        && Objects.equals(((ToolChoice) o).functionName, functionName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, functionName);
  }

  @Override
  public String toString() {
    return functionName == null ? mode : "function:" + functionName;
  }
}
