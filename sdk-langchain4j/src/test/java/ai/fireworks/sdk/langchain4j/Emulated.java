package ai.fireworks.sdk.langchain4j;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.ColdStartPolicy;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * An emulator on the system clock with one warm deployment ({@link #WARM}, one replica) and one
 * scaled to zero ({@link #COLD}); a cold start there lasts two 503 answers. Close it after the tests.
 */
final class Emulated implements AutoCloseable {
  static final String LLAMA = "accounts/fireworks/models/llama-v3p2-3b-instruct";
  static final ModelRef WARM = ModelRef.parse(LLAMA + "#accounts/acme/deployments/warm");
  static final ModelRef COLD = ModelRef.parse(LLAMA + "#accounts/acme/deployments/cold");
  /** A second warm deployment, for requests that name another model than the default. */
  static final ModelRef OTHER = ModelRef.parse(LLAMA + "#accounts/acme/deployments/other");
  /** A deployment that does not exist. */
  static final ModelRef GONE = ModelRef.parse(LLAMA + "#accounts/acme/deployments/gone");
  /** Short waits, so that a cold start through the emulator takes milliseconds. */
  static final ColdStartPolicy QUICK = ColdStartPolicy.builder().initialBackoff(Duration.ofMillis(10))
      .maxBackoff(Duration.ofMillis(20)).budget(Duration.ofSeconds(30)).build();

  final FireworksEmulator emulator;
  final FireworksClient client;

  Emulated() {
    emulator = FireworksEmulator.builder().systemClock().creatingDelay(Duration.ZERO)
        .coldStart(Duration.ofHours(1)).coldStartAfterRequests(2).start();
    client = emulator.client();
    DeploymentsClient deployments = DeploymentsClient.of(client);
    deploy(deployments, "warm", 1, LLAMA);
    deploy(deployments, "cold", 0, LLAMA);
    deploy(deployments, "other", 1, LLAMA);
    deployments.scale(COLD.deployment().orElseThrow(), 0);
  }

  /** Deploys {@code model} (a full model name) as {@code id} with one replica; returns {@code model#deployment}. */
  ModelRef deploy(String id, String model) {
    deploy(DeploymentsClient.of(client), id, 1, model);
    return ModelRef.parse(model + "#accounts/acme/deployments/" + id);
  }

  private static void deploy(DeploymentsClient deployments, String id, int minReplicas, String model) {
    WaitOptions quick = WaitOptions.builder().initialInterval(Duration.ofMillis(5)).maxInterval(Duration.ofMillis(10))
        .timeout(Duration.ofSeconds(30)).build();
    Deployment unused = deployments.create(ModelName.parse(model)).deploymentId(id).minReplicaCount(minReplicas)
        .maxReplicaCount(1).submitAndWait(quick);
  }

  /** A chat model on {@code target} with short cold-start waits. */
  FireworksChatModel.Builder chat(ModelRef target) {
    return FireworksChatModel.builder().client(client).target(target).coldStartPolicy(QUICK);
  }

  /** A streaming chat model on {@code target} with short cold-start waits. */
  FireworksStreamingChatModel.Builder streaming(ModelRef target) {
    return FireworksStreamingChatModel.builder().client(client).target(target).coldStartPolicy(QUICK);
  }

  /** A chat model on a deployment that does not exist, failing at once. */
  FireworksChatModel failingChat(ChatModelListener listener) {
    return chat(GONE).coldStartPolicy(ColdStartPolicy.disabled()).listeners(List.of(listener)).build();
  }

  /** A streaming chat model on a deployment that does not exist, failing at once. */
  FireworksStreamingChatModel failingStreaming(ChatModelListener listener) {
    return streaming(GONE).coldStartPolicy(ColdStartPolicy.disabled()).listeners(List.of(listener)).build();
  }

  /** The body of the last chat completion request the emulator received. */
  com.fasterxml.jackson.databind.JsonNode lastChatBody() {
    var sent = emulator.journal().requests("POST", "/inference/v1/chat/completions");
    return sent.get(sent.size() - 1).bodyJson();
  }

  /** Polls {@code condition} for at most 10 s. */
  static void eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
  }

  @Override
  public void close() {
    client.close();
    emulator.close();
  }
}
