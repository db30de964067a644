package ai.fireworks.sdk.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The clock and scheduler behind retries and waiters, injectable as one for tests. */
public interface TimeSource {
  /** The current instant. */
  Instant now();

  /** Runs {@code task} after {@code delay}; the returned future cancels it. */
  Future<?> schedule(Runnable task, Duration delay);

  /**
   * Where callbacks that may run user code (progress reports, verdicts) execute, so they never run
   * on an HTTP I/O thread. Default: the calling thread.
   */
  default Executor callbackExecutor() {
    return Runnable::run;
  }

  /** A time source over a real clock and scheduler; callbacks run on {@code callbacks}. */
  static TimeSource of(Clock clock, ScheduledExecutorService scheduler, Executor callbacks) {
    return new TimeSource() {
      @Override
      public Executor callbackExecutor() {
        return callbacks;
      }

      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public Future<?> schedule(Runnable task, Duration delay) {
        return scheduler.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      }
    };
  }
}
