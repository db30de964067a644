package ai.fireworks.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs every example against the emulator and checks what it printed. */
class ExamplesTest {
  private static Duration savedInterval;
  private FireworksEmulator emulator;
  private FireworksClient client;

  @BeforeAll
  static void fastPolls() {
    savedInterval = Examples.pollInterval;
    Examples.pollInterval = Duration.ofMillis(5);
  }

  @AfterAll
  static void restorePolls() {
    Examples.pollInterval = savedInterval;
  }

  @BeforeEach
  void start() {
    emulator = FireworksEmulator.builder()
        .systemClock()
        .creatingDelay(Duration.ofMillis(20))
        .updatingDelay(Duration.ofMillis(20))
        .addonLoadDelay(Duration.ofMillis(20))
        .coldStart(Duration.ofHours(1))
        .coldStartAfterRequests(2)
        .start();
    client = emulator.client();
  }

  @AfterEach
  void stop() {
    client.close();
    emulator.close();
  }

  private List<String> run(BiConsumer<FireworksClient, PrintStream> example) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      example.accept(client, out);
    }
    return bytes.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
  }

  /** The lines that are not progress reports. */
  private static List<String> steps(List<String> lines) {
    return lines.stream().filter(l -> !l.startsWith("   ... ")).collect(Collectors.toList());
  }

  private void assertNoDeploymentLeft() {
    assertTrue(emulator.journal().requests("DELETE", "/v1/accounts/acme/deployments/").size() > 0);
    long live = emulator.journal().requests("POST", "/v1/accounts/acme/deployments").stream()
        .filter(r -> r.status() == 200)
        .map(r -> r.queryParameter("deploymentId").orElseThrow())
        .filter(id -> emulator.deployment(id).map(d -> !d.path("state").asText().equals("DELETED")).orElse(false))
        .count();
    assertEquals(0, live, "every deployment an example creates is deleted");
  }

  @Test
  void quickstartRunsTheFiveStepsInOrder() {
    List<String> lines = steps(run(Quickstart::run));

    assertEquals(5, lines.size(), lines::toString);
    assertEquals("1. Model: accounts/fireworks/models/llama-v3p2-3b-instruct", lines.get(0));
    assertTrue(lines.get(1).matches("2\\. Created accounts/acme/deployments/quickstart-[a-z0-9]{6}, now READY"),
        lines.get(1));
    assertTrue(lines.get(2).startsWith("3. State: READY, replicas 1"), lines.get(2));
    assertTrue(lines.get(3).matches("4\\. accounts/fireworks/models/llama-v3p2-3b-instruct#accounts/acme/deployments/"
        + "quickstart-[a-z0-9]{6} answered: \\[llama-v3p2-3b-instruct] Say this is a test"), lines.get(3));
    assertTrue(lines.get(4).startsWith("5. Deleted accounts/acme/deployments/quickstart-"), lines.get(4));
    assertNoDeploymentLeft();
  }

  @Test
  void autoscalingRidesThroughAColdStart() {
    List<String> all = run(Autoscaling::run);
    List<String> lines = steps(all);

    assertTrue(lines.get(0).matches("Deployment accounts/acme/deployments/autoscaling-[a-z0-9]{6} is READY"), lines.get(0));
    assertEquals("  replicas: min 0, max 2", lines.get(1));
    assertEquals("  windows: scale up 30s, scale down 5m0s, scale to zero 5m0s", lines.get(2));
    assertEquals("Scaled to zero: replicas 0", lines.get(3));
    assertTrue(all.stream().anyMatch(l -> l.contains("cold start:") && l.contains("is scaling up from zero")),
        all::toString);
    assertTrue(lines.stream().anyMatch(l -> l.matches("Answered after [12] cold-start wait\\(s\\) \\(HTTP 503"
        + " DEPLOYMENT_SCALING_UP\\): \\[llama-v3p2-3b-instruct] Why do deployments scale to zero\\?")), all::toString);
    assertEquals(2, emulator.journal().requests("POST", "/inference/v1/completions").stream()
        .filter(r -> r.status() == 503).count());
    assertNoDeploymentLeft();
  }

  @Test
  void verticalScalingChangesAcceleratorsAndLongPrompt() {
    List<String> lines = steps(run(VerticalScaling::run));

    assertTrue(lines.get(0).matches("Created: vertical-[a-z0-9]{6} READY, 1 x NVIDIA_H100_80GB per replica,"
        + " long prompt off"), lines.get(0));
    assertTrue(lines.get(1).matches("Scaled up: vertical-[a-z0-9]{6} READY, 2 x NVIDIA_H100_80GB per replica,"
        + " long prompt on"), lines.get(1));
    assertTrue(lines.get(2).matches("Long prompt off: vertical-[a-z0-9]{6} READY, 2 x NVIDIA_H100_80GB per replica,"
        + " long prompt off"), lines.get(2));
    String mask = emulator.journal().requests("PATCH", "/v1/accounts/acme/deployments/vertical-").get(1)
        .queryParameter("updateMask").orElseThrow();
    assertEquals("auto_tune.long_prompt", mask);
    assertNoDeploymentLeft();
  }

  @Test
  void addonDeploymentLoadsQueriesAndRefusesAMismatch() {
    List<String> lines = steps(run((fw, out) -> AddonDeployment.run(fw, out, Map.of())));

    assertEquals("Account acme: addon accounts/acme/models/my-lora, mismatched addon accounts/acme/models/qwen-sql-lora",
        lines.get(0));
    assertTrue(lines.get(1).endsWith(" is READY, addons enabled: true"), lines.get(1));
    assertTrue(lines.get(2).matches("Addon accounts/acme/deployedModels/\\S+ is DEPLOYED"), lines.get(2));
    assertTrue(lines.get(3).matches("Queried accounts/acme/models/my-lora#accounts/acme/deployments/addons-[a-z0-9]{6}:"
        + " \\[my-lora] Hello, support bot!"), lines.get(3));
    assertTrue(lines.get(4).startsWith("Refused accounts/acme/models/qwen-sql-lora (BASE_MODEL_MISMATCH): "), lines.get(4));
    assertTrue(lines.get(4).contains("qwen2p5-7b-instruct"), lines.get(4));
    assertTrue(lines.get(5).startsWith("Unloaded accounts/acme/deployedModels/"), lines.get(5));
    assertEquals(1, emulator.journal().requests("POST", "/v1/accounts/acme/deployedModels").size());
    assertNoDeploymentLeft();
  }

  @Test
  void streamingChatPrintsTheReplyAndUsage() {
    List<String> lines = steps(run(StreamingChat::run));

    assertTrue(lines.get(0).matches("Deployment accounts/acme/deployments/streaming-[a-z0-9]{6} is READY"), lines.get(0));
    assertEquals("Assistant: [llama-v3p2-3b-instruct] Name three uses of a dedicated deployment.", lines.get(1));
    assertTrue(lines.get(2).matches("\\(\\d+ chunks, \\d+ prompt \\+ \\d+ completion tokens\\)"), lines.get(2));
    assertTrue(emulator.journal().requests("POST", "/inference/v1/chat/completions").get(0).bodyJson()
        .path("stream").asBoolean());
    assertNoDeploymentLeft();
  }

  @Test
  void ragOnDeploymentEmbedsRetrievesReranksAndAnswers() {
    List<String> lines = steps(run(RagOnDeployment::run));

    assertEquals("Ready: embedder, reranker and chat model on 3 deployments", lines.get(0), lines::toString);
    assertEquals("Embedded 4 documents, 1024 dimensions each", lines.get(1));
    assertTrue(lines.get(2).matches("Nearest by cosine: documents \\[[0-3], [0-3], [0-3]\\]"), lines.get(2));
    assertTrue(lines.get(3).matches("Best after rerank: document [0-3] \\(score 0\\.\\d\\d\\)"), lines.get(3));
    assertEquals("Answer: [llama-v3p2-3b-instruct] " + RagOnDeployment.QUESTION, lines.get(4));
    assertEquals("Deleted the deployments", lines.get(5));
    assertEquals(3, emulator.journal().requests("POST", "/inference/v1/embeddings").size(),
        "2 batches of 2 documents, then the question");
    JsonNode rerank = emulator.journal().requests("POST", "/inference/v1/rerank").get(0).bodyJson();
    assertEquals(3, rerank.path("documents").size());
    assertNoDeploymentLeft();
  }

  @Test
  void asyncFleetCreatesAwaitsQueriesAndDeletesThreeDeployments() {
    List<String> lines = steps(run(AsyncFleet::run));

    assertEquals(3, lines.stream().filter(l -> l.matches("Ready: accounts/acme/deployments/fleet-[a-z0-9]{6} serving .*"))
        .count(), lines::toString);
    assertEquals(3, lines.stream().filter(l -> l.matches("fleet-[a-z0-9]{6} answered: \\[.*] Say hi")).count(),
        lines::toString);
    assertEquals("Deleted 3 deployments", lines.get(lines.size() - 1));
    assertEquals(3, emulator.journal().requests("DELETE", "/v1/accounts/acme/deployments/fleet-").size());
  }

  @Test
  void withoutCredentialsTheFirstLineSaysTheEmulatorIsUsed() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
         Examples.Connection c = Examples.connect(Map.of(), out)) {
      assertTrue(c.emulator().isPresent());
      assertEquals("acme", c.client().requireAccountId().value());
    }
    String first = bytes.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    assertTrue(first.startsWith("FIREWORKS_API_KEY and FIREWORKS_ACCOUNT_ID are not set: running against the"
        + " embedded Fireworks emulator at http://127.0.0.1:"), first);
  }

  @Test
  void withCredentialsTheConfiguredServiceIsUsed() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Map<String, String> env = Map.of("FIREWORKS_API_KEY", emulator.apiKey(), "FIREWORKS_ACCOUNT_ID", "acme",
        "FIREWORKS_BASE_URL", emulator.baseUrl().toString());
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
         Examples.Connection c = Examples.connect(env, out)) {
      assertTrue(c.emulator().isEmpty());
      assertEquals(emulator.baseUrl(), c.client().baseUrl());
    }
    String first = bytes.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    assertEquals("Using Fireworks at " + emulator.baseUrl() + " as account acme (this creates billed deployments and"
        + " deletes them at the end).", first);
    assertTrue(!first.contains(emulator.apiKey()));
  }
}
