package ai.fireworks.sdk.examples.fwctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fireworks.sdk.testkit.FireworksEmulator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the fwctl tests that run against an emulator: one {@link FwctlHarness#fastEmulator()}
 * per test class, reset before each test, with a fresh {@link FwctlHarness} on it. A subclass's
 * own {@code @BeforeEach} runs after the reset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FwctlEmulatorTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String LLAMA = "accounts/fireworks/models/llama-v3p2-3b-instruct";

  FireworksEmulator emulator;
  FwctlHarness fw;

  @BeforeAll
  void startEmulator() {
    emulator = FwctlHarness.fastEmulator().start();
  }

  @AfterAll
  void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void resetEmulator() {
    emulator.reset();
    fw = new FwctlHarness(emulator);
  }

  /** Runs fwctl and asserts that it exited 0. */
  FwctlHarness.Result ok(String... args) {
    FwctlHarness.Result r = fw.run(args);
    assertEquals(0, r.exit, () -> String.join(" ", args) + "\n" + r);
    return r;
  }
}
