package ai.fireworks.sdk.examples;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.InferenceClient;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The on-demand deployment quickstart in five steps: choose a model, create a deployment and wait
 * until it is READY, verify its state, query it through {@code <MODEL_NAME>#<DEPLOYMENT_NAME>},
 * and tear it down.
 *
 * <p>Run with {@code ./mvnw -q -pl examples -am package -DskipTests -DskipJavadoc=true exec:java}.
 * With {@code FIREWORKS_API_KEY} and {@code FIREWORKS_ACCOUNT_ID} set it uses the real service
 * (and creates a billed deployment for a minute or two); without them it starts the embedded
 * emulator and says so first.
 */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) {
    try (Examples.Connection connection = Examples.connect(System.getenv(), System.out)) {
      run(connection.client(), System.out);
    }
  }

  /** Runs the five steps with {@code fw}, reporting on {@code out}. */
  public static void run(FireworksClient fw, PrintStream out) {
    DeploymentsClient deployments = DeploymentsClient.of(fw);
    InferenceClient inference = InferenceClient.of(fw).withColdStart(Examples.coldStart(out));

    // 1. Choose a model: a Fireworks base model, by its full resource name.
    ModelName model = ModelName.parse("accounts/fireworks/models/llama-v3p2-3b-instruct");
    out.println("1. Model: " + model);

    // 2. Create a deployment and wait until it is READY (no polling loop of our own).
    Deployment deployment = deployments.create(model)
        .deploymentId(Examples.uniqueId("quickstart"))
        .minReplicaCount(0)
        .maxReplicaCount(1)
        .scaleToZeroWindow(Duration.ofMinutes(5))
        .submitAndWait(Examples.waitOptions(Duration.ofMinutes(30), out));
    out.println("2. Created " + deployment.name() + ", now " + deployment.state());

    try {
      // 3. Verify its state with a fresh read.
      Deployment current = deployments.get(deployment.name());
      out.println("3. State: " + current.state() + ", replicas " + current.replicaCount()
          + " (min " + current.minReplicaCount() + ", max " + current.maxReplicaCount() + ")");

      // 4. Query it: <MODEL_NAME>#<DEPLOYMENT_NAME> routes to this deployment only.
      ModelRef target = ModelRef.of(current.baseModel(), current.name());
      Completion completion = inference.completions(target, "Say this is a test");
      out.println("4. " + target + " answered: " + completion.text().strip());
    } finally {
      // 5. Tear it down, so it stops costing money.
      deployments.delete(deployment.name());
      out.println("5. Deleted " + deployment.name());
    }
  }
}
