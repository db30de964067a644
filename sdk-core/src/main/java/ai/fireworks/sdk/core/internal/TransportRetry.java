package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When the transport tries a request again: a transient failure ({@link Transient}), of a request
 * safe to repeat, within {@link RetryPolicy#maxAttempts()}. The server's {@code x-should-retry}
 * header overrides the status rule: {@code false} never retries, {@code true} retries any status
 * of a request safe to repeat; failures the request hands to its caller's own loop
 * ({@link ApiRequest#notRetriedOn}, such as cold starts) stay unretried whatever the header says.
 * It waits for the server's {@code Retry-After} (up to {@link RetryPolicy#maxRetryAfter()},
 * beyond which it gives up) or else the policy's {@link RetryPolicy#backoff()}. The
 * {@link RetryLoop} keeps every wait inside the total deadline. Immutable; thread-safe.
 *
 * @param <R> the attempt's result
 */
final class TransportRetry<R> implements RetryLoop.Decider<R> {
  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk.http");

  private final ApiRequest request;
  private final RetryPolicy policy;
  private final boolean repeatable;

  TransportRetry(ApiRequest request, RetryPolicy policy, boolean repeatable) {
    this.request = request;
    this.policy = policy;
    this.repeatable = repeatable;
  }

  @Override
  public RetryLoop.Next<R> decide(RetryLoop.Outcome<R> o) {
    Throwable cause = o.error();
    if (cause == null) {
      return RetryLoop.Next.done(o.value());
    }
    if (o.attempt() >= policy.maxAttempts() || !request.mayRetry(cause) || !retryable(cause)) {
      return RetryLoop.Next.fail(cause);
    }
    Optional<Duration> hint = cause instanceof ApiException ? ((ApiException) cause).retryAfter() : Optional.empty();
    if (hint.isPresent() && hint.get().compareTo(policy.maxRetryAfter()) > 0) {
      return RetryLoop.Next.fail(cause);
    }
    return RetryLoop.Next.retryIn(hint.orElseGet(() -> policy.backoff().delay(o.attempt())));
  }

  /** {@link Transient#mayRetry}, unless the server's {@code x-should-retry} says {@code true} or {@code false}. */
  private boolean retryable(Throwable cause) {
    List<String> header = cause instanceof ApiException
        ? ((ApiException) cause).headers().getOrDefault("x-should-retry", List.of()) : List.of();
    String advice = header.isEmpty() ? "" : header.get(0).strip();
    if (advice.equalsIgnoreCase("false")) {
      return false;
    }
    return (advice.equalsIgnoreCase("true") && repeatable) || Transient.mayRetry(cause, repeatable);
  }

  @Override
  public void onRetry(RetryLoop.Outcome<R> o, Duration delay) {
    LOG.log(System.Logger.Level.DEBUG, () -> "retrying " + request + " in " + delay.toMillis() + " ms (attempt "
        + (o.attempt() + 1) + " of " + policy.maxAttempts() + ") after: " + o.error().getMessage());
  }
}
