package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.immutables.value.Value;

/**
 * How delays between tries grow: the n-th wait's step is {@link #initial()} times
 * {@link #multiplier()} to the power n-1, at most {@link #maximum()}; the delay is drawn uniformly
 * between {@code step * (1 - jitter)} and {@code step}, so the step is always its upper bound.
 * {@link RetryPolicy#backoff()} (full jitter), {@link WaitOptions#backoff()} and the inference
 * module's cold-start policy share this one rule. Build with
 * {@code Backoff.of(initial, multiplier, maximum, jitter)}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractBackoff {
  /** Delay of the first wait (before jitter). */
  @Value.Parameter
  abstract Duration initial();

  /** Factor by which each step grows; at least 1. */
  @Value.Parameter
  abstract double multiplier();

  /** Largest step; a step never exceeds it, and neither does a delay a server or resource suggests. */
  @Value.Parameter
  abstract Duration maximum();

  /** Fraction of the step that may be taken off at random, from 0 (none) to 1 (full jitter). */
  @Value.Parameter
  abstract double jitter();

  /**
   * The upper bound of wait number {@code wait} (from 1): {@code min(maximum, initial * multiplier^(wait-1))}.
   *
   * @throws IllegalArgumentException if {@code wait} is below 1
   */
  public Duration step(int wait) {
    if (wait < 1) {
      throw new IllegalArgumentException("wait must be at least 1, was " + wait);
    }
    double nanos = initial().toNanos() * Math.pow(multiplier(), wait - 1);
    return Duration.ofNanos((long) Math.min((double) maximum().toNanos(), nanos));
  }

  /** A random delay for wait number {@code wait} (from 1): the jittered {@link #step}. Thread-safe. */
  public Duration delay(int wait) {
    long step = step(wait).toNanos();
    return Duration.ofNanos(step - (long) (step * jitter() * ThreadLocalRandom.current().nextDouble()));
  }

  /**
   * The delay before wait number {@code wait}: {@code hint} (what the server or the resource
   * suggests) taken as it is but at most {@link #maximum()}; without a hint, or with a negative
   * one, {@link #delay(int)}.
   */
  public Duration delay(int wait, Optional<Duration> hint) {
    if (hint.isEmpty() || hint.get().isNegative()) {
      return delay(wait);
    }
    return hint.get().compareTo(maximum()) <= 0 ? hint.get() : maximum();
  }

  @Value.Check
  void check() {
    AbstractRetryPolicy.requirePositive("initial", initial());
    AbstractRetryPolicy.requirePositive("maximum", maximum());
    if (!(multiplier() >= 1)) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier());
    }
    if (!(jitter() >= 0 && jitter() <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter());
    }
  }
}
