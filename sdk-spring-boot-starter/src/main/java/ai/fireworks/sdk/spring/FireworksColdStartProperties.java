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

  public Duration getBudget() {
    return budget;
  }

  public void setBudget(Duration budget) {
    this.budget = budget;
  }

  public Duration getInitialBackoff() {
    return initialBackoff;
  }

  public void setInitialBackoff(Duration initialBackoff) {
    this.initialBackoff = initialBackoff;
  }

  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  public void setMaxBackoff(Duration maxBackoff) {
    this.maxBackoff = maxBackoff;
  }

  public Duration getNotFoundWindow() {
    return notFoundWindow;
  }

  public void setNotFoundWindow(Duration notFoundWindow) {
    this.notFoundWindow = notFoundWindow;
  }
}
