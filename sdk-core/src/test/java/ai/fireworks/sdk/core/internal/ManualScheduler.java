package ai.fireworks.sdk.core.internal;

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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A fake {@link ScheduledExecutorService} with its own virtual {@link Clock}: nothing runs until
 * the test moves time with {@link #advance} or {@link #drive}. Tasks may be scheduled from any
 * thread (the HTTP client's threads schedule retries); they run on the thread that moves time.
 * Every requested delay is recorded, so tests can assert on backoff without waiting for it.
 *
 * <p>Tasks scheduled by {@code Exchange.exchange} are per-attempt request timers: they fall
 * due while a request is on the wire, so {@link #drive} never fires them (a test that wants a
 * timeout calls {@link #advance}); every other task (retry delays, waiter polls) is fair game.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  /** How long {@link #drive} and {@link #awaitWait} wait in real time for the network. */
  private static final Duration REAL_WAIT = Duration.ofSeconds(10);

  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private final List<Duration> requestedDelays = new ArrayList<>();
  private final List<Duration> requestedWaits = new ArrayList<>();
  private Instant now;
  private long sequence;
  private boolean shutdown;

  public ManualScheduler() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public ManualScheduler(Instant start) {
    this.now = start;
  }

  /** A clock that reads this scheduler's virtual time. */
  public Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }

  /** The clock and this scheduler as the SDK's time source. */
  public TimeSource timeSource() {
    return TimeSource.of(clock(), this, Runnable::run);
  }

  public synchronized Instant now() {
    return now;
  }

  /** Every delay ever requested, in order. */
  public synchronized List<Duration> requestedDelays() {
    return List.copyOf(requestedDelays);
  }

  /** Delays of the tasks still waiting to run (not cancelled), earliest first. */
  public synchronized List<Duration> pendingDelays() {
    List<Duration> out = new ArrayList<>();
    queue.stream().filter(t -> !t.isDone()).sorted().forEach(t -> out.add(Duration.between(now, t.due)));
    return out;
  }

  /** Delays requested for anything but request timers (retry delays, polls), in order. */
  public synchronized List<Duration> requestedWaits() {
    return List.copyOf(requestedWaits);
  }

  /** Delays of pending tasks that are not request timers, earliest first. */
  public synchronized List<Duration> pendingWaits() {
    List<Duration> out = new ArrayList<>();
    queue.stream().filter(t -> !t.isDone() && !t.requestTimer).sorted()
        .forEach(t -> out.add(Duration.between(now, t.due)));
    return out;
  }

  /** Moves time forward by {@code d}, running every task that falls due on the way, in order. */
  public void advance(Duration d) {
    Instant target;
    synchronized (this) {
      target = now.plus(d);
    }
    while (true) {
      Task<?> t;
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

  /** Runs the tasks due now (zero-delay tasks) without moving time. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /**
   * Waits in real time (bounded) until a live task that is not a request timer and whose
   * remaining delay matches {@code filter} is scheduled, and returns that delay.
   */
  public Duration awaitWait(Predicate<Duration> filter) throws InterruptedException {
    return await(filter, false);
  }

  /**
   * Waits in real time (bounded) until no task other than request timers is pending, and returns
   * what is pending then (empty unless the wait timed out). For cancellation, which other threads
   * may finish a moment after the caller's {@code cancel} returns.
   */
  public synchronized List<Duration> awaitNoPendingWaits() throws InterruptedException {
    long deadline = System.nanoTime() + REAL_WAIT.toNanos();
    while (!pendingWaits().isEmpty() && System.nanoTime() < deadline) {
      TimeUnit.NANOSECONDS.timedWait(this, 20_000_000L);
    }
    return pendingWaits();
  }

  /** Waits in real time (bounded) until a request timer is pending and returns its remaining delay. */
  public Duration awaitRequestTimer() throws InterruptedException {
    return await(d -> true, true);
  }

  private synchronized Duration await(Predicate<Duration> filter, boolean requestTimer) throws InterruptedException {
    long deadline = System.nanoTime() + REAL_WAIT.toNanos();
    while (true) {
      Optional<Duration> d = matching(filter, requestTimer);
      if (d.isPresent()) {
        return d.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no task matching the filter was scheduled within " + REAL_WAIT
            + "; pending: " + pendingDelays());
      }
      TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, 50_000_000L));
    }
  }

  private Optional<Duration> matching(Predicate<Duration> filter, boolean requestTimer) {
    return queue.stream().filter(t -> !t.isDone() && t.requestTimer == requestTimer).sorted()
        .map(t -> Duration.between(now, t.due)).filter(filter).findFirst();
  }

  /**
   * Runs {@code future} to completion: while it is not done, waits (in real time, bounded) for the
   * network or for a task that is not a request timer, then jumps virtual time to that task.
   */
  public void drive(CompletableFuture<?> future) throws InterruptedException {
    long deadline = System.nanoTime() + REAL_WAIT.toNanos();
    CompletableFuture<?> unused = future.whenComplete((v, e) -> wake());
    while (!future.isDone()) {
      Optional<Duration> next;
      synchronized (this) {
        next = matching(d -> true, false);
        if (next.isEmpty()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            throw new AssertionError("future did not complete within " + REAL_WAIT + " of real time; pending: "
                + pendingDelays());
          }
          TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, 20_000_000L));
          continue;
        }
      }
      advance(next.get());
      // The future may be completed by another thread a moment later; let the loop observe it.
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /** Wakes {@link #drive} and {@link #awaitWait} callers; call after completing something from another thread. */
  public synchronized void wake() {
    notifyAll();
  }

  // ---- ScheduledExecutorService ----------------------------------------------------------------

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(() -> {
      command.run();
      return null;
    }, Duration.ofNanos(unit.toNanos(delay)));
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return add(callable, Duration.ofNanos(unit.toNanos(delay)));
  }

  private synchronized <V> Task<V> add(Callable<V> callable, Duration delay) {
    if (shutdown) {
      throw new java.util.concurrent.RejectedExecutionException("shut down");
    }
    requestedDelays.add(delay);
    boolean requestTimer = StackWalker.getInstance().walk(frames -> frames.anyMatch(
        f -> f.getClassName().endsWith(".internal.Exchange") && f.getMethodName().startsWith("exchange")));
    if (!requestTimer) {
      requestedWaits.add(delay);
    }
    Task<V> t = new Task<>(callable, now.plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, requestTimer);
    queue.add(t);
    notifyAll();
    return t;
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
    ScheduledFuture<?> unused = schedule(command, 0, TimeUnit.NANOSECONDS); // execute() returns no future
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    queue.forEach(t -> t.cancel(false));
    queue.clear();
    return List.of();
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private final class Task<V> implements ScheduledFuture<V>, Runnable {
    private final Callable<V> callable;
    private final Instant due;
    private final long seq;
    private final boolean requestTimer;
    private final CompletableFuture<V> result = new CompletableFuture<>();

    Task(Callable<V> callable, Instant due, long seq, boolean requestTimer) {
      this.callable = callable;
      this.due = due;
      this.seq = seq;
      this.requestTimer = requestTimer;
    }

    @Override
    public void run() {
      if (result.isDone()) {
        return;
      }
      try {
        result.complete(callable.call());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(now(), due));
    }

    @Override
    public int compareTo(Delayed o) {
      Task<?> t = (Task<?>) o;
      int c = due.compareTo(t.due);
      return c != 0 ? c : Long.compare(seq, t.seq);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = result.cancel(false);
      synchronized (ManualScheduler.this) {
        ManualScheduler.this.notifyAll();
      }
      return cancelled;
    }

    @Override
    public boolean isCancelled() {
      return result.isCancelled();
    }

    @Override
    public boolean isDone() {
      return result.isDone();
    }

    @Override
    public V get() throws InterruptedException, ExecutionException {
      return result.get();
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
      return result.get(timeout, unit);
    }
  }
}
