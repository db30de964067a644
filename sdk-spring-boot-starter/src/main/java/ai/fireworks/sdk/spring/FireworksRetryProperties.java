package ai.fireworks.sdk.spring;

import java.time.Duration;

/**
 * {@code fireworks.retry.*}: the client's retry policy (see {@code ai.fireworks.sdk.core.RetryPolicy}).
 * Defaults are the SDK's. Mutable while Spring binds it; not thread-safe.
 */
public class FireworksRetryProperties {
  /** Total attempts including the first; 1 disables retries. */
  private int maxAttempts = 3;

  /** Upper bound of the first retry delay (delays double, with full jitter). */
  private Duration initialBackoff = Duration.ofMillis(500);

  /** Upper bound of any computed retry delay. */
  private Duration maxBackoff = Duration.ofSeconds(8);

  /** Longest server-requested wait (Retry-After) honoured; longer hints end the retries. */
  private Duration maxRetryAfter = Duration.ofSeconds(60);

  /** Deadline for a whole call including its retries. */
  private Duration totalTimeout = Duration.ofMinutes(2);

  /** Returns: total attempts including the first; 1 disables retries. */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  /** Sets: total attempts including the first; 1 disables retries. */
  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  /** Returns: upper bound of the first retry delay (delays double, with full jitter). */
  public Duration getInitialBackoff() {
    return initialBackoff;
  }

  /** Sets: upper bound of the first retry delay (delays double, with full jitter). */
  public void setInitialBackoff(Duration initialBackoff) {
    this.initialBackoff = initialBackoff;
  }

  /** Returns: upper bound of any computed retry delay. */
  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  /** Sets: upper bound of any computed retry delay. */
  public void setMaxBackoff(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
  }

  /** Returns: longest server-requested wait (Retry-After) honoured; longer hints end the retries. */
  public Duration getMaxRetryAfter() {
    return maxRetryAfter;
  }

  /** Sets: longest server-requested wait (Retry-After) honoured; longer hints end the retries. */
  public void setMaxRetryAfter(Duration maxRetryAfter) {
    this.maxRetryAfter = maxRetryAfter;
  }

  /** Returns: deadline for a whole call including its retries. */
  public Duration getTotalTimeout() {
    return totalTimeout;
  }

  /** Sets: deadline for a whole call including its retries. */
  public void setTotalTimeout(Duration totalTimeout) {
    this.totalTimeout = totalTimeout;
  }
}
