package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.RetryPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * When the transport tries a request again: a transient failure ({@link Transient}), of a request
 * safe to repeat, within {@link RetryPolicy#maxAttempts()}; after the server's {@code Retry-After}
 * (up to {@link RetryPolicy#maxRetryAfter()}, beyond which it gives up) or else the policy's
 * {@link RetryPolicy#backoff()}. The {@link RetryLoop} keeps every wait inside the total deadline.
 * Immutable; thread-safe.
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
    if (o.attempt() >= policy.maxAttempts() || !request.mayRetry(cause) || !Transient.mayRetry(cause, repeatable)) {
      return RetryLoop.Next.fail(cause);
    }
    Optional<Duration> hint = cause instanceof ApiException ? ((ApiException) cause).retryAfter() : Optional.empty();
    if (hint.isPresent() && hint.get().compareTo(policy.maxRetryAfter()) > 0) {
      return RetryLoop.Next.fail(cause);
    }
    return RetryLoop.Next.retryIn(hint.orElseGet(() -> policy.backoff().delay(o.attempt())));
  }

  @Override
  public void onRetry(RetryLoop.Outcome<R> o, Duration delay) {
    LOG.log(System.Logger.Level.DEBUG, () -> "retrying " + request + " in " + delay.toMillis() + " ms (attempt "
        + (o.attempt() + 1) + " of " + policy.maxAttempts() + ") after: " + o.error().getMessage());
  }
}
