package ai.fireworks.sdk.examples.fwctl;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What fwctl gets from its surroundings: the environment, the two output streams, whether stderr
 * is a terminal, how soon {@code --wait} polls first, and a signal that stops {@code fwctl emulator}.
 * {@link #system()} is the real process; tests build their own. Immutable.
 */
public final class Context {
  final Map<String, String> env;
  final PrintStream out;
  final PrintStream err;
  final boolean terminal;
  final Duration firstPollInterval;
  final Duration maxPollInterval;
  final CompletableFuture<?> stop;

  private Context(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
      Duration firstPollInterval, Duration maxPollInterval, CompletableFuture<?> stop) {
    this.env = Map.copyOf(env);
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.terminal = terminal;
    this.firstPollInterval = Objects.requireNonNull(firstPollInterval, "firstPollInterval");
    this.maxPollInterval = Objects.requireNonNull(maxPollInterval, "maxPollInterval");
    this.stop = Objects.requireNonNull(stop, "stop");
  }

  /** The real process: {@code System.getenv()}, {@code System.out}/{@code err}, and whether it {@link #onTerminal}. */
  public static Context system() {
    return new Context(System.getenv(), System.out, System.err, onTerminal(), Duration.ofSeconds(1),
        Duration.ofSeconds(10), new CompletableFuture<>());
  }

  /**
   * Whether this process talks to a terminal. Up to JDK 21 {@code System.console()} exists only
   * then; from JDK 22 it always exists and {@code Console.isTerminal()} (called reflectively, as
   * fwctl is built for 17) tells, so piped output never gets a progress line rewritten in place.
   */
  static boolean onTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException beforeJdk22) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * A context for running fwctl inside another program or a test: no terminal, {@code --wait}
   * polling every {@code pollInterval}, {@code fwctl emulator} returning when {@code stop} completes.
   */
  public static Context of(Map<String, String> env, PrintStream out, PrintStream err, Duration pollInterval,
      CompletableFuture<?> stop) {
    return new Context(env, out, err, false, pollInterval, pollInterval, stop);
  }

  /** The environment variable, or {@code null} when unset or blank. */
  String env(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
