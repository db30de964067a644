package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import java.util.Objects;

/**
 * An addon cannot be loaded onto the chosen deployment, found by the checks
 * {@link DeployAddonRequest#submit()} makes before it sends anything that changes state: the
 * model is not a PEFT addon, its base model differs from the deployment's, the deployment does
 * not have addons enabled, the deployment is failed or deleted, or it hot-reloads its latest addon
 * and {@code replaceMergedAddon(true)} was not set. Only reads were sent; no
 * deployed model was created. The message says what is wrong and how to fix it. It is an
 * {@link IllegalArgumentException} because the caller's choice of addon and deployment is the
 * problem. Thread-safe.
 */
public class AddonValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Which check failed. */
  public enum Reason {
    /** The model's kind is not {@link ModelKind#HF_PEFT_ADDON}, or it has no base model. */
    NOT_A_PEFT_ADDON,
    /** The addon's {@code peftDetails.baseModel} differs from the deployment's {@code baseModel}. */
    BASE_MODEL_MISMATCH,
    /** The deployment does not have {@code enableAddons} set. */
    ADDONS_NOT_ENABLED,
    /** The deployment is {@code FAILED}, {@code DELETING} or {@code DELETED}. */
    DEPLOYMENT_NOT_USABLE,
    /**
     * The deployment has {@code enableHotReloadLatestAddon}, and the load did not set
     * {@code replaceMergedAddon=true}, which such a deployment requires.
     */
    REPLACE_MERGED_ADDON_REQUIRED
  }

  private final Reason reason;
  private final ModelName addon;
  private final DeploymentName deployment;

  /** Creates the exception. */
  public AddonValidationException(Reason reason, ModelName addon, DeploymentName deployment, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.addon = Objects.requireNonNull(addon, "addon");
    this.deployment = Objects.requireNonNull(deployment, "deployment");
  }

  /** Which check failed. */
  public Reason reason() {
    return reason;
  }

  /** The addon model that was to be loaded. */
  public ModelName addon() {
    return addon;
  }

  /** The deployment it was to be loaded onto. */
  public DeploymentName deployment() {
    return deployment;
  }
}
