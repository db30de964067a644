package ai.fireworks.sdk.inference.internal;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.Durations;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.internal.Futures;
import ai.fireworks.sdk.core.internal.HttpTransport;
import ai.fireworks.sdk.core.internal.TimeSource;
import ai.fireworks.sdk.inference.ColdStartPolicy;
import ai.fireworks.sdk.inference.ColdStartTimeoutException;
import ai.fireworks.sdk.inference.ColdStartWait;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Repeats one inference call (each attempt already carries the transport's ordinary retries)
 * while the target deployment scales up from zero, or is briefly not routable, under a
 * {@link ColdStartPolicy}. A loop driven by the {@link TimeSource}'s scheduler: no thread sleeps.
 * Cancelling the returned future cancels the pending wait and the attempt in flight; a value
 * that arrives after cancellation is closed if it is {@link AutoCloseable} (an opened stream).
 *
 * @param <T> the call's result
 */
public final class ColdStartRetry<T> {
  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk.inference");
  /** Backoff of the transient-404 window: doubling from 1 s, at most 8 s, jittered like cold starts. */
  private static final Duration NOT_FOUND_INITIAL = Duration.ofSeconds(1);
  private static final Duration NOT_FOUND_MAX = Duration.ofSeconds(8);

  private final Supplier<CompletableFuture<T>> attempt;
  private final ModelRef model;
  private final ColdStartPolicy policy;
  private final TimeSource time;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private final Instant start;

  private int attempts;
  private int scalingWaits;
  private int notFoundWaits;
  private Instant notFoundSince;
  private boolean woke;
  private volatile Future<?> timer;
  private CompletableFuture<Void> callbacks = CompletableFuture.completedFuture(null);
  private volatile CompletableFuture<T> inFlight;

  private ColdStartRetry(Supplier<CompletableFuture<T>> attempt, ModelRef model, ColdStartPolicy policy,
      TimeSource time) {
    this.attempt = attempt;
    this.model = model;
    this.policy = policy;
    this.time = time;
    this.start = time.now();
  }

  /** Runs {@code attempt} until it succeeds, fails for good, or the policy gives up. */
  public static <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> attempt, ModelRef model,
      ColdStartPolicy policy, TimeSource time) {
    ColdStartRetry<T> r = new ColdStartRetry<>(attempt, model, policy, time);
    Futures.onCompletion(r.result, (v, e) -> {
      if (e instanceof CancellationException) {
        Future<?> t = r.timer;
        if (t != null) {
          t.cancel(false);
        }
        CompletableFuture<T> f = r.inFlight;
        if (f != null) {
          f.cancel(true);
        }
      }
    });
    r.next();
    return r.result;
  }

  private void next() {
    if (result.isDone()) {
      return;
    }
    attempts++;
    CompletableFuture<T> f;
    try {
      f = attempt.get();
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    inFlight = f;
    Futures.onCompletion(f, (v, e) -> {
      if (e == null) {
        if (!result.complete(v) && v instanceof AutoCloseable) {
          closeQuietly((AutoCloseable) v);
        }
        return;
      }
      Throwable cause = HttpTransport.unwrap(e);
      Optional<Duration> delay;
      try {
        delay = delayAfter(cause);
      } catch (RuntimeException giveUp) {
        result.completeExceptionally(giveUp);
        return;
      }
      if (delay.isEmpty()) {
        result.completeExceptionally(cause);
        return;
      }
      try {
        timer = time.schedule(this::next, delay.get());
      } catch (RejectedExecutionException rejected) {
        cause.addSuppressed(rejected); // the scheduler was shut down: report the failure we could not wait out
        result.completeExceptionally(cause);
        return;
      }
      if (result.isDone()) {
        timer.cancel(false);
      }
    });
  }

  /** The wait before the next attempt, empty to fail with {@code cause}; throws to fail with another error. */
  private Optional<Duration> delayAfter(Throwable cause) {
    Instant now = time.now();
    Duration elapsed = Duration.between(start, now);
    Duration remaining = policy.budget().minus(elapsed);
    if (cause instanceof DeploymentScalingUpException && !policy.budget().isZero()) {
      DeploymentScalingUpException e = (DeploymentScalingUpException) cause;
      if (remaining.isNegative() || remaining.isZero()) {
        throw new ColdStartTimeoutException(e, elapsed, attempts);
      }
      scalingWaits++;
      Duration d = e.retryAfter().filter(h -> !h.isNegative())
          .map(h -> min(h, policy.maxBackoff()))
          .orElseGet(() -> jitter(policy.initialBackoff(), policy.maxBackoff(), scalingWaits));
      d = min(d, remaining);
      wake();
      report(e, elapsed, d);
      return Optional.of(d);
    }
    if (cause instanceof ApiException && model.targetsDeployment() && !policy.notFoundWindow().isZero()
        && isNotRoutableYet((ApiException) cause) && remaining.compareTo(Duration.ZERO) > 0) {
      if (notFoundSince == null) {
        notFoundSince = now;
      }
      Duration windowLeft = policy.notFoundWindow().minus(Duration.between(notFoundSince, now));
      if (windowLeft.isNegative() || windowLeft.isZero()) {
        return Optional.empty();
      }
      notFoundWaits++;
      Duration d = min(min(jitter(NOT_FOUND_INITIAL, NOT_FOUND_MAX, notFoundWaits), windowLeft), remaining);
      report((ApiException) cause, elapsed, d);
      return Optional.of(d);
    }
    return Optional.empty();
  }

  /** 404 "model not found / not deployed / does not exist", or 425 Too Early: a route that is not live yet. */
  static boolean isNotRoutableYet(ApiException e) {
    if (e.statusCode() == 425) {
      return true;
    }
    if (!(e instanceof NotFoundException) || e instanceof DeploymentCheck.Missing) {
      return false; // Missing: the control plane said the deployment cannot serve, see DeploymentCheck
    }
    String text = (e.errorMessage() + " " + e.body()).toLowerCase(Locale.ROOT);
    return text.contains("model not found") || text.contains("not deployed") || text.contains("does not exist");
  }

  private void wake() {
    if (woke || policy.waker().isEmpty()) {
      return;
    }
    woke = true;
    callback(() -> {
      CompletableFuture<?> f = policy.waker().get().apply(model);
      if (f != null) {
        Futures.onCompletion(f, (v, e) -> {
          if (e != null) {
            LOG.log(System.Logger.Level.WARNING, () -> "waking " + model + " failed; still waiting for it: "
                + HttpTransport.unwrap(e).getMessage());
          }
        });
      }
    }, "ColdStartPolicy.waker");
  }

  private void report(ApiException cause, Duration elapsed, Duration delay) {
    ColdStartWait wait = ColdStartWait.builder().model(model).cause(cause).attempt(attempts).elapsed(elapsed)
        .nextDelay(delay).budget(policy.budget()).build();
    LOG.log(System.Logger.Level.DEBUG, () -> wait + " (" + cause.getMessage() + ")");
    callback(() -> policy.onWait().accept(wait), "ColdStartPolicy.onWait");
  }

  /**
   * Runs user code on the client's executor, never on an HTTP I/O thread, one callback at a time
   * and in order for this call; its failures are logged only.
   */
  private void callback(Runnable r, String what) {
    Runnable guarded = () -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, () -> what + " threw; ignored: " + e);
      }
    };
    try {
      callbacks = callbacks.exceptionally(e -> null).thenRunAsync(guarded, time.callbackExecutor());
    } catch (RejectedExecutionException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> what + " not run: the client's executor rejected it");
    }
  }

  /** A delay drawn from [step/2, step], where step doubles from {@code initial} up to {@code max}. */
  static Duration jitter(Duration initial, Duration max, int wait) {
    long step = Math.min(max.toMillis(), initial.toMillis() << Math.min(wait - 1, 20));
    long half = step / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(step - half + 1));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // the caller is gone; nothing to report to
    }
  }

  @Override
  public String toString() {
    return "ColdStartRetry{" + model + ", attempts=" + attempts + ", elapsed="
        + Durations.formatGo(Duration.between(start, time.now())) + "}";
  }
}
