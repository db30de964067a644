package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.Durations;
import ai.fireworks.sdk.core.ErrorDetails;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The deployment was still scaling up from zero when the {@link ColdStartPolicy#budget()} ran
 * out. A {@link DeploymentScalingUpException} with the last answer's status, code, message,
 * request id and headers (its cause is that answer), plus how long the call waited and how many
 * attempts it made. Immutable; thread-safe.
 */
public class ColdStartTimeoutException extends DeploymentScalingUpException {
  private static final long serialVersionUID = 1L;

  private final Duration waited;
  private final int attempts;

  /** Wraps the last {@code DEPLOYMENT_SCALING_UP} answer of a call that gave up. */
  public ColdStartTimeoutException(DeploymentScalingUpException last, Duration waited, int attempts) {
    super(ErrorDetails.builder().statusCode(last.statusCode()).errorCode(last.errorCode())
        .message(last.errorMessage()).requestId(last.requestId()).headers(last.headers())
        .body(last.body() == null ? "" : last.body()).retryAfter(last.retryAfter()).details(last.details()).build());
    this.waited = waited;
    this.attempts = attempts;
    initCause(last);
  }

  /** How long the call kept retrying. */
  public Duration waited() {
    return waited;
  }

  /** Attempts made, including the first. */
  public int attempts() {
    return attempts;
  }

  @Override
  public String getMessage() {
    return super.getMessage() + "; still scaling up after waiting "
        + Durations.formatGo(waited.truncatedTo(ChronoUnit.SECONDS)) + " over " + attempts
        + " attempts (raise ColdStartPolicy.budget to wait longer)";
  }
}
