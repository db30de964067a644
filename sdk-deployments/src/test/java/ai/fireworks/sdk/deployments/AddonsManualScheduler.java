package ai.fireworks.sdk.deployments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A fake scheduler with a virtual clock for the addon tests: tasks run only when the test moves
 * time ({@link #drive} or {@link #advance}), on the test's thread. Tasks may be scheduled from any
 * thread. Real time is only spent waiting (bounded) for the loopback network.
 */
final class AddonsManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private static final long REAL_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private final List<Duration> delays = new ArrayList<>();
  private Instant now = Instant.parse("2026-03-02T10:00:00Z");
  private long sequence;

  /** A clock reading the virtual time. */
  Clock clock() {
    return new Clock() {
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
        return now();
      }
    };
  }

  synchronized Instant now() {
    return now;
  }

  /** Every delay requested so far (waiter polls, request timeouts, retries), in order. */
  synchronized List<Duration> requestedDelays() {
    return List.copyOf(delays);
  }

  /** Delays of the live tasks, earliest first. */
  synchronized List<Duration> pending() {
    List<Duration> out = new ArrayList<>();
    queue.stream().filter(t -> !t.isDone()).sorted().forEach(t -> out.add(Duration.between(now, t.due)));
    return out;
  }

  /** Moves virtual time forward by {@code d}, running due tasks in order. */
  void advance(Duration d) {
    Instant target;
    synchronized (this) {
      target = now.plus(d);
    }
    while (true) {
      Task t;
      synchronized (this) {
        t = queue.peek();
        while (t != null && t.isDone()) {
          queue.poll();
          t = queue.peek();
        }
        if (t == null || t.due.isAfter(target)) {
          now = target;
          return;
        }
        queue.poll();
        if (t.due.isAfter(now)) {
          now = t.due;
        }
      }
      t.run();
    }
  }

  /**
   * Until {@code future} is done: waits in real time (bounded) for the network or for a live task
   * due within {@code horizon}, then jumps to it. Longer tasks (request timeouts) never fire. Fails
   * after 10 s of real time in which nothing became due.
   */
  void drive(CompletableFuture<?> future, Duration horizon) throws InterruptedException {
    long deadline = System.nanoTime() + REAL_WAIT_NANOS;
    while (!future.isDone()) {
      Optional<Duration> next;
      synchronized (this) {
        next = queue.stream().filter(t -> !t.isDone()).sorted().map(t -> Duration.between(now, t.due))
            .filter(d -> d.compareTo(horizon) <= 0).findFirst();
        if (next.isEmpty()) {
          if (System.nanoTime() > deadline) {
            throw new AssertionError("future not done after 10 s of real time without progress; pending " + pending());
          }
          TimeUnit.MILLISECONDS.timedWait(this, 10);
          continue;
        }
      }
      advance(next.get());
      deadline = System.nanoTime() + REAL_WAIT_NANOS;
    }
  }

  /** Waits in real time (bounded) until a live task is scheduled within {@code horizon}. */
  synchronized void awaitTask(Duration horizon) throws InterruptedException {
    long deadline = System.nanoTime() + REAL_WAIT_NANOS;
    while (queue.stream().noneMatch(t -> !t.isDone() && !t.due.isAfter(now.plus(horizon)))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no task scheduled within 10 s of real time; pending " + pending());
      }
      TimeUnit.MILLISECONDS.timedWait(this, 10);
    }
  }

  @Override
  public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Duration d = Duration.ofNanos(unit.toNanos(delay));
    delays.add(d);
    Task t = new Task(command, now.plus(d.isNegative() ? Duration.ZERO : d), sequence++);
    queue.add(t);
    notifyAll();
    return t;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("not used by the SDK");
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("not used by the SDK");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("not used by the SDK");
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

  private final class Task extends FutureTask<Void> implements ScheduledFuture<Void> {
    final Instant due;
    final long seq;

    Task(Runnable r, Instant due, long seq) {
      super(r, null);
      this.due = due;
      this.seq = seq;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(now(), due));
    }

    @Override
    public int compareTo(Delayed o) {
      Task t = (Task) o;
      int c = due.compareTo(t.due);
      return c != 0 ? c : Long.compare(seq, t.seq);
    }
  }
}
