package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.Backoff;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.WaitProgress;
import ai.fireworks.sdk.core.WaiterTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Polls a resource until a verdict says stop, on the {@link RetryLoop}: each poll is scheduled
 * after the previous one finished, and verdicts are reached on the client's executor. Delays follow
 * {@link WaitOptions#backoff()} (from {@link WaitOptions#initialInterval()}, growing by half each
 * poll to {@link WaitOptions#maxInterval()}, up to 20% jitter); a resource may instead suggest the
 * delay itself (sooner when it looks close to done, later when it is plainly far from it), at most
 * {@code maxInterval}. No delay runs past the deadline: the last poll happens at the deadline itself.
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
    return RetryLoop.builder((number, left) -> poll.get(), new Judge(), time).deadline(options.timeout(), true)
        .decideOn(time.callbackExecutor()).firstAfter(Duration.ZERO).what(this).start();
  }

  /** Turns the acceptor's verdicts into the loop's next step; reports progress. Confined to one wait. */
  private final class Judge implements RetryLoop.Decider<T> {
    private final Backoff backoff = options.backoff();
    private int waits;
    private T last;

    @Override
    public RetryLoop.Next<T> decide(RetryLoop.Outcome<T> o) {
      Verdict<T> verdict;
      if (o.error() != null) {
        verdict = acceptor.onError(o.error(), o.elapsed());
      } else {
        last = o.value();
        report(o);
        verdict = acceptor.onValue(o.value(), o.elapsed());
      }
      if (verdict.failure != null) {
        return RetryLoop.Next.fail(verdict.failure);
      }
      if (verdict.success != null) {
        return RetryLoop.Next.done(verdict.success);
      }
      Optional<Duration> hint = o.value() == null ? Optional.empty() : intervalHint.apply(o.value());
      return RetryLoop.Next.retryIn(backoff.delay(++waits, hint));
    }

    @Override
    public Throwable expired(RetryLoop.Outcome<T> o) {
      return new WaiterTimeoutException("gave up waiting for " + what + " after " + options.timeout() + " ("
          + o.attempt() + " polls); last seen: " + (last == null ? "nothing" : describe.apply(last))
          + ". The operation continues on the server.", last, o.attempt(), o.elapsed());
    }

    private void report(RetryLoop.Outcome<T> o) {
      try {
        options.onProgress().accept(WaitProgress.builder().resource(o.value()).state(describe.apply(o.value()))
            .attempt(o.attempt()).elapsed(o.elapsed()).build());
      } catch (RuntimeException ignored) {
        // a failing progress callback must not end the wait
      }
    }
  }
}
