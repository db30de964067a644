package ai.fireworks.sdk.deployments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler over virtual time for waiter tests. Nothing runs until the test moves time: tasks due
 * at or before the new time run on the test's thread, in due order. {@link #runUntilDone} alternates
 * between waiting (bounded, in real time) for the loopback HTTP exchange to schedule the next task and
 * jumping virtual time to it, ignoring tasks further out than a horizon (request timeouts).
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private static final Duration REAL_TIME_LIMIT = Duration.ofSeconds(30);

  private final List<Entry> entries = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();
  private Instant now = Instant.parse("2026-03-02T10:00:00Z");
  private long counter;

  /** The virtual clock. */
  final Clock clock = new Clock() {
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
      synchronized (ManualScheduler.this) {
        return now;
      }
    }
  };

  /** Virtual time now. */
  synchronized Instant now() {
    return now;
  }

  /** Every delay ever requested, in order. */
  synchronized List<Duration> delays() {
    return List.copyOf(delays);
  }

  /** Number of tasks not yet run or cancelled. */
  synchronized int live() {
    return (int) entries.stream().filter(e -> !e.isDone()).count();
  }

  /** Advances virtual time by {@code by}, running every task due on the way, in order. */
  void advance(Duration by) {
    Instant target;
    synchronized (this) {
      target = now.plus(by);
    }
    while (true) {
      Entry next;
      synchronized (this) {
        entries.removeIf(Entry::isDone);
        next = entries.stream().min(Comparator.naturalOrder()).orElse(null);
        if (next == null || next.due.isAfter(target)) {
          now = target;
          return;
        }
        entries.remove(next);
        if (next.due.isAfter(now)) {
          now = next.due;
        }
      }
      next.run();
    }
  }

  /**
   * Drives virtual time until {@code future} is done: whenever a task is due within {@code horizon},
   * jumps to it; otherwise waits briefly in real time for the network. Fails after 30 s of real time.
   */
  void runUntilDone(Future<?> future, Duration horizon) throws InterruptedException {
    long deadline = System.nanoTime() + REAL_TIME_LIMIT.toNanos();
    while (!future.isDone()) {
      Duration jump = null;
      synchronized (this) {
        for (Entry e : entries) {
          Duration d = Duration.between(now, e.due);
          if (!e.isDone() && d.compareTo(horizon) <= 0 && (jump == null || d.compareTo(jump) < 0)) {
            jump = d;
          }
        }
        if (jump == null) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError("not done after 30 s of real time; " + live() + " live tasks");
          }
          wait(5);
          continue;
        }
      }
      advance(jump.isNegative() ? Duration.ZERO : jump);
    }
  }

  /** Waits (bounded, real time) until some live task is due within {@code horizon}. */
  synchronized void awaitTaskWithin(Duration horizon) throws InterruptedException {
    long deadline = System.nanoTime() + REAL_TIME_LIMIT.toNanos();
    while (entries.stream().noneMatch(e -> !e.isDone() && !e.due.isAfter(now.plus(horizon)))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no task scheduled within " + horizon + " after 30 s of real time");
      }
      wait(5);
    }
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    Duration d = Duration.ofNanos(unit.toNanos(delay));
    delays.add(d);
    Entry e = new Entry(task, now.plus(d.isNegative() ? Duration.ZERO : d), counter++);
    entries.add(e);
    notifyAll();
    return e;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable r, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable r, long initialDelay, long delay, TimeUnit unit) {
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

  private final class Entry extends FutureTask<Void> implements ScheduledFuture<Void> {
    final Instant due;
    final long order;

    Entry(Runnable task, Instant due, long order) {
      super(task, null);
      this.due = due;
      this.order = order;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(now(), due));
    }

    @Override
    public int compareTo(Delayed other) {
      Entry o = (Entry) other;
      int c = due.compareTo(o.due);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }
}
