package ai.fireworks.sdk.spring;

/** What the starter does with the declared deployments ({@code fireworks.deployments.*}) at startup. */
public enum DeploymentsOnStartup {
  /** Nothing; no request is sent. */
  NONE,
  /**
   * Reads each deployment and logs its state and any drift from its declaration; a missing or failed one
   * is a failure.
   */
  VERIFY,
  /** Logs the plan {@code DeploymentsClient.plan(spec)} computes for each; changes nothing. */
  PLAN,
  /** Applies each declaration ({@code DeploymentsClient.apply(spec)}): create, update in place or leave as is. */
  APPLY,
  /**
   * Applies each declaration and waits until all are READY, logging progress, within {@code
   * fireworks.deployments-wait-timeout}.
   */
  APPLY_AND_WAIT
}
