package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.Durations;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.immutables.value.Value;

/**
 * One wait of a call riding out a cold start, handed to {@link ColdStartPolicy#onWait()}: which
 * model, why (the error that caused it), how many attempts were made, how long the call has
 * waited and how long the next wait is. {@link #toString()} is a one-line summary. Immutable.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractColdStartWait {
  /** The model being queried. */
  abstract ModelRef model();

  /** The answer that caused the wait: a {@link ai.fireworks.sdk.core.DeploymentScalingUpException}, or a transient 404/425. */
  abstract ApiException cause();

  /** Attempts made so far, starting at 1. */
  abstract int attempt();

  /** Time since the call began. */
  abstract Duration elapsed();

  /** The wait before the next attempt. */
  abstract Duration nextDelay();

  /** The policy's budget for the whole call. */
  abstract Duration budget();

  /** True if the deployment is scaling up from zero; false if it is not routable yet (404/425). */
  public boolean isScalingUp() {
    return cause() instanceof DeploymentScalingUpException;
  }

  @Override
  public String toString() {
    return model() + (isScalingUp() ? " is scaling up from zero" : " is not routable yet (HTTP " + cause().statusCode() + ")")
        + "; attempt " + (attempt() + 1) + " in " + Durations.formatGo(Duration.ofMillis(nextDelay().toMillis()))
        + ", waited " + Durations.formatGo(elapsed().truncatedTo(ChronoUnit.SECONDS)) + " of "
        + Durations.formatGo(budget());
  }
}
