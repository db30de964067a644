package ai.fireworks.sdk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.inference.ChatCompletion;
import ai.fireworks.sdk.inference.ChatCompletionChunk;
import ai.fireworks.sdk.inference.ChatMessage;
import ai.fireworks.sdk.inference.ChatRequest;
import ai.fireworks.sdk.inference.ColdStartPolicy;
import ai.fireworks.sdk.inference.ColdStartWait;
import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.CompletionChunk;
import ai.fireworks.sdk.inference.CompletionRequest;
import ai.fireworks.sdk.inference.EventStream;
import ai.fireworks.sdk.inference.InferenceClient;
import ai.fireworks.sdk.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real {@link InferenceClient} against the emulator: identifiers, streaming, cold starts, transient 404s. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InferenceEndToEndTest {
  private static final String COMPLETIONS = "/inference/v1/completions";
  private static final String PROMPT = "Say this is a test";

  private final Sim sim = Sim.start();
  private final InferenceClient inference = sim.inference();

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void completionsAndChatThroughModelHashDeploymentIdentifiers() {
    DeploymentName d = ready("serve", 1);
    ModelRef target = ModelRef.of(DeploymentsEndToEndTest.LLAMA, d);

    Completion c = sim.await(inference.completeAsync(CompletionRequest.builder().model(target).prompt(PROMPT)
        .maxTokens(32).build()));
    assertEquals("[llama-v3p2-3b-instruct] " + PROMPT, c.text());
    assertEquals(6, c.usage().orElseThrow().completionTokens(), "one token per word of the emulator's text");
    assertEquals("accounts/fireworks/models/llama-v3p2-3b-instruct#accounts/acme/deployments/serve",
        sim.emulator.journal().last().bodyJson().path("model").asText());
    assertTrue(c.metadata().requestId().isPresent());

    ChatCompletion chat = sim.await(inference.chatAsync(ChatRequest.builder()
        .model(ModelRef.parse("accounts/fireworks/models/llama-v3p2-3b-instruct#accounts/acme/deployments/serve"))
        .addMessage(ChatMessage.system("be brief")).addMessage(ChatMessage.user("hi there")).build()));
    assertEquals("[llama-v3p2-3b-instruct] hi there", chat.text());

    Completion bound = sim.await(inference.on(d).completeAsync(CompletionRequest.builder().prompt("bound").build()));
    assertEquals("[llama-v3p2-3b-instruct] bound", bound.text());
    assertEquals(d.toString(), sim.emulator.journal().last().bodyJson().path("model").asText(),
        "a view bound to a deployment sends the deployment name");
  }

  @Test
  void streamedCompletionsAndChatMatchTheUnstreamedText() {
    DeploymentName d = ready("stream", 1);
    ModelRef target = ModelRef.of(DeploymentsEndToEndTest.LLAMA, d);

    StringBuilder text = new StringBuilder();
    try (EventStream<CompletionChunk> s = inference.completeStreaming(CompletionRequest.builder().model(target)
        .prompt(PROMPT).build())) {
      for (CompletionChunk chunk : s) {
        text.append(chunk.text());
      }
      assertTrue(s.isComplete());
      assertEquals(6, s.usage().orElseThrow().completionTokens());
      assertTrue(s.chunksReceived() >= 5, "one chunk per word: " + s.chunksReceived());
    }
    assertEquals("[llama-v3p2-3b-instruct] " + PROMPT, text.toString());
    assertTrue(sim.emulator.journal().last().bodyJson().path("stream").asBoolean());

    List<ChatCompletionChunk> chunks = Collections.synchronizedList(new ArrayList<>());
    ChatCompletion joined = sim.await(inference.chatStreamingAsync(ChatRequest.of(target, "stream me"), chunks::add));
    assertEquals("[llama-v3p2-3b-instruct] stream me", joined.text());
    assertTrue(chunks.size() >= 3, "chunks were handed over as they came: " + chunks.size());
  }

  @Test
  void aColdStartFromZeroReplicasIsRiddenThroughOnTheManualClock() {
    DeploymentName d = ready("cold", 0);
    sim.advance(Duration.ofMinutes(6)); // idle past the 5 m scale-to-zero window
    assertEquals(0, sim.emulator.deployment("cold").orElseThrow().path("replicaCount").asInt(), "scaled to zero");
    sim.emulator.journal().clear();
    List<ColdStartWait> waits = Collections.synchronizedList(new ArrayList<>());
    InferenceClient patient = inference.withColdStart(ColdStartPolicy.builder().onWait(waits::add).build());
    Instant start = sim.now();

    Completion c = sim.await(patient.completeAsync(CompletionRequest.of(ModelRef.of(DeploymentsEndToEndTest.LLAMA, d),
        PROMPT)));

    assertEquals("[llama-v3p2-3b-instruct] " + PROMPT, c.text());
    Duration took = Duration.between(start, sim.now());
    assertTrue(took.compareTo(Duration.ofSeconds(30)) >= 0 && took.compareTo(Duration.ofSeconds(60)) <= 0,
        "served once the emulator's 30 s cold start ended: " + took);
    List<RecordedRequest> attempts = sim.emulator.journal().requests("POST", COMPLETIONS);
    assertEquals(503, attempts.get(0).status());
    assertEquals(200, attempts.get(attempts.size() - 1).status());
    assertTrue(attempts.stream().limit(attempts.size() - 1).allMatch(r -> r.status() == 503), attempts.toString());
    sim.settle();
    assertEquals(attempts.size() - 1, waits.size(), "one progress report per wait");
    assertTrue(waits.stream().allMatch(ColdStartWait::isScalingUp));
    assertEquals(1, sim.emulator.deployment("cold").orElseThrow().path("replicaCount").asInt());
  }

  @Test
  void aDeploymentNotRoutableYetIsRetriedThrough404sUntilItServes() {
    DeploymentName d = sim.await(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).deploymentId("late")
        .minReplicaCount(1).submitAsync()).name(); // CREATING for 30 s: inference answers 404 until READY
    Instant start = sim.now();

    Completion c = sim.await(inference.completeAsync(CompletionRequest.of(ModelRef.of(DeploymentsEndToEndTest.LLAMA, d),
        PROMPT)));

    assertEquals("[llama-v3p2-3b-instruct] " + PROMPT, c.text());
    List<RecordedRequest> attempts = sim.emulator.journal().requests("POST", COMPLETIONS);
    assertEquals(404, attempts.get(0).status());
    assertEquals(200, attempts.get(attempts.size() - 1).status());
    Duration took = Duration.between(start, sim.now());
    assertTrue(took.compareTo(Duration.ofSeconds(30)) >= 0 && took.compareTo(Duration.ofSeconds(40)) <= 0, took.toString());
  }

  @Test
  void aMistypedDeploymentFailsAtOnceAfterOneInferenceRequestAndOneGet() {
    for (String typo : List.of("accounts/acme/deployments/nowhere", "accounts/acmeInc/deployments/12ab34cd56ef")) {
      sim.emulator.journal().clear();
      Instant start = sim.now();

      Throwable e = sim.awaitFailure(inference.completeAsync(CompletionRequest.of(ModelRef.of(
          DeploymentsEndToEndTest.LLAMA, DeploymentName.parse(typo)), PROMPT)));

      assertTrue(e instanceof NotFoundException, e.toString());
      assertTrue(e.getMessage().contains("deployment " + typo + " cannot serve requests"), e.getMessage());
      assertEquals(Duration.ZERO, Duration.between(start, sim.now()), "no wait at all on the emulator's clock");
      List<RecordedRequest> sent = sim.emulator.journal().requests();
      assertEquals(List.of("POST " + COMPLETIONS + " -> 404", "GET /v1/" + typo + " -> " + (typo.contains("acmeInc")
          ? 403 : 404)), sent.stream().map(r -> r.method() + " " + r.path() + " -> " + r.status()).toList());
    }
  }

  private DeploymentName ready(String id, int minReplicas) {
    return sim.await(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).deploymentId(id)
        .minReplicaCount(minReplicas).maxReplicaCount(2).scaleToZeroWindow(Duration.ofMinutes(5))
        .submitAndWaitAsync(WaitOptions.builder().timeout(Duration.ofMinutes(2)).build())).name();
  }
}
