package ai.fireworks.sdk.examples;

import ai.fireworks.sdk.core.Durations;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.deployments.AutoscalingPolicy;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.InferenceClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Horizontal autoscaling: a deployment that may run between zero and two replicas, with its
 * scale-up, scale-down and scale-to-zero windows, and then a request to it while it is scaled to
 * zero. Such a request is answered HTTP 503 {@code DEPLOYMENT_SCALING_UP} at once (it is not
 * queued); the inference client rides through the cold start under its own, longer budget and
 * reports each wait.
 */
public final class Autoscaling {
  private Autoscaling() {}

  public static void main(String[] args) {
    try (Examples.Connection connection = Examples.connect(System.getenv(), System.out)) {
      run(connection.client(), System.out);
    }
  }

  /** Creates an autoscaling deployment, scales it to zero, and queries it through the cold start. */
  public static void run(FireworksClient fw, PrintStream out) {
    DeploymentsClient deployments = DeploymentsClient.of(fw);
    Deployment deployment = deployments.create(ModelName.parse("llama-v3p2-3b-instruct"))
        .deploymentId(Examples.uniqueId("autoscaling"))
        .minReplicaCount(0)
        .maxReplicaCount(2)
        .scaleUpWindow(Duration.ofSeconds(30))
        .scaleDownWindow(Duration.ofMinutes(5))
        .scaleToZeroWindow(Duration.ofMinutes(5))
        .submitAndWait(Examples.waitOptions(Duration.ofMinutes(30), out));
    AutoscalingPolicy policy = deployment.autoscalingPolicy().orElseThrow();
    out.println("Deployment " + deployment.name() + " is " + deployment.state());
    out.println("  replicas: min " + deployment.minReplicaCount() + ", max " + deployment.maxReplicaCount());
    out.println("  windows: scale up " + policy.scaleUpWindow().map(Durations::formatGo).orElse("default")
        + ", scale down " + policy.scaleDownWindow().map(Durations::formatGo).orElse("default")
        + ", scale to zero " + policy.scaleToZeroWindow().map(Durations::formatGo).orElse("default"));
    try {
      // Idle for the scale-to-zero window would do this; scaling explicitly saves five minutes.
      deployments.scale(deployment.name(), 0);
      out.println("Scaled to zero: replicas " + deployments.get(deployment.name()).replicaCount());

      AtomicInteger waits = new AtomicInteger();
      InferenceClient inference = InferenceClient.of(fw).withColdStart(Examples.coldStart(out).withOnWait(w -> {
        waits.incrementAndGet();
        out.println("  cold start: " + w);
      }));
      ModelRef target = ModelRef.of(deployment.baseModel(), deployment.name());
      Completion c = inference.completions(target, "Why do deployments scale to zero?");
      out.println("Answered after " + waits.get() + " cold-start wait(s) (HTTP 503 DEPLOYMENT_SCALING_UP): "
          + c.text().strip());
      out.println("Replicas now: " + deployments.get(deployment.name()).replicaCount());
    } finally {
      deployments.delete(deployment.name());
      out.println("Deleted " + deployment.name());
    }
  }
}
