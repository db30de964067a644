package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.WaitProgress;
import ai.fireworks.sdk.core.WaiterTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Polls a resource until a verdict says stop. Each poll is scheduled on the {@link TimeSource}
 * after the previous one finished (a loop of scheduled tasks, never recursion on the stack).
 * Delays start at {@link WaitOptions#initialInterval()} and grow by half each poll to
 * {@link WaitOptions#maxInterval()}; a resource may instead suggest the delay itself (sooner when it
 * looks close to done, later when it is plainly far from it). Every delay gets ±20% jitter, stays
 * within {@code maxInterval} and never runs past the deadline: the last poll happens at the
 * deadline itself.
 * Cancelling the returned future stops polling and nothing else. Thread-safe.
 *
 * @param <T> the resource type
 */
public final class Waiter<T> {
  /** What to do after a poll. */
  public static final class Verdict<T> {
    final T success;
    final RuntimeException failure;

    private Verdict(T success, RuntimeException failure) {
      this.success = success;
      this.failure = failure;
    }

    /** Stop: the wait succeeded with {@code value}. */
    public static <T> Verdict<T> success(T value) {
      return new Verdict<>(value, null);
    }

    /** Stop: the wait failed with {@code e}. */
    public static <T> Verdict<T> failure(RuntimeException e) {
      return new Verdict<>(null, e);
    }

    /** Poll again. */
    public static <T> Verdict<T> retry() {
      return new Verdict<>(null, null);
    }

    boolean isRetry() {
      return success == null && failure == null;
    }
  }

  /** Decides on each observed resource and each failed poll. */
  public interface Acceptor<T> {
    Verdict<T> onValue(T value, Duration elapsed);

    /** Default: every error ends the wait. */
    default Verdict<T> onError(Throwable error, Duration elapsed) {
      return Verdict.failure(error instanceof RuntimeException ? (RuntimeException) error
          : new ai.fireworks.sdk.core.FireworksException(error.getMessage(), error));
    }
  }

  private final String what;
  private final Supplier<CompletableFuture<T>> poll;
  private final Acceptor<T> acceptor;
  private final Function<T, String> describe;
  private final Function<T, Optional<Duration>> intervalHint;
  private final WaitOptions options;
  private final TimeSource time;

  /**
   * @param what names the wait in timeout messages, e.g. "deployment accounts/a/deployments/x to be READY"
   * @param describe a one-line state summary for progress reports
   * @param intervalHint the delay the resource suggests before the next poll, or empty for the backoff
   */
  public Waiter(String what, Supplier<CompletableFuture<T>> poll, Acceptor<T> acceptor, Function<T, String> describe,
      Function<T, Optional<Duration>> intervalHint, WaitOptions options, TimeSource time) {
    this.what = what;
    this.poll = poll;
    this.acceptor = acceptor;
    this.describe = describe;
    this.intervalHint = intervalHint;
    this.options = options;
    this.time = time;
  }

  /** "waiting for " and what the wait is for. */
  @Override
  public String toString() {
    return "waiting for " + what;
  }

  /** Starts polling now. */
  public CompletableFuture<T> start() {
    Run run = new Run();
    Futures.onCompletion(run.result, (v, e) -> {
      if (e instanceof CancellationException) {
        run.cancel();
      }
    });
    run.schedule(Duration.ZERO);
    return run.result;
  }

  private final class Run {
    final CompletableFuture<T> result = new CompletableFuture<>();
    final Instant start = time.now();
    final Instant deadline = start.plus(options.timeout());
    volatile Future<?> pending;
    volatile CompletableFuture<T> inFlight;
    int attempts;
    T last;
    Duration interval = options.initialInterval();

    void schedule(Duration delay) {
      if (!result.isDone()) {
        try {
          pending = time.schedule(this::pollOnce, delay);
        } catch (RejectedExecutionException e) {
          result.completeExceptionally(new FireworksException("stopped waiting for " + what
              + ": the client's scheduler was shut down", e));
        }
      }
    }

    void cancel() {
      Future<?> p = pending;
      if (p != null) {
        p.cancel(false);
      }
      CompletableFuture<T> f = inFlight;
      if (f != null) {
        f.cancel(true);
      }
    }

    void pollOnce() {
      if (result.isDone()) {
        return;
      }
      attempts++;
      CompletableFuture<T> f;
      try {
        f = poll.get();
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      inFlight = f;
      Futures.onCompletion(f, (v, e) -> {
        try {
          time.callbackExecutor().execute(() -> observe(v, e));
        } catch (RejectedExecutionException x) {
          result.completeExceptionally(new FireworksException("stopped waiting for " + what
              + ": the client's executor was shut down", x));
        }
      });
    }

    void observe(T value, Throwable error) {
      if (result.isDone()) {
        return;
      }
      Duration elapsed = Duration.between(start, time.now());
      Verdict<T> verdict;
      try {
        if (error != null) {
          verdict = acceptor.onError(HttpTransport.unwrap(error), elapsed);
        } else {
          last = value;
          report(value, elapsed);
          verdict = acceptor.onValue(value, elapsed);
        }
      } catch (RuntimeException e) {
        verdict = Verdict.failure(e);
      }
      if (verdict.failure != null) {
        result.completeExceptionally(verdict.failure);
      } else if (verdict.success != null) {
        result.complete(verdict.success);
      } else {
        try {
          next(value);
        } catch (RuntimeException e) {
          result.completeExceptionally(e); // a broken describe or hint must end the wait, not hang it
        }
      }
    }

    void report(T value, Duration elapsed) {
      try {
        options.onProgress().accept(WaitProgress.builder().resource(value).state(describe.apply(value))
            .attempt(attempts).elapsed(elapsed).build());
      } catch (RuntimeException ignored) {
        // a failing progress callback must not end the wait
      }
    }

    void next(T value) {
      Instant now = time.now();
      if (!now.isBefore(deadline)) {
        result.completeExceptionally(new WaiterTimeoutException("gave up waiting for " + what + " after "
            + options.timeout() + " (" + attempts + " polls); last seen: "
            + (last == null ? "nothing" : describe.apply(last)) + ". The operation continues on the server.",
            last, attempts, Duration.between(start, now)));
        return;
      }
      Optional<Duration> hint = value == null ? Optional.empty() : intervalHint.apply(value);
      Duration delay = min(jitter(hint.orElse(interval)), options.maxInterval());
      interval = min(options.maxInterval(), Duration.ofNanos((long) (interval.toNanos() * 1.5)));
      Duration remaining = Duration.between(now, deadline);
      schedule(min(delay, remaining));
    }
  }

  private static Duration jitter(Duration d) {
    double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofNanos((long) (d.toNanos() * factor));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
