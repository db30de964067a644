package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.deployments.AddonValidationException.Reason;
import java.util.Set;

/**
 * The rules an addon and its target deployment must meet before the addon is loaded, checked on
 * resources already read. Each failure says what is wrong, with which values, and how to fix it.
 * Stateless; thread-safe.
 */
final class AddonChecks {
  private static final Set<DeploymentState> UNUSABLE =
      Set.of(DeploymentState.FAILED, DeploymentState.DELETING, DeploymentState.DELETED);

  private AddonChecks() {}

  /**
   * Checks that {@code addon} is a PEFT addon with a known base model.
   *
   * @return the addon's base model
   * @throws AddonValidationException if it is not
   */
  static ModelName requirePeftAddon(Model addon, DeploymentName target) {
    if (!addon.isPeftAddon()) {
      throw new AddonValidationException(Reason.NOT_A_PEFT_ADDON, addon.name(), target, "model " + addon.name()
          + " cannot be deployed as an addon: its kind is " + addon.kind() + ", but only " + ModelKind.HF_PEFT_ADDON
          + " (LoRA) models can be loaded onto a deployment. To serve a base model, create a deployment of it instead.");
    }
    return addon.peftDetails().map(PeftDetails::baseModel).orElseThrow(() -> new AddonValidationException(
        Reason.NOT_A_PEFT_ADDON, addon.name(), target, "addon " + addon.name() + " is a " + addon.kind()
            + " model but reports no peftDetails.baseModel, so its base model cannot be checked against deployment "
            + target + ". Call skipValidation() to load it anyway."));
  }

  /**
   * Checks that {@code deployment} can serve an addon trained on {@code baseModel}, loaded with
   * {@code replaceMergedAddon} as given (null when not set).
   *
   * @throws AddonValidationException if it cannot
   */
  static void requireCompatible(ModelName addon, ModelName baseModel, Deployment deployment,
      Boolean replaceMergedAddon) {
    DeploymentName target = deployment.name();
    if (!baseModel.equals(deployment.baseModel())) {
      throw new AddonValidationException(Reason.BASE_MODEL_MISMATCH, addon, target,
          "The base model of the deployment must match the base model of the addon: deployment " + target
              + " serves " + deployment.baseModel() + ", but addon " + addon + " is based on " + baseModel
              + ". Load the addon onto a deployment of " + baseModel + ".");
    }
    if (UNUSABLE.contains(deployment.state())) {
      String status = deployment.status().map(s -> " (" + s + ")").orElse("");
      String fix = deployment.state().equals(DeploymentState.FAILED)
          ? "create a new deployment of " + baseModel + " with enableAddons(true)"
          : "undelete it, or create a new deployment of " + baseModel + " with enableAddons(true)";
      throw new AddonValidationException(Reason.DEPLOYMENT_NOT_USABLE, addon, target, "deployment " + target
          + " is " + deployment.state() + status + " and cannot load addon " + addon + "; " + fix + ".");
    }
    if (!deployment.enableAddons()) {
      throw new AddonValidationException(Reason.ADDONS_NOT_ENABLED, addon, target, "deployment " + target
          + " does not have addons enabled (enableAddons is false), so addon " + addon + " cannot be loaded onto it."
          + " Update the deployment with enableAddons(true) (DeploymentsClient.update(name).enableAddons(true)),"
          + " or run `fwctl update deployment " + target.id() + " --enable-addons`, then deploy the addon again.");
    }
    if (deployment.enableHotReloadLatestAddon().orElse(false) && !Boolean.TRUE.equals(replaceMergedAddon)) {
      throw new AddonValidationException(Reason.REPLACE_MERGED_ADDON_REQUIRED, addon, target, "deployment " + target
          + " has enableHotReloadLatestAddon=true, so loading addon " + addon + " requires replaceMergedAddon=true"
          + " (was " + (replaceMergedAddon == null ? "not set" : replaceMergedAddon) + "): the new addon replaces the"
          + " one merged into the base model. Call replaceMergedAddon(true) on the request (fwctl: deploy"
          + " --replace-merged-addon) and deploy again.");
    }
  }
}
