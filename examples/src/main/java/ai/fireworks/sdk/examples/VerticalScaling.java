package ai.fireworks.sdk.examples;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.deployments.AcceleratorType;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Vertical scaling: choose the accelerator type and count per replica when creating a deployment,
 * then give each replica more accelerators and turn long-prompt tuning on and off with updates.
 * An update sends only the fields it changes, with an update mask; the deployment goes through
 * UPDATING back to READY. (The accelerator type is chosen at creation; to move to another type,
 * create a new deployment.)
 */
public final class VerticalScaling {
  private VerticalScaling() {}

  public static void main(String[] args) {
    try (Examples.Connection connection = Examples.connect(System.getenv(), System.out)) {
      run(connection.client(), System.out);
    }
  }

  /** Creates a one-H100 deployment, grows it to two with long-prompt tuning, then turns the tuning off. */
  public static void run(FireworksClient fw, PrintStream out) {
    DeploymentsClient deployments = DeploymentsClient.of(fw);
    Duration timeout = Duration.ofMinutes(30);
    Deployment d = deployments.create(ModelName.parse("llama-v3p1-8b-instruct"))
        .deploymentId(Examples.uniqueId("vertical"))
        .acceleratorType(AcceleratorType.NVIDIA_H100_80GB)
        .acceleratorCount(1)
        .longPrompt(false)
        .minReplicaCount(0)
        .maxReplicaCount(1)
        .submitAndWait(Examples.waitOptions(timeout, out));
    print(out, "Created", d);
    try {
      d = deployments.update(d.name())
          .acceleratorCount(2)
          .longPrompt(true)
          .submitAndWait(Examples.waitOptions(timeout, out));
      print(out, "Scaled up", d);

      d = deployments.update(d.name())
          .longPrompt(false)
          .submitAndWait(Examples.waitOptions(timeout, out));
      print(out, "Long prompt off", d);
    } finally {
      deployments.delete(d.name());
      out.println("Deleted " + d.name());
    }
  }

  private static void print(PrintStream out, String what, Deployment d) {
    out.println(what + ": " + d.name().id() + " " + d.state() + ", " + d.acceleratorCount().orElse(0) + " x "
        + d.acceleratorType().map(Object::toString).orElse("default accelerator") + " per replica, long prompt "
        + (d.longPrompt() ? "on" : "off"));
  }
}
