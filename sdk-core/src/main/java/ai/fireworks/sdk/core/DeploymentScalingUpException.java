package ai.fireworks.sdk.core;

/** HTTP 503 with code {@code DEPLOYMENT_SCALING_UP}: the deployment is scaled to zero and is starting a replica; requests are not queued, so retry after a while. Immutable; thread-safe. */
public class DeploymentScalingUpException extends ServerException {
  private static final long serialVersionUID = 1L;

  /** The error code the server sends while a deployment scales up from zero. */
  public static final String CODE = "DEPLOYMENT_SCALING_UP";

  /** Creates the exception from decoded error details. */
  public DeploymentScalingUpException(ErrorDetails details) {
    super(details);
  }
}
