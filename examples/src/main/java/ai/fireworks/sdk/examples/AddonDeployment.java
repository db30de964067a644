package ai.fireworks.sdk.examples;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.deployments.AddonValidationException;
import ai.fireworks.sdk.deployments.AddonsClient;
import ai.fireworks.sdk.deployments.DeployedModel;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.InferenceClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * PEFT (LoRA) addons: a deployment of a base model with addons enabled, an addon trained on that
 * base model loaded onto it and queried as {@code <ADDON_MODEL>#<DEPLOYMENT_NAME>}, and the error
 * the SDK raises, before changing anything, for an addon trained on a different base model.
 *
 * <p>Against the real service, name two of your own LoRA models with
 * {@code FIREWORKS_ADDON_MODEL} (trained on {@code llama-v3p2-3b-instruct}) and
 * {@code FIREWORKS_OTHER_ADDON_MODEL} (trained on another base model); the defaults are
 * {@code my-lora} and {@code qwen-sql-lora} in your account, which the emulator provides.
 */
public final class AddonDeployment {
  private AddonDeployment() {}

  public static void main(String[] args) {
    try (Examples.Connection connection = Examples.connect(System.getenv(), System.out)) {
      run(connection.client(), System.out, System.getenv());
    }
  }

  /** Runs with the addons named by {@code env} (see the class comment), or the defaults. */
  public static void run(FireworksClient fw, PrintStream out, Map<String, String> env) {
    String account = fw.requireAccountId().value();
    ModelName addon = ModelName.parse(env.getOrDefault("FIREWORKS_ADDON_MODEL", "my-lora"), fw.requireAccountId());
    ModelName other = ModelName.parse(env.getOrDefault("FIREWORKS_OTHER_ADDON_MODEL", "qwen-sql-lora"),
        fw.requireAccountId());
    out.println("Account " + account + ": addon " + addon + ", mismatched addon " + other);
    DeploymentsClient deployments = DeploymentsClient.of(fw);
    AddonsClient addons = AddonsClient.of(fw);

    Deployment base = deployments.create(ModelName.parse("llama-v3p2-3b-instruct"))
        .deploymentId(Examples.uniqueId("addons"))
        .enableAddons(true)
        .minReplicaCount(1)
        .maxReplicaCount(1)
        .submitAndWait(Examples.waitOptions(Duration.ofMinutes(30), out));
    out.println("Base deployment " + base.name() + " is " + base.state() + ", addons enabled: " + base.enableAddons());
    try {
      DeployedModel lora = addons.deploy(addon).to(base.name())
          .submitAndWait(Examples.waitOptions(Duration.ofMinutes(30), out));
      out.println("Addon " + lora.name() + " is " + lora.state());

      InferenceClient inference = InferenceClient.of(fw).withColdStart(Examples.coldStart(out));
      Completion c = inference.completions(lora.modelRef(), "Hello, support bot!");
      out.println("Queried " + lora.modelRef() + ": " + c.text().strip());

      try {
        addons.deploy(other).to(base.name()).submit();
        out.println("Unexpected: " + other + " was accepted");
      } catch (AddonValidationException e) {
        out.println("Refused " + other + " (" + e.reason() + "): " + e.getMessage());
      }

      addons.unload(lora.name());
      out.println("Unloaded " + lora.name());
    } finally {
      deployments.delete(base.name());
      out.println("Deleted " + base.name());
    }
  }
}
