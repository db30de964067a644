package ai.fireworks.sdk.inference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A fake {@link ScheduledExecutorService} with its own {@link Clock}: scheduled tasks run only
 * when the test calls {@link #runNext}, which moves the clock to the task's due time. Lets tests
 * ride through minutes of cold-start backoff instantly.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-07-01T12:00:00Z"));
  private final List<Task> tasks = new ArrayList<>();

  Clock clock() {
    return clock;
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * Waits (up to 10 s of real time) for a live task due within {@code within} of now, moves the
   * clock to its due time and runs it on the calling thread.
   *
   * @return the delay the clock advanced by
   */
  Duration runNext(Duration within) throws InterruptedException {
    return runNextUnless(within, () -> false)
        .orElseThrow(() -> new AssertionError("no task due within " + within + " was scheduled"));
  }

  /**
   * Like {@link #runNext} but returns empty as soon as {@code stop} holds and no task is due
   * (checked every few milliseconds, for at most 10 s of real time).
   */
  Optional<Duration> runNextUnless(Duration within, BooleanSupplier stop) throws InterruptedException {
    Task next;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    synchronized (this) {
      while ((next = earliest(within)) == null) {
        if (stop.getAsBoolean()) {
          return Optional.empty();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no task due within " + within + " was scheduled; pending: " + tasks);
        }
        TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(5)));
      }
      tasks.remove(next);
    }
    Duration advanced = Duration.between(clock.instant(), next.due);
    if (!advanced.isNegative()) {
      clock.set(next.due);
    }
    next.run();
    return Optional.of(advanced);
  }

  /** Live tasks due within {@code within} of now. */
  synchronized int pending(Duration within) {
    return (int) tasks.stream().filter(t -> !t.cancelled && !t.due.isAfter(clock.instant().plus(within))).count();
  }

  private Task earliest(Duration within) {
    tasks.removeIf(t -> t.cancelled);
    Instant limit = clock.instant().plus(within);
    return tasks.stream().filter(t -> !t.due.isAfter(limit)).min((a, b) -> a.due.compareTo(b.due)).orElse(null);
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Task t = new Task(command, clock.instant().plusNanos(unit.toNanos(Math.max(0, delay))));
    tasks.add(t);
    notifyAll();
    return t;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public void shutdown() {}

  @Override
  public List<Runnable> shutdownNow() {
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private final class Task implements ScheduledFuture<Object> {
    final Runnable command;
    final Instant due;
    volatile boolean cancelled;
    volatile boolean done;

    Task(Runnable command, Instant due) {
      this.command = command;
      this.due = due;
    }

    void run() {
      if (!cancelled) {
        done = true;
        command.run();
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due));
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (done) {
        return false;
      }
      cancelled = true;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException("manual tasks are not awaited");
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException("manual tasks are not awaited");
    }

    @Override
    public String toString() {
      return "Task{due=" + due + (cancelled ? ", cancelled" : "") + "}";
    }
  }

  private static final class FakeClock extends Clock {
    private volatile Instant now;

    FakeClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
