package ai.fireworks.sdk.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The clock and scheduler behind retries and waiters, injectable as one for tests. */
public interface TimeSource {
  /** The current instant. */
  Instant now();

  /** Runs {@code task} after {@code delay}; the returned future cancels it. */
  Future<?> schedule(Runnable task, Duration delay);

  /** A time source over a real clock and scheduler. */
  static TimeSource of(Clock clock, ScheduledExecutorService scheduler) {
    return new TimeSource() {
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
