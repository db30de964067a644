package ai.fireworks.sdk.examples.fwctl;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.deployments.AddonsClient;
import ai.fireworks.sdk.deployments.DeployAddonRequest;
import ai.fireworks.sdk.deployments.DeployedModel;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fwctl deploy <ADDON_MODEL> --deployment-id <ID> [--wait]}: loads a PEFT (LoRA) addon onto
 * a deployment of its base model. Before anything changes on the server the SDK reads the addon
 * and the deployment and refuses a mismatch (not an addon, different base model, addons not
 * enabled, a hot-reload deployment without {@code --replace-merged-addon}); such a refusal exits 1, like the server's own refusal would, since reads were sent.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = "Deploy a PEFT (LoRA) addon onto a deployment of its base model.")
final class DeployCommand extends FwctlCommand {
  @Parameters(index = "0", paramLabel = "ADDON_MODEL",
      description = "The addon: a model id in your account, or accounts/<a>/models/<id>.")
  String model;

  @Option(names = "--deployment-id", required = true, paramLabel = "ID|NAME",
      description = "The deployment to load it onto: an id in your account, or accounts/<a>/deployments/<id>.")
  String deploymentId;

  @Option(names = "--replace-merged-addon", description = "Replace the addon merged into the deployment; required by"
      + " deployments that hot-reload their latest addon (enableHotReloadLatestAddon).")
  boolean replaceMergedAddon;

  @Option(names = "--wait", description = "Wait until the addon is DEPLOYED, showing progress on stderr.")
  boolean await;

  @Option(names = "--wait-timeout", paramLabel = "DURATION", defaultValue = "30m",
      description = "Longest wait with --wait (default ${DEFAULT-VALUE}).")
  Duration waitTimeout;

  @Override
  int execute() {
    Fwctl root = root();
    ModelName addon = model.contains("/") ? ModelName.parse(model) : ModelName.parse(model, root.requireAccount());
    DeploymentName deployment = DeploymentCommands.deploymentName(root, deploymentId);
    Wait wait = Wait.of(root, await, waitTimeout);
    DeployAddonRequest request = AddonsClient.of(root.client()).deploy(addon).to(deployment);
    if (replaceMergedAddon) {
      request.replaceMergedAddon(true);
    }
    DeployedModel m = wait.submit(request::submit, request::submitAndWait);
    root.out().resource(m.name().toString(), m, () -> Formats.deployedModel(m));
    return Errors.OK;
  }
}
