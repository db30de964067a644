package ai.fireworks.sdk.spring;

import java.time.Duration;

/**
 * {@code fireworks.cold-start.*}: how inference rides out a deployment scaling up from zero (see
 * {@code ai.fireworks.sdk.inference.ColdStartPolicy}). Defaults are the SDK's. Mutable while Spring
 * binds it; not thread-safe.
 */
public class FireworksColdStartProperties {
  /** Longest total time a call keeps retrying a cold start; 0 fails at once with DeploymentScalingUpException. */
  private Duration budget = Duration.ofMinutes(10);

  /** Upper bound of the first wait. */
  private Duration initialBackoff = Duration.ofSeconds(5);

  /** Upper bound of any wait. */
  private Duration maxBackoff = Duration.ofSeconds(30);

  /** How long transient 404/425 answers of a just-ready deployment are retried; 0 disables. */
  private Duration notFoundWindow = Duration.ofSeconds(60);

  /**
   * Returns: longest total time a call keeps retrying a cold start; 0 fails at once with
   * DeploymentScalingUpException.
   */
  public Duration getBudget() {
    return budget;
  }

  /** Sets: longest total time a call keeps retrying a cold start; 0 fails at once with DeploymentScalingUpException. */
  public void setBudget(Duration budget) {
    this.budget = budget;
  }

  /** Returns: upper bound of the first wait. */
  public Duration getInitialBackoff() {
    return initialBackoff;
  }

  /** Sets: upper bound of the first wait. */
  public void setInitialBackoff(Duration initialBackoff) {
    this.initialBackoff = initialBackoff;
  }

  /** Returns: upper bound of any wait. */
  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  /** Sets: upper bound of any wait. */
  public void setMaxBackoff(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
  }

  /** Returns: how long transient 404/425 answers of a just-ready deployment are retried; 0 disables. */
  public Duration getNotFoundWindow() {
    return notFoundWindow;
  }

  /** Sets: how long transient 404/425 answers of a just-ready deployment are retried; 0 disables. */
  public void setNotFoundWindow(Duration notFoundWindow) {
    this.notFoundWindow = notFoundWindow;
  }
}
