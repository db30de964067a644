package ai.fireworks.sdk.spring;

/** What a failed startup check of a declared deployment does. */
public enum DeploymentsOnStartupFailure {
  /** Stops startup with a {@link DeploymentStartupException} naming the deployment and the cause. */
  FAIL,
  /** Logs the failure as a warning and lets the application start. */
  WARN
}
