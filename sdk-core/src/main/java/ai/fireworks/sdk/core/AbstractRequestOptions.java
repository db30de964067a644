package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import ai.fireworks.sdk.core.internal.Redaction;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Per-call overrides of the client's defaults. Every field is optional; an absent field means
 * "use the client's setting". Build with {@code RequestOptions.builder()}. {@link #toString()} masks
 * the value of every header whose name suggests a credential ({@code X-Api-Key},
 * {@code Proxy-Authorization}, anything with "key", "token", "secret", "auth"...). Immutable; thread-safe.
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

  /**
   * Extra headers sent with this call; they override the client's default headers. Values stay
   * readable here; {@link #toString()} masks those of credential-like names.
   */
  abstract Map<String, String> headers();

  /**
   * Extra query parameters sent with this call, as given: an escape hatch for parameters newer than
   * the SDK. A name the SDK also sends (such as {@code validateOnly}) takes this value.
   */
  abstract Map<String, String> queryParams();

  /**
   * A key that makes a non-idempotent POST safe to retry: sent as {@code Idempotency-Key} and
   * reused on every attempt.
   */
  abstract Optional<String> idempotencyKey();

  /** The options set, with credential-like header values masked. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("RequestOptions{");
    timeout().ifPresent(t -> b.append("timeout=").append(t).append(", "));
    retryPolicy().ifPresent(p -> b.append("retryPolicy=").append(p).append(", "));
    if (!headers().isEmpty()) {
      b.append("headers=").append(Redaction.mask(headers())).append(", ");
    }
    if (!queryParams().isEmpty()) {
      b.append("queryParams=").append(Redaction.mask(queryParams())).append(", ");
    }
    idempotencyKey().ifPresent(k -> b.append("idempotencyKey=").append(k).append(", "));
    if (b.charAt(b.length() - 1) == ' ') {
      b.setLength(b.length() - 2);
    }
    return b.append('}').toString();
  }

  /**
   * The constants, initialised apart from this class: the generated subclass needs this class
   * initialised first, so creating instances in its initialiser could deadlock two threads.
   */
  private static final class Constants {
    static final RequestOptions NONE = RequestOptions.builder().build();
  }
}
