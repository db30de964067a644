package ai.fireworks.sdk.examples;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.CompletionRequest;
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

    // Start three creates at once; each future completes with the deployment as created (CREATING).
    List<CompletableFuture<Deployment>> created = new ArrayList<>();
    for (String model : models) {
      created.add(deployments.create(ModelName.parse(model))
          .deploymentId(Examples.uniqueId("fleet"))
          .minReplicaCount(1)
          .maxReplicaCount(1)
          .submitAsync());
    }
    try {
      // Chain a waiter onto each create; nothing blocks until join() below.
      List<CompletableFuture<Deployment>> ready = created.stream()
          .map(f -> f.thenCompose(d -> deployments.waitUntilReady(d.name(),
              Examples.waitOptions(Duration.ofMinutes(30), null))))
          .collect(Collectors.toList());
      CompletableFuture.allOf(ready.toArray(new CompletableFuture<?>[0])).join();
      List<Deployment> fleet = ready.stream().map(CompletableFuture::join).collect(Collectors.toList());
      fleet.forEach(d -> out.println("Ready: " + d.name() + " serving " + d.baseModel()));

      // Query all of them in parallel.
      List<CompletableFuture<String>> answers = new ArrayList<>();
      for (Deployment d : fleet) {
        ModelRef target = ModelRef.of(d.baseModel(), d.name());
        answers.add(inference.completeAsync(CompletionRequest.of(target, "Say hi"))
            .thenApply(Completion::text)
            .thenApply(text -> d.name().id() + " answered: " + text.strip()));
      }
      answers.forEach(a -> out.println(a.join()));
    } finally {
      // Delete every deployment whose create succeeded, also when something above failed.
      CompletableFuture.allOf(created.toArray(new CompletableFuture<?>[0])).exceptionally(e -> null).join();
      List<CompletableFuture<Void>> deletes = created.stream()
          .filter(f -> !f.isCompletedExceptionally())
          .map(f -> deployments.deleteAsync(f.join().name()))
          .collect(Collectors.toList());
      CompletableFuture.allOf(deletes.toArray(new CompletableFuture<?>[0])).join();
      out.println("Deleted " + deletes.size() + " deployments");
    }
  }
}
