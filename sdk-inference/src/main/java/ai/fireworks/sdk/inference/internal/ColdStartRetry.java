package ai.fireworks.sdk.inference.internal;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.Backoff;
import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.internal.ApiRequest;
import ai.fireworks.sdk.core.internal.Futures;
import ai.fireworks.sdk.core.internal.RetryLoop;
import ai.fireworks.sdk.core.internal.TimeSource;
import ai.fireworks.sdk.inference.ColdStartPolicy;
import ai.fireworks.sdk.inference.ColdStartTimeoutException;
import ai.fireworks.sdk.inference.ColdStartWait;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Repeats one inference call (each attempt already carries the transport's ordinary retries)
 * while the target deployment scales up from zero, or is briefly not routable, under a
 * {@link ColdStartPolicy}; the waiting itself is the {@link RetryLoop}'s. Cancelling the returned
 * future cancels the pending wait and the attempt in flight; a value that arrives after
 * cancellation is closed if it is {@link AutoCloseable} (an opened stream). Confined to one call.
 *
 * @param <T> the call's result
 */
public final class ColdStartRetry<T> implements RetryLoop.Decider<T> {
  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk.inference");
  /** Backoff of the transient-404 window: doubling from 1 s, at most 8 s, jittered like cold starts. */
  private static final Backoff NOT_FOUND = Backoff.of(Duration.ofSeconds(1), 2, Duration.ofSeconds(8), 0.5);

  private final ModelRef model;
  private final ColdStartPolicy policy;
  private final TimeSource time;

  private Backoff backoff; // made on the first cold-start wait: most calls never need it
  private int scalingWaits;
  private int notFoundWaits;
  private Instant notFoundSince;
  private boolean woke;
  private CompletableFuture<Void> callbacks = CompletableFuture.completedFuture(null);

  private ColdStartRetry(ModelRef model, ColdStartPolicy policy, TimeSource time) {
    this.model = model;
    this.policy = policy;
    this.time = time;
  }

  /**
   * An inference POST: safe to repeat, and its cold-start 503s ({@code DEPLOYMENT_SCALING_UP}) are
   * never retried by the transport, since this class waits them out under the longer cold-start budget.
   */
  public static ApiRequest post(String path, Object body) {
    return ApiRequest.post(path, body).idempotent().notRetriedOn(DeploymentScalingUpException.class);
  }

  /** Runs {@code attempt} until it succeeds, fails for good, or the policy gives up. */
  public static <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> attempt, ModelRef model,
      ColdStartPolicy policy, TimeSource time) {
    ColdStartRetry<T> retry = new ColdStartRetry<>(model, policy, time);
    return retry.afterReports(RetryLoop.builder((number, left) -> attempt.get(), retry, time)
        .deadline(policy.budget(), true).start());
  }

  /**
   * {@code loop}'s outcome, completed only once every {@link ColdStartPolicy#onWait()} report has
   * run: a caller never sees the result before the progress that led to it (fwctl prints the wait,
   * then the answer). Cancelling the result cancels the loop; a stream that is no longer wanted is closed.
   */
  private CompletableFuture<T> afterReports(CompletableFuture<T> loop) {
    if (loop.isDone() && callbacks.isDone()) {
      return loop; // decided at once (the usual first-attempt answer), every report has run
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    Futures.passCancellation(result, loop);
    Futures.onCompletion(loop, (value, error) -> Futures.onCompletion(callbacks, (ignored, never) -> {
      if (error != null) {
        result.completeExceptionally(Futures.unwrap(error));
      } else if (!result.complete(value)) {
        Futures.discard(value);
      }
    }));
    return result;
  }

  @Override
  public RetryLoop.Next<T> decide(RetryLoop.Outcome<T> o) {
    Throwable cause = o.error();
    if (cause == null) {
      return RetryLoop.Next.done(o.value());
    }
    if (cause instanceof DeploymentScalingUpException && !policy.budget().isZero()) {
      if (backoff == null) {
        backoff = policy.backoff();
      }
      return RetryLoop.Next.retryIn(backoff.delay(++scalingWaits, ((ApiException) cause).retryAfter()));
    }
    if (cause instanceof ApiException && model.targetsDeployment() && !policy.notFoundWindow().isZero()
        && isNotRoutableYet((ApiException) cause)) {
      Instant now = time.now();
      if (notFoundSince == null) {
        notFoundSince = now;
      }
      Duration windowLeft = policy.notFoundWindow().minus(Duration.between(notFoundSince, now));
      if (windowLeft.isNegative() || windowLeft.isZero()) {
        return RetryLoop.Next.fail(cause);
      }
      Duration d = NOT_FOUND.delay(++notFoundWaits);
      return RetryLoop.Next.retryIn(d.compareTo(windowLeft) <= 0 ? d : windowLeft);
    }
    return RetryLoop.Next.fail(cause);
  }

  @Override
  public void onRetry(RetryLoop.Outcome<T> o, Duration delay) {
    ApiException cause = (ApiException) o.error();
    if (cause instanceof DeploymentScalingUpException) {
      wake();
    }
    ColdStartWait wait = ColdStartWait.builder().model(model).cause(cause).attempt(o.attempt()).elapsed(o.elapsed())
        .nextDelay(delay).budget(policy.budget()).build();
    LOG.log(System.Logger.Level.DEBUG, () -> wait + " (" + cause.getMessage() + ")");
    callback(() -> policy.onWait().accept(wait), "ColdStartPolicy.onWait");
  }

  /** Out of budget: a cold start that outlasted it says so; any other failure stays what it was. */
  @Override
  public Throwable expired(RetryLoop.Outcome<T> o) {
    return o.error() instanceof DeploymentScalingUpException
        ? new ColdStartTimeoutException((DeploymentScalingUpException) o.error(), o.elapsed(), o.attempt())
        : o.error();
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
                + Futures.unwrap(e).getMessage());
          }
        });
      }
    }, "ColdStartPolicy.waker");
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

  @Override
  public String toString() {
    return "ColdStartRetry{" + model + ", scalingWaits=" + scalingWaits + ", notFoundWaits=" + notFoundWaits + "}";
  }
}
