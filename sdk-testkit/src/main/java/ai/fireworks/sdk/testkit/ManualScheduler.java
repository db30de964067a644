package ai.fireworks.sdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} and a {@link Clock} on one fake timeline: time moves only
 * when a test calls {@link #advance(Duration)} (or {@link #advanceTo}), and tasks run, on the
 * calling thread, when the time they are due is reached, in due-time order (ties in submission
 * order), each one seeing {@link #now()} equal to its due time. Hand both to the SDK to make
 * retries, timeouts and waiters deterministic:
 *
 * <pre>{@code
 * ManualScheduler time = new ManualScheduler();
 * FireworksClient client = emulator.clientBuilder().scheduler(time).clock(time.clock()).build();
 * CompletableFuture<Deployment> ready = deployments.waitUntilReady(name, WaitOptions.defaults());
 * time.advance(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>A {@link FireworksEmulator} built with {@link FireworksEmulator.Builder#timeline(ManualScheduler)}
 * shares the timeline, so one {@code advance} moves both the emulated deployments and the
 * client's waiters. {@link #execute} and zero-delay tasks also wait for the next
 * {@code advance} or {@link #runDueTasks()}; blocking methods such as {@code invokeAll} therefore
 * only return if another thread advances the time.
 *
 * <p>When the code under test also talks to a real (loopback) server, its tasks are scheduled from
 * other threads as responses arrive: {@link #awaitTaskDueWithin} waits, in real time, for such a
 * task, and {@link #advanceUntilDone} drives the timeline until a future completes, never reaching
 * tasks beyond a horizon (such as request timeouts). {@link #requestedDelays()} and
 * {@link #pendingDelays()} show which delays the code asked for.
 *
 * <p>Thread-safe: tasks may be scheduled from any thread while another advances the time. The
 * clock never goes backwards. Starts at {@link #DEFAULT_START} unless told otherwise.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  /** The default start of the timeline, 2025-01-01T00:00:00Z. */
  public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

  private final Object lock = new Object();
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private final Clock clock = new ManualClock(ZoneOffset.UTC);
  private final List<Duration> requested = new ArrayList<>();
  private volatile Instant now;
  private long sequence;
  private int ranCount;
  private boolean shutdown;

  /** A timeline starting at {@link #DEFAULT_START}. */
  public ManualScheduler() {
    this(DEFAULT_START);
  }

  /** A timeline starting at {@code start}. */
  public ManualScheduler(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** The current instant of the timeline. */
  public Instant now() {
    return now;
  }

  /** A clock (UTC) that reads this timeline. */
  public Clock clock() {
    return clock;
  }

  /**
   * Moves time forward by {@code step}, running every task that falls due on the way.
   *
   * @throws IllegalArgumentException if {@code step} is negative
   */
  public void advance(Duration step) {
    Objects.requireNonNull(step, "step");
    if (step.isNegative()) {
      throw new IllegalArgumentException("step must not be negative, was " + step + " (the clock never goes back)");
    }
    advanceTo(now.plus(step));
  }

  /**
   * Moves time forward to {@code target}, running every task due at or before it.
   *
   * @throws IllegalArgumentException if {@code target} is before {@link #now()}
   */
  public void advanceTo(Instant target) {
    Objects.requireNonNull(target, "target");
    if (target.isBefore(now)) {
      throw new IllegalArgumentException("cannot move the clock back from " + now + " to " + target);
    }
    while (true) {
      Task<?> next;
      synchronized (lock) {
        next = queue.peek();
        if (next == null || next.due.isAfter(target)) {
          now = target;
          lock.notifyAll();
          return;
        }
        queue.poll();
        if (next.due.isAfter(now)) {
          now = next.due;
        }
      }
      next.run();
    }
  }

  /** Runs the tasks already due (such as those given to {@link #execute}); returns how many ran. */
  public int runDueTasks() {
    int before = ran();
    advanceTo(now);
    return ran() - before;
  }

  private int ran() {
    synchronized (lock) {
      return ranCount;
    }
  }

  /**
   * Advances to the earliest pending task and runs the tasks due then.
   *
   * @return false if nothing was pending
   */
  public boolean advanceToNextTask() {
    Optional<Instant> next = nextTaskTime();
    next.ifPresent(this::advanceTo);
    return next.isPresent();
  }

  /** When the earliest pending task is due. */
  public Optional<Instant> nextTaskTime() {
    synchronized (lock) {
      Task<?> t = queue.peek();
      while (t != null && t.isCancelled()) {
        queue.poll();
        t = queue.peek();
      }
      return t == null ? Optional.empty() : Optional.of(t.due.isBefore(now) ? now : t.due);
    }
  }

  /** Number of tasks waiting (cancelled ones are dropped when they come due). */
  public int pendingTasks() {
    synchronized (lock) {
      queue.removeIf(FutureTask::isCancelled);
      return queue.size();
    }
  }

  /**
   * How long from {@link #now()} until each pending task is due (zero for a task already due),
   * earliest first; cancelled tasks are left out.
   */
  public List<Duration> pendingDelays() {
    synchronized (lock) {
      queue.removeIf(FutureTask::isCancelled);
      List<Duration> out = new ArrayList<>();
      queue.stream().sorted().forEach(t -> out.add(t.due.isBefore(now) ? Duration.ZERO : Duration.between(now, t.due)));
      return out;
    }
  }

  /**
   * Every delay asked for so far, in call order: the delay of each {@code schedule} call, the initial
   * delay of each periodic task, zero for each {@link #execute}; a negative delay is recorded as zero.
   * Later runs of periodic tasks are not recorded. Grows until the scheduler is discarded.
   */
  public List<Duration> requestedDelays() {
    synchronized (lock) {
      return List.copyOf(requested);
    }
  }

  /**
   * Waits in real time, up to {@code timeout}, until a pending task is due within {@code horizon} of
   * {@link #now()}, for example one that another thread schedules when a response arrives. Does not
   * move the time or run anything.
   *
   * @return when the earliest pending task is due (never before {@link #now()}), or empty if no task
   *     was due within {@code horizon} when {@code timeout} passed
   * @throws IllegalArgumentException if {@code horizon} is negative
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  public Optional<Instant> awaitTaskDueWithin(Duration horizon, Duration timeout) throws InterruptedException {
    checkHorizon(horizon);
    return awaitDue(horizon, System.nanoTime() + timeout.toNanos(), null);
  }

  /**
   * Drives the timeline until {@code future} is done: each time a pending task is due within
   * {@code horizon} of {@link #now()}, advances to it (running the tasks due then); otherwise waits in
   * real time for another thread to schedule one or to complete the future. Tasks further out than
   * {@code horizon} (such as request timeouts while a loopback exchange is in flight) are never reached.
   *
   * @param timeout the real time allowed to pass without any task falling due before giving up
   * @return true once {@code future} is done; false if {@code timeout} passed without progress
   * @throws IllegalArgumentException if {@code horizon} is negative
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  public boolean advanceUntilDone(Future<?> future, Duration horizon, Duration timeout) throws InterruptedException {
    Objects.requireNonNull(future, "future");
    checkHorizon(horizon);
    while (!future.isDone()) {
      Optional<Instant> due = awaitDue(horizon, System.nanoTime() + timeout.toNanos(), future);
      if (due.isEmpty()) {
        return future.isDone();
      }
      advanceTo(due.get());
    }
    return true;
  }

  private static void checkHorizon(Duration horizon) {
    Objects.requireNonNull(horizon, "horizon");
    if (horizon.isNegative()) {
      throw new IllegalArgumentException("horizon must not be negative, was " + horizon);
    }
  }

  /** The earliest due time within {@code horizon}; empty at the deadline or once {@code until} is done. */
  private Optional<Instant> awaitDue(Duration horizon, long deadlineNanos, Future<?> until) throws InterruptedException {
    synchronized (lock) {
      while (true) {
        Optional<Instant> next = nextTaskTime();
        if (next.isPresent() && !next.get().isAfter(now.plus(horizon))) {
          return next;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0 || (until != null && until.isDone())) {
          return Optional.empty();
        }
        // Woken when a task is scheduled; the short cap notices a future completed elsewhere.
        TimeUnit.NANOSECONDS.timedWait(lock, Math.min(left, TimeUnit.MILLISECONDS.toNanos(5)));
      }
    }
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(new Task<Void>(Executors.callable(command, null), 0), delay, unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(new Task<>(callable, 0), delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    return enqueue(new Task<Void>(Executors.callable(command, null), positive(period, unit)), initialDelay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return enqueue(new Task<Void>(Executors.callable(command, null), -positive(delay, unit)), initialDelay, unit);
  }

  /** Queues {@code command} to run at the current time, on the next advance or {@link #runDueTasks()}. */
  @Override
  public void execute(Runnable command) {
    ScheduledFuture<?> unused = schedule(command, 0, TimeUnit.NANOSECONDS); // execute() returns no future
  }

  /** Refuses new tasks; pending ones still run when time advances. */
  @Override
  public void shutdown() {
    synchronized (lock) {
      shutdown = true;
      lock.notifyAll();
    }
  }

  /** Refuses new tasks and returns the pending ones without running them. */
  @Override
  public List<Runnable> shutdownNow() {
    synchronized (lock) {
      shutdown = true;
      List<Runnable> pending = new ArrayList<>(queue);
      queue.clear();
      lock.notifyAll();
      return pending;
    }
  }

  @Override
  public boolean isShutdown() {
    synchronized (lock) {
      return shutdown;
    }
  }

  @Override
  public boolean isTerminated() {
    synchronized (lock) {
      return shutdown && queue.isEmpty();
    }
  }

  /** Waits (in real time) until shut down with no pending tasks, which needs another thread to advance. */
  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    synchronized (lock) {
      while (!(shutdown && queue.isEmpty())) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  @Override
  public String toString() {
    return "ManualScheduler{now=" + now + ", pending=" + pendingTasks() + "}";
  }

  private <V> Task<V> enqueue(Task<V> task, long delay, TimeUnit unit) {
    Duration wait = Duration.ofNanos(Math.max(0, unit.toNanos(delay)));
    synchronized (lock) {
      if (shutdown) {
        throw new RejectedExecutionException("ManualScheduler is shut down");
      }
      task.due = now.plus(wait);
      task.seq = sequence++;
      requested.add(wait);
      queue.add(task);
      lock.notifyAll();
    }
    return task;
  }

  private static long positive(long period, TimeUnit unit) {
    if (period <= 0) {
      throw new IllegalArgumentException("period must be positive, was " + period + " " + unit);
    }
    return unit.toNanos(period);
  }

  private final class Task<V> extends FutureTask<V> implements RunnableScheduledFuture<V> {
    /** Set under the lock when queued, and on each repeat. */
    Instant due;
    long seq;
    /** Nanoseconds; positive = fixed rate, negative = fixed delay, 0 = one-shot. */
    private final long period;

    Task(Callable<V> callable, long period) {
      super(callable);
      this.period = period;
    }

    @Override
    public boolean isPeriodic() {
      return period != 0;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(now, due));
    }

    @Override
    public int compareTo(Delayed other) {
      if (other instanceof Task) {
        Task<?> t = (Task<?>) other;
        int c = due.compareTo(t.due);
        return c != 0 ? c : Long.compare(seq, t.seq);
      }
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public void run() {
      if (isCancelled()) {
        return;
      }
      synchronized (lock) {
        ranCount++;
      }
      if (!isPeriodic()) {
        super.run();
      } else if (super.runAndReset()) {
        due = period > 0 ? due.plusNanos(period) : now.plusNanos(-period);
        synchronized (lock) {
          if (!shutdown) {
            seq = sequence++;
            queue.add(this);
          }
        }
      }
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  private final class ManualClock extends Clock {
    private final ZoneId zone;

    ManualClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new ManualClock(zone);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public String toString() {
      return "ManualScheduler.clock[" + now + "]";
    }
  }
}
