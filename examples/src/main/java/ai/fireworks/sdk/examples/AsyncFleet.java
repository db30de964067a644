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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * A small fleet managed with futures: three deployments created at once, each awaited with the
 * futures-based waiter, all queried in parallel, then all deleted. No thread blocks until the
 * end, where {@link CompletableFuture#join()} collects the results.
 */
public final class AsyncFleet {
  private AsyncFleet() {}

  public static void main(String[] args) {
    try (Examples.Connection connection = Examples.connect(System.getenv(), System.out)) {
      run(connection.client(), System.out);
    }
  }

  /** Creates, awaits, queries and deletes three deployments concurrently. */
  public static void run(FireworksClient fw, PrintStream out) {
    DeploymentsClient deployments = DeploymentsClient.of(fw);
    InferenceClient inference = InferenceClient.of(fw).withColdStart(Examples.coldStart(out));
    List<String> models = List.of("llama-v3p2-3b-instruct", "llama-v3p1-8b-instruct", "qwen2p5-7b-instruct");

    List<CompletableFuture<Deployment>> ready = new ArrayList<>();
    for (String model : models) {
      ready.add(deployments.create(ModelName.parse(model))
          .deploymentId(Examples.uniqueId("fleet"))
          .minReplicaCount(1)
          .maxReplicaCount(1)
          .submitAsync()
          .thenCompose(created -> deployments.waitUntilReady(created.name(),
              Examples.waitOptions(Duration.ofMinutes(30), null))));
    }
    CompletableFuture.allOf(ready.toArray(new CompletableFuture<?>[0])).join();
    List<Deployment> fleet = ready.stream().map(CompletableFuture::join).collect(Collectors.toList());
    fleet.forEach(d -> out.println("Ready: " + d.name() + " serving " + d.baseModel()));
    try {
      List<CompletableFuture<String>> answers = new ArrayList<>();
      for (Deployment d : fleet) {
        ModelRef target = ModelRef.of(d.baseModel(), d.name());
        answers.add(inference.completeAsync(ai.fireworks.sdk.inference.CompletionRequest.of(target, "Say hi"))
            .thenApply(Completion::text)
            .thenApply(text -> d.name().id() + " answered: " + text.strip()));
      }
      answers.forEach(a -> out.println(a.join()));
    } finally {
      CompletableFuture.allOf(fleet.stream().map(d -> deployments.deleteAsync(d.name()))
          .toArray(CompletableFuture<?>[]::new)).join();
      out.println("Deleted " + fleet.size() + " deployments");
    }
  }
}
