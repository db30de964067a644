package ai.fireworks.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go duration syntax and protobuf JSON durations. */
class DurationsTest {
  @ParameterizedTest
  @CsvSource({
      "300ms, PT0.3S", "1.5h, PT1H30M", "2h45m, PT2H45M", "1h30m10.5s, PT1H30M10.5S", "0, PT0S", "+5m, PT5M",
      "5m, PT5M", "30s, PT30S", "1h, PT1H", "100us, PT0.0001S", "100µs, PT0.0001S", "100μs, PT0.0001S",
      "7ns, PT0.000000007S", ".5s, PT0.5S", "1.s, PT1S", "0s, PT0S", "1h0m0s, PT1H", "2562047h, PT2562047H", "+0, PT0S"})
  void parsesGoSyntax(String text, String expected) {
    assertEquals(Duration.parse(expected), Durations.parseGo(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5m", "5", "5x", "", "1..5s", ".s", "s", "5 m", " 5m", "5m ", "1h-5m", "5M", "1d",
      "9999999999999999999h", "+", "-0", "0x10s", "\u0663s", "\uff15m", "5\u0663s"})
  void rejectsInvalidGoSyntax(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parseGo(text));
    assertTrue(e.getMessage().contains("duration"), e.getMessage());
  }

  @Test
  void rejectsNullGoSyntax() {
    assertThrows(IllegalArgumentException.class, () -> Durations.parseGo(null));
  }

  @Test
  void rejectionMessagesSayWhatIsWrong() {
    assertTrue(message(() -> Durations.parseGo("-5m")).contains("negative"));
    assertTrue(message(() -> Durations.parseGo("5")).contains("unit is missing"));
    assertTrue(message(() -> Durations.parseGo("5x")).contains("unknown unit 'x'"));
    assertTrue(message(() -> Durations.parseGo("")).contains("must not be empty"));
  }

  private static String message(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  @ParameterizedTest
  @CsvSource({
      "PT0S, 0s", "PT0.3S, 300ms", "PT5M, 5m0s", "PT1H, 1h0m0s", "PT1H30M10.5S, 1h30m10.5s", "PT2H45M, 2h45m0s",
      "PT0.0000015S, 1.5µs", "PT0.000000007S, 7ns", "PT30S, 30s", "PT-5M, -5m0s"})
  void formatsLikeGo(String duration, String expected) {
    assertEquals(expected, Durations.formatGo(Duration.parse(duration)));
  }

  @ParameterizedTest
  @CsvSource({"PT5M, 300s", "PT0.5S, 0.5s", "PT1.000000001S, 1.000000001s", "PT0S, 0s", "PT-1.25S, -1.25s",
      "PT10H, 36000s"})
  void protoBothWays(String duration, String proto) {
    assertEquals(proto, Durations.toProto(Duration.parse(duration)));
    assertEquals(Duration.parse(duration), Durations.parseProto(proto));
  }

  @ParameterizedTest
  @ValueSource(strings = {"300", "5m", "s", ".5s", "1.5", "1.0000000001s", "1e3s", " 300s", "300S", "+300s",
      "99999999999999999999s", "9999999999999999999s", "--1s"})
  void rejectsInvalidProto(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parseProto(text));
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }
}
