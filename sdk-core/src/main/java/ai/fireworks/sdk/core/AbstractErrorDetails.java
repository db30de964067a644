package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** What the SDK decoded from an error response; the input of {@link ApiException#create}. Immutable. */
@Value.Immutable
@FireworksStyle
abstract class AbstractErrorDetails {
  /** The HTTP status. */
  abstract int statusCode();

  /** The server's error code, such as {@code NOT_FOUND}. */
  abstract Optional<String> errorCode();

  /** The server's message, or an excerpt of the body. */
  abstract String message();

  /** The request id, if a header carried one. */
  abstract Optional<String> requestId();

  /** Response headers, names in lower case. */
  abstract Map<String, List<String>> headers();

  /** The raw body as text (possibly empty). */
  @Value.Default
  String body() {
    return "";
  }

  /** The entries of a google.rpc {@code details} array, in order; empty when the body had none. */
  abstract List<ErrorDetail> details();

  /** The server's retry hint. */
  abstract Optional<Duration> retryAfter();
}
