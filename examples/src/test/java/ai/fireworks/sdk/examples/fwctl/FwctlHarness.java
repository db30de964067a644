package ai.fireworks.sdk.examples.fwctl;

import ai.fireworks.sdk.testkit.FireworksEmulator;
import ai.fireworks.sdk.testkit.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Runs fwctl in-process against an emulator, with an injected environment, capturing both streams. */
final class FwctlHarness {
  /** A key that must never appear in any output. */
  static final String SENTINEL_KEY = "fw-SENTINEL-KEY-3c1f9a7e5b";
  static final String ACCOUNT = "acme";

  /** What one run produced. */
  static final class Result {
    final int exit;
    final String out;
    final String err;

    Result(int exit, String out, String err) {
      this.exit = exit;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  final FireworksEmulator emulator;
  final Map<String, String> env = new HashMap<>();

  FwctlHarness(FireworksEmulator emulator) {
    this.emulator = emulator;
    env.put("FIREWORKS_API_KEY", emulator.apiKey());
    env.put("FIREWORKS_ACCOUNT_ID", emulator.accountId());
    env.put("FIREWORKS_BASE_URL", emulator.baseUrl().toString());
  }

  /** An emulator on the system clock where everything happens at once, except where a test says otherwise. */
  static FireworksEmulator.Builder fastEmulator() {
    return FireworksEmulator.builder()
        .apiKey(SENTINEL_KEY)
        .accountId(ACCOUNT)
        .systemClock()
        .creatingDelay(Duration.ZERO)
        .updatingDelay(Duration.ZERO)
        .addonLoadDelay(Duration.ZERO)
        .coldStart(Duration.ofHours(1))
        .coldStartAfterRequests(1);
  }

  Result run(String... args) {
    return run(env, args);
  }

  static Result run(Map<String, String> env, String... args) {
    return run(env, CompletableFuture.completedFuture(null), args);
  }

  static Result run(Map<String, String> env, CompletableFuture<?> stop, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
         PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = Fwctl.run(Context.of(env, o, e, Duration.ofMillis(5), stop), args);
    }
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  List<RecordedRequest> requests() {
    return emulator.journal().requests();
  }

  String journalSummary() {
    return requests().stream().map(r -> r.method() + " " + r.target() + " -> " + r.status()).collect(Collectors.joining("\n"));
  }
}
