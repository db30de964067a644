package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Per-call overrides of the client's defaults. Every field is optional; an absent field means
 * "use the client's setting". Build with {@code RequestOptions.builder()}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractRequestOptions {
  /** No overrides. */
  public static RequestOptions none() {
    return Constants.NONE;
  }

  /** Time limit for one attempt, from sending the request to the end of the response headers and body. */
  abstract Optional<Duration> timeout();

  /** Retry policy for this call. */
  abstract Optional<RetryPolicy> retryPolicy();

  /** Extra headers sent with this call; they override the client's default headers. */
  abstract Map<String, String> headers();

  /**
   * A key that makes a non-idempotent POST safe to retry: sent as {@code Idempotency-Key} and
   * reused on every attempt.
   */
  abstract Optional<String> idempotencyKey();

  /**
   * The constants, initialised apart from this class: the generated subclass needs this class
   * initialised first, so creating instances in its initialiser could deadlock two threads.
   */
  private static final class Constants {
    static final RequestOptions NONE = RequestOptions.builder().build();
  }
}
