package ai.fireworks.sdk.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.function.Executable;

/** Real-time bounds for calls that must end by a deadline, and bounded polling for conditions. */
final class Bounded {
  private Bounded() {}

  /**
   * Runs {@code call} and asserts that it throws {@code type} within {@code limit} of real time
   * (the call is interrupted and the test fails if it runs longer).
   */
  static <T extends Throwable> Failure<T> fails(Class<T> type, Duration limit, Executable call) {
    long start = System.nanoTime();
    T e = assertTimeoutPreemptively(limit, () -> assertThrows(type, call),
        () -> "the call did not end within its deadline of " + limit);
    return new Failure<>(e, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Polls {@code condition} every millisecond until it holds; fails after {@code limit}. */
  static void until(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true after " + limit + ": " + what);
      }
      LockSupport.parkNanos(1_000_000L);
    }
  }

  /** An exception and how long the call took to throw it. */
  static final class Failure<T extends Throwable> {
    final T exception;
    final Duration took;

    Failure(T exception, Duration took) {
      this.exception = exception;
      this.took = took;
    }

    String message() {
      return exception.getMessage();
    }
  }
}
