package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.FireworksException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * The SDK's one loop for "try, look at the outcome, wait, try again": transport retries, waiters
 * and cold-start waits all run on it. Attempts are scheduled on the {@link TimeSource} (a loop of
 * scheduled tasks, never recursion on the stack or a sleeping thread). It owns, once for all:
 * cancellation (cancelling the result cancels the pending timer and the attempt in flight, and
 * closes an {@link AutoCloseable} value that arrives too late), the deadline (no wait runs past it),
 * and executors that reject work (the wait ends with the failure it could not retry). What to do
 * after each attempt is the {@link Decider}'s business. Thread-safe.
 *
 * @param <T> the attempt's result
 */
public final class RetryLoop<T> {
  /** Starts attempt number {@code number} (from 1); {@code remaining} is the time left before the deadline. */
  @FunctionalInterface
  public interface Attempt<T> {
    CompletableFuture<T> start(int number, Duration remaining);
  }

  /** Looks at each outcome and says what happens next. Never called after the result completed. */
  public interface Decider<T> {
    /** After attempt {@code o.attempt()}: {@link Next#done}, {@link Next#fail} or {@link Next#retryIn}. */
    Next<T> decide(Outcome<T> o);

    /** Called with the delay actually scheduled (the deadline may have cut it), before the wait. Default: nothing. */
    default void onRetry(Outcome<T> o, Duration delay) { }

    /** The failure when a retry would start at or past the deadline; default: the outcome's own failure. */
    default Throwable expired(Outcome<T> o) {
      return o.error() != null ? o.error() : new FireworksException("gave up: out of time");
    }
  }

  /**
   * What came of one attempt: its number, its value or its (unwrapped) error, and the time since
   * the loop started and left before the deadline, both read once from the clock when first asked
   * (a success that needs neither costs no clock read). Confined to one decision.
   */
  public static final class Outcome<T> {
    private final RetryLoop<T> loop;
    private final int attempt;
    private final T value;
    private final Throwable error;
    private Instant now;

    Outcome(RetryLoop<T> loop, int attempt, T value, Throwable error) {
      this.loop = loop;
      this.attempt = attempt;
      this.value = value;
      this.error = error;
    }

    /** The attempt's number, from 1. */
    public int attempt() {
      return attempt;
    }

    /** The attempt's value; null if it failed. */
    public T value() {
      return value;
    }

    /** The attempt's failure, unwrapped; null if it succeeded. */
    public Throwable error() {
      return error;
    }

    /** Time since the loop started. */
    public Duration elapsed() {
      return Duration.between(loop.start, now());
    }

    /** Time left before the deadline; zero or negative once it has passed. */
    public Duration remaining() {
      return Duration.between(now(), loop.deadline);
    }

    private Instant now() {
      if (now == null) {
        now = loop.time.now();
      }
      return now;
    }
  }

  /** What the {@link Decider} wants next. */
  public static final class Next<T> {
    final T value;
    final Throwable failure;
    final Duration delay;

    private Next(T value, Throwable failure, Duration delay) {
      this.value = value;
      this.failure = failure;
      this.delay = delay;
    }

    /** Stop with {@code value}. */
    public static <T> Next<T> done(T value) {
      return new Next<>(value, null, null);
    }

    /** Stop with {@code failure}. */
    public static <T> Next<T> fail(Throwable failure) {
      return new Next<>(null, failure, null);
    }

    /** Try again after {@code delay}. */
    public static <T> Next<T> retryIn(Duration delay) {
      return new Next<>(null, null, delay);
    }
  }

  private final Attempt<T> attempt;
  private final Decider<T> decider;
  private final TimeSource time;
  private final Instant start;
  private final Instant deadline;
  private final boolean clipToDeadline;
  private final Executor decideOn;
  private final Object what;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private volatile Future<?> timer;
  private volatile CompletableFuture<T> inFlight;

  private RetryLoop(Builder<T> b) {
    this.attempt = b.attempt;
    this.decider = b.decider;
    this.time = b.time;
    this.start = time.now();
    this.deadline = start.plus(b.budget);
    this.clipToDeadline = b.clipToDeadline;
    this.decideOn = b.decideOn;
    this.what = b.what;
  }

  /** A loop of {@code attempt}s judged by {@code decider}, on {@code time}. */
  public static <T> Builder<T> builder(Attempt<T> attempt, Decider<T> decider, TimeSource time) {
    return new Builder<>(attempt, decider, time);
  }

  /** Configures and starts a {@link RetryLoop}. Not thread-safe; use once. */
  public static final class Builder<T> {
    private final Attempt<T> attempt;
    private final Decider<T> decider;
    private final TimeSource time;
    private Duration budget = Duration.ofDays(365L * 100);
    private boolean clipToDeadline;
    private Executor decideOn;
    private Duration firstDelay;
    private Object what = "retrying";

    private Builder(Attempt<T> attempt, Decider<T> decider, TimeSource time) {
      this.attempt = attempt;
      this.decider = decider;
      this.time = time;
    }

    /**
     * No wait runs past {@code budget} from now. With {@code clip}, the last wait is cut short so
     * that a last attempt runs at the deadline; without it, a wait that would pass the deadline is
     * not started and the loop ends with {@link Decider#expired}.
     */
    public Builder<T> deadline(Duration budget, boolean clip) {
      this.budget = budget;
      this.clipToDeadline = clip;
      return this;
    }

    /** Runs the decider on {@code executor} (where user callbacks may run), not on the attempt's thread. */
    public Builder<T> decideOn(Executor executor) {
      this.decideOn = executor;
      return this;
    }

    /** Schedules the first attempt after {@code delay} instead of starting it on the calling thread. */
    public Builder<T> firstAfter(Duration delay) {
      this.firstDelay = delay;
      return this;
    }

    /** Names the work in failures by its {@code toString}, taken only then: "waiting for deployment x to be READY". */
    public Builder<T> what(Object description) {
      this.what = description;
      return this;
    }

    /** Starts the loop; the future completes with the decided value or failure. */
    public CompletableFuture<T> start() {
      RetryLoop<T> loop = new RetryLoop<>(this);
      if (firstDelay == null) {
        loop.run(1);
      } else {
        loop.schedule(1, firstDelay, null);
      }
      if (!loop.result.isDone()) { // nobody holds the result before it is returned, so none can cancel it sooner
        Futures.onCompletion(loop.result, (v, e) -> {
          if (e instanceof CancellationException) {
            loop.cancelPending();
          }
        });
      }
      return loop.result;
    }
  }

  private void run(int number) {
    if (result.isDone()) {
      return;
    }
    CompletableFuture<T> f;
    try {
      f = attempt.start(number, Duration.between(time.now(), deadline));
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    inFlight = f;
    Futures.onCompletion(f, (v, e) -> {
      if (decideOn == null) {
        after(number, v, e);
        return;
      }
      try {
        decideOn.execute(() -> after(number, v, e));
      } catch (RejectedExecutionException rejected) {
        result.completeExceptionally(new FireworksException("stopped " + what
            + ": the client's executor was shut down", rejected));
      }
    });
  }

  private void after(int number, T value, Throwable error) {
    if (result.isDone()) {
      if (error == null) {
        Futures.discard(value); // the caller is gone: an opened stream must not leak
      }
      return;
    }
    Throwable cause = error == null ? null : Futures.unwrap(error);
    Outcome<T> o = new Outcome<>(this, number, error == null ? value : null, cause);
    try {
      Next<T> next = decider.decide(o);
      if (next.delay == null) {
        complete(next);
        return;
      }
      Duration delay = next.delay;
      Duration remaining = o.remaining();
      if (remaining.compareTo(Duration.ZERO) <= 0 || (!clipToDeadline && delay.compareTo(remaining) > 0)) {
        result.completeExceptionally(decider.expired(o));
        return;
      }
      if (delay.compareTo(remaining) > 0) {
        delay = remaining;
      }
      decider.onRetry(o, delay);
      schedule(number + 1, delay, cause);
    } catch (RuntimeException e) {
      result.completeExceptionally(e); // a broken decider must end the loop, not hang it
    }
  }

  private void complete(Next<T> next) {
    if (next.failure != null) {
      result.completeExceptionally(next.failure);
    } else if (!result.complete(next.value)) {
      Futures.discard(next.value);
    }
  }

  /** Schedules attempt {@code number}; if the scheduler rejects it, ends with {@code last} (or says why). */
  private void schedule(int number, Duration delay, Throwable last) {
    try {
      timer = time.schedule(() -> run(number), delay);
    } catch (RejectedExecutionException rejected) {
      Throwable failure = last;
      if (failure == null) {
        failure = new FireworksException("stopped " + what + ": the client's scheduler was shut down", rejected);
      } else {
        failure.addSuppressed(rejected);
      }
      result.completeExceptionally(failure);
      return;
    }
    if (result.isCancelled()) {
      timer.cancel(false); // cancelled while scheduling: the cancellation saw no timer yet
    }
  }

  private void cancelPending() {
    Future<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
    CompletableFuture<T> f = inFlight;
    if (f != null) {
      f.cancel(true);
    }
  }
}
