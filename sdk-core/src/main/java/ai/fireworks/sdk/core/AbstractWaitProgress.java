package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.immutables.value.Value;

/**
 * One observation made while waiting, handed to {@link WaitOptions#onProgress()}. Its
 * {@code toString()} is a one-line summary such as {@code CREATING replicas 0/1 (42s)}. Immutable.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractWaitProgress {
  /** The resource as last read (a {@code Deployment} or {@code DeployedModel}). */
  abstract Object resource();

  /** A short description of the resource's state, such as {@code CREATING replicas 0/1}. */
  abstract String state();

  /** Number of polls so far, starting at 1. */
  abstract int attempt();

  /** Time since the wait began. */
  abstract Duration elapsed();

  @Override
  public String toString() {
    return state() + " (" + Durations.formatGo(elapsed().truncatedTo(ChronoUnit.SECONDS)) + ")";
  }
}
