package ai.fireworks.sdk.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A wait ran out of time before the resource reached the awaited state. The resource itself keeps
 * going: nothing was cancelled on the server. Carries the last value observed. Thread-safe.
 */
public class WaiterTimeoutException extends FireworksException {
  private static final long serialVersionUID = 1L;

  private final transient Object lastSeen;
  private final int attempts;
  private final Duration elapsed;

  /** Creates the exception. */
  public WaiterTimeoutException(String message, Object lastSeen, int attempts, Duration elapsed) {
    super(message);
    this.lastSeen = lastSeen;
    this.attempts = attempts;
    this.elapsed = elapsed;
  }

  /** The last resource observed before the deadline, if any poll succeeded. */
  public Optional<Object> lastSeen() {
    return Optional.ofNullable(lastSeen);
  }

  /** How many polls were made. */
  public int attempts() {
    return attempts;
  }

  /** How long the wait lasted. */
  public Duration elapsed() {
    return elapsed;
  }
}
