package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * How failed attempts are retried. Retried: connection failures before a response, and HTTP 408,
 * 429, 500, 502, 503, 504 and 520, for requests that are safe to repeat (reads, inference, and creates
 * that carry an id or an idempotency key). A response header {@code x-should-retry: false} stops
 * retries; {@code x-should-retry: true} allows a retry of any status, still only for a request
 * that is safe to repeat. Delays grow exponentially from {@link #initialBackoff()}
 * to {@link #maxBackoff()} with full jitter; a server's {@code retry-after-ms} or {@code Retry-After}
 * is honoured up to {@link #maxRetryAfter()}. No retry starts after {@link #totalTimeout()}.
 * Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractRetryPolicy {
  /** Default: 3 attempts, 0.5 s to 8 s backoff, Retry-After capped at 60 s, 2 minutes in total. */
  public static RetryPolicy defaults() {
    return Constants.DEFAULT;
  }

  /** Never retry. */
  public static RetryPolicy none() {
    return Constants.NONE;
  }

  /** Total attempts including the first; default 3. */
  @Value.Default
  int maxAttempts() {
    return 3;
  }

  /** Upper bound of the first retry delay; default 0.5 s. */
  @Value.Default
  Duration initialBackoff() {
    return Duration.ofMillis(500);
  }

  /** Upper bound of any computed retry delay; default 8 s. */
  @Value.Default
  Duration maxBackoff() {
    return Duration.ofSeconds(8);
  }

  /** Longest server-requested wait the SDK will honour; default 60 s. Longer hints end the retries. */
  @Value.Default
  Duration maxRetryAfter() {
    return Duration.ofSeconds(60);
  }

  /** Deadline for the whole call including retries; default 2 minutes. */
  @Value.Default
  Duration totalTimeout() {
    return Duration.ofMinutes(2);
  }

  /**
   * The delays between attempts as one {@link Backoff}: doubling from {@link #initialBackoff()} to
   * {@link #maxBackoff()}, full jitter (each delay drawn from zero to the step).
   */
  public Backoff backoff() {
    return Backoff.of(initialBackoff(), 2, maxBackoff(), 1);
  }

  @Value.Check
  void check() {
    if (maxAttempts() < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts());
    }
    requirePositive("initialBackoff", initialBackoff());
    requirePositive("maxBackoff", maxBackoff());
    requirePositive("totalTimeout", totalTimeout());
    if (maxRetryAfter().isNegative()) {
      throw new IllegalArgumentException("maxRetryAfter must not be negative, was " + maxRetryAfter());
    }
  }

  static void requirePositive(String field, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + d);
    }
  }

  /**
   * The constants, initialised apart from this class: the generated subclass needs this class
   * initialised first, so creating instances in its initialiser could deadlock two threads.
   */
  private static final class Constants {
    static final RetryPolicy DEFAULT = RetryPolicy.builder().build();
    static final RetryPolicy NONE = RetryPolicy.builder().maxAttempts(1).build();
  }
}
