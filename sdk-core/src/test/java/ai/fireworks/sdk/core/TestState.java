package ai.fireworks.sdk.core;

import com.fasterxml.jackson.annotation.JsonCreator;

/** An open enumeration built the way the SDK's real ones are, for tests. */
public final class TestState extends OpenEnum {
  private static final Values<TestState> VALUES = new Values<>(TestState::new);
  public static final TestState CREATING = VALUES.known("CREATING");
  public static final TestState READY = VALUES.known("READY");

  private TestState(String value, boolean known) {
    super(value, known);
  }

  @JsonCreator
  public static TestState of(String value) {
    return VALUES.of(value);
  }
}
