package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.time.Duration;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * How long and how often to wait for a resource to reach a state. Polls begin about
 * {@link #initialInterval()} apart and back off, with jitter, to {@link #maxInterval()}; the wait
 * fails with {@link WaiterTimeoutException} after {@link #timeout()}. Build with
 * {@code WaitOptions.builder()}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractWaitOptions {
  /** The defaults: 1 hour (like {@code firectl --wait}), polls from 1 s up to 15 s, no progress callback. */
  public static WaitOptions defaults() {
    return Constants.DEFAULT;
  }

  /** Wall-clock limit of the whole wait; default 1 hour. */
  @Value.Default
  Duration timeout() {
    return Duration.ofHours(1);
  }

  /** Delay before the second poll; default 1 s. */
  @Value.Default
  Duration initialInterval() {
    return Duration.ofSeconds(1);
  }

  /** Longest delay between polls; default 15 s. */
  @Value.Default
  Duration maxInterval() {
    return Duration.ofSeconds(15);
  }

  /** Called after every poll with what was seen, on the client's executor (never an I/O thread); default does nothing. */
  @Value.Default
  @Value.Auxiliary
  Consumer<? super WaitProgress> onProgress() {
    return p -> { };
  }

  /**
   * The delays between polls as one {@link Backoff}: growing by half each poll from
   * {@link #initialInterval()} to {@link #maxInterval()}, each drawn from 80% to 100% of the step.
   */
  public Backoff backoff() {
    return Backoff.of(initialInterval(), 1.5, maxInterval(), 0.2);
  }

  @Value.Check
  void check() {
    AbstractRetryPolicy.requirePositive("timeout", timeout());
    AbstractRetryPolicy.requirePositive("initialInterval", initialInterval());
    if (maxInterval().compareTo(initialInterval()) < 0) {
      throw new IllegalArgumentException("maxInterval must be at least initialInterval (" + initialInterval()
          + "), was " + maxInterval());
    }
  }

  /**
   * The constants, initialised apart from this class: the generated subclass needs this class
   * initialised first, so creating instances in its initialiser could deadlock two threads.
   */
  private static final class Constants {
    static final WaitOptions DEFAULT = WaitOptions.builder().build();
  }
}
