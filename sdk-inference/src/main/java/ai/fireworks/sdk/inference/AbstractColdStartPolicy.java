package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.Backoff;
import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.immutables.value.Value;

/**
 * How inference rides out a deployment that is not serving yet. A deployment scaled to zero
 * answers HTTP 503 {@code DEPLOYMENT_SCALING_UP} at once (requests are not queued) while a replica
 * starts, which takes from about a minute to ten or more; the SDK retries under this policy's own
 * {@link #budget()}, separate from (and on top of) the client's ordinary {@code RetryPolicy}, with
 * delays growing from about {@link #initialBackoff()} to {@link #maxBackoff()} (each drawn between
 * half and all of the current step). Right after a deployment or addon became ready, requests that
 * target it ({@link ModelRef#targetsDeployment()}) may briefly get 404 "model not found … not
 * deployed" (or 425); those are retried for {@link #notFoundWindow()}. Each wait is reported to
 * {@link #onWait()} and logged at DEBUG on logger {@code ai.fireworks.sdk.inference}.
 * A stream is only retried before its first event. Build with {@code ColdStartPolicy.builder()}.
 * Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractColdStartPolicy {
  /** 10 minutes of budget, waits from 2.5-5 s growing to 15-30 s, 60 s window for transient 404s, no waker. */
  public static ColdStartPolicy defaults() {
    return Constants.DEFAULT;
  }

  /** Never wait: a cold start fails at once with {@link DeploymentScalingUpException}. */
  public static ColdStartPolicy disabled() {
    return Constants.DISABLED;
  }

  /** Longest total time to keep retrying a cold start, from the first attempt; default 10 minutes. Zero disables. */
  @Value.Default
  Duration budget() {
    return Duration.ofMinutes(10);
  }

  /** Upper bound of the first wait; default 5 s. */
  @Value.Default
  Duration initialBackoff() {
    return Duration.ofSeconds(5);
  }

  /** Upper bound of any wait (doubling from {@link #initialBackoff()}); default 30 s. */
  @Value.Default
  Duration maxBackoff() {
    return Duration.ofSeconds(30);
  }

  /**
   * How long transient 404 (and 425) answers are retried for requests that target a specific
   * deployment or deployed model, counted from the first one; default 60 s. Zero disables. On the
   * first such 404 for a deployment, one GET of the deployment decides whether waiting makes sense:
   * one that does not exist, is FAILED, DELETING or DELETED, or sits in another account this key
   * cannot read fails at once with a {@code NotFoundException} naming it.
   */
  @Value.Default
  Duration notFoundWindow() {
    return Duration.ofSeconds(60);
  }

  /**
   * Called at the start of each wait, on the client's executor, in order (one at a time per
   * call); exceptions it throws are logged and ignored. Default: nothing.
   */
  @Value.Default
  @Value.Auxiliary
  Consumer<ColdStartWait> onWait() {
    return w -> { };
  }

  /**
   * Called once, before the first cold-start wait of a call, with the model being queried, for
   * example to scale the deployment to one replica with the deployments module
   * ({@code ref -> deployments.scaleAsync(ref.deployment().orElseThrow(), 1)}). Runs on the
   * client's executor; the SDK does not wait for the returned future (which may be {@code null}),
   * and a failure is logged while the retries go on.
   */
  @Value.Auxiliary
  abstract Optional<Function<ModelRef, CompletableFuture<?>>> waker();

  /**
   * The waits as one {@link Backoff}: doubling from {@link #initialBackoff()} to {@link #maxBackoff()},
   * each drawn between half and all of the step.
   */
  public Backoff backoff() {
    return Backoff.of(initialBackoff(), 2, maxBackoff(), 0.5);
  }

  @Value.Check
  void check() {
    nonNegative("budget", budget());
    nonNegative("notFoundWindow", notFoundWindow());
    if (initialBackoff().isZero() || initialBackoff().isNegative()) {
      throw new IllegalArgumentException("initialBackoff must be positive, was " + initialBackoff());
    }
    if (maxBackoff().compareTo(initialBackoff()) < 0) {
      throw new IllegalArgumentException("maxBackoff must be at least initialBackoff (" + initialBackoff() + "), was "
          + maxBackoff());
    }
  }

  private static void nonNegative(String field, Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, was " + d);
    }
  }

  /**
   * The constants, initialised apart from this class: the generated subclass needs this class
   * initialised first, so creating instances in its initialiser could deadlock two threads.
   */
  private static final class Constants {
    static final ColdStartPolicy DEFAULT = ColdStartPolicy.builder().build();
    static final ColdStartPolicy DISABLED = ColdStartPolicy.builder().budget(Duration.ZERO)
        .notFoundWindow(Duration.ZERO).build();
  }
}
