package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One attempt or one whole call, as seen by a {@link RequestListener}. Immutable. */
@Value.Immutable
@FireworksStyle
abstract class AbstractRequestEvent {
  /** HTTP method, such as {@code POST}. */
  abstract String method();

  /** Path and query relative to the base URL, such as {@code /v1/accounts/acme/deployments?pageSize=50}. */
  abstract String path();

  /** The attempt number (from 1); for a call, the number of attempts made. */
  abstract int attempt();

  /** The HTTP status, when a response arrived. */
  abstract OptionalInt statusCode();

  /** The server's request id, when a response carried one. */
  abstract Optional<String> requestId();

  /** Time taken by the attempt, or by the whole call including retry delays. */
  abstract Duration elapsed();

  /** The failure, when the attempt or call did not succeed. */
  abstract Optional<FireworksException> failure();

  /** True when the attempt or call succeeded. */
  public final boolean isSuccess() {
    return failure().isEmpty();
  }
}
