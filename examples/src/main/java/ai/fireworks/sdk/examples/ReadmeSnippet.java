package ai.fireworks.sdk.examples;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.deployments.AcceleratorType;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.InferenceClient;
import java.time.Duration;

/**
 * The usage example of the README, kept here so the build compiles it (it is not run: it creates a
 * billed deployment). {@link Quickstart} is the runnable version.
 */
final class ReadmeSnippet {
  private ReadmeSnippet() {}

  static void readme() {
    FireworksClient fw = FireworksClient.fromEnv();   // FIREWORKS_API_KEY, FIREWORKS_ACCOUNT_ID, FIREWORKS_BASE_URL,
                                                      // FIREWORKS_CUSTOM_HEADERS ("Name: value" per line)
    DeploymentsClient deployments = DeploymentsClient.of(fw);
    InferenceClient inference = InferenceClient.of(fw);

    Deployment deployment = deployments.create(ModelName.parse("accounts/fireworks/models/llama-v3p2-3b-instruct"))
        .deploymentId("my-llama")
        .minReplicaCount(0).maxReplicaCount(1)
        .scaleToZeroWindow(Duration.ofMinutes(5))        // sent as "300s"; below 5m is refused before sending
        .acceleratorType(AcceleratorType.NVIDIA_H100_80GB).acceleratorCount(1)
        .submitAndWait(WaitOptions.builder().timeout(Duration.ofMinutes(30)).onProgress(System.err::println).build());

    ModelRef target = ModelRef.of(deployment.baseModel(), deployment.name());   // model#deployment
    Completion c = inference.completions(target, "Say this is a test");         // rides out cold starts
    System.out.println(c.text());

    deployments.delete(deployment.name());
  }
}
