package ai.fireworks.sdk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.DeployedModelName;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.Page;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RetryPolicy;
import ai.fireworks.sdk.core.ServerException;
import ai.fireworks.sdk.core.StreamException;
import ai.fireworks.sdk.deployments.AddonsClient;
import ai.fireworks.sdk.deployments.DeployedModel;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.deployments.Model;
import ai.fireworks.sdk.inference.ChatCompletion;
import ai.fireworks.sdk.inference.ChatCompletionChunk;
import ai.fireworks.sdk.inference.ChatRequest;
import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.CompletionRequest;
import ai.fireworks.sdk.inference.EventStream;
import ai.fireworks.sdk.inference.InferenceClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Responses of the wrong shape, served by MockWebServer: malformed JSON, the wrong content type,
 * empty and huge bodies, and unknown fields and enum values everywhere. Each call ends within its
 * deadline with the documented exception ({@link FireworksException} for an unreadable success,
 * the {@link ApiException} subclass for an error status, {@link StreamException} for a bad
 * stream), or reads the response and keeps what it does not know.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResponseShapeFaultTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final DeploymentName NAME = DeploymentName.parse("accounts/acme/deployments/odd-llama");
  private static final ModelRef TARGET = ModelRef.of(DeploymentsEndToEndTest.LLAMA, NAME);

  @StartStop final MockWebServer server = new MockWebServer();
  private FireworksClient client;
  private DeploymentsClient deployments;
  private InferenceClient inference;

  @BeforeEach
  void connect() {
    client = FireworksClient.builder().apiKey("fw-shape-test-key").accountId("acme")
        .baseUrl(server.url("/").toString()).requestTimeout(Duration.ofSeconds(5))
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(10)).build())
        .build();
    deployments = DeploymentsClient.of(client);
    inference = InferenceClient.of(client);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void malformedJsonInASuccessIsAFireworksExceptionWithAnExcerpt() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(200, "{\"name\": \"accounts/acme/deployments/odd-llama\", \"state\": READY,"));
    }
    server.enqueue(json(200, "{\"id\": \"cmpl-1\", \"choices\": [ {\"text\": \"half"));

    Bounded.Failure<FireworksException> get = Bounded.fails(FireworksException.class, DEADLINE,
        () -> deployments.get(NAME));
    assertTrue(get.message().contains("GET /v1/accounts/acme/deployments/odd-llama"), get.message());
    assertTrue(get.message().contains("\"state\": READY"), "an excerpt of what came: " + get.message());
    Bounded.fails(FireworksException.class, DEADLINE, () -> deployments.list());
    Bounded.fails(FireworksException.class, DEADLINE, () -> AddonsClient.of(client).get(
        DeployedModelName.parse("accounts/acme/deployedModels/x")));
    Bounded.Failure<FireworksException> complete = Bounded.fails(FireworksException.class, DEADLINE,
        () -> inference.complete(CompletionRequest.of(TARGET, "hi")));
    assertTrue(complete.message().contains("POST /inference/v1/completions"), complete.message());
    assertEquals(4, server.getRequestCount(), "an unreadable 200 is not retried");
  }

  @Test
  void aMalformedStreamChunkIsAStreamException() {
    server.enqueue(sse("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"}}]}\n\ndata: {\"choices\": [oops\n\n"));
    List<String> got = new ArrayList<>();

    Bounded.Failure<StreamException> f = Bounded.fails(StreamException.class, DEADLINE, () -> {
      try (EventStream<ChatCompletionChunk> s = inference.chatStreaming(ChatRequest.of(TARGET, "hi"))) {
        s.forEach(c -> got.add(c.text()));
      }
    });

    assertEquals(List.of("ok"), got);
    assertTrue(f.message().contains("malformed chunk #2"), f.message());
  }

  @Test
  void theWrongContentTypeIsReportedNotMisread() {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
        .body("<html><body>Welcome to the captive portal</body></html>").build());
    Bounded.Failure<FireworksException> html = Bounded.fails(FireworksException.class, DEADLINE,
        () -> deployments.get(NAME));
    assertTrue(html.message().contains("captive portal"), html.message());

    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
          .body("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>").build());
    }
    Bounded.Failure<ServerException> gateway = Bounded.fails(ServerException.class, DEADLINE,
        () -> deployments.get(NAME));
    assertEquals(502, gateway.exception.statusCode());
    assertTrue(gateway.message().contains("502 Bad Gateway"), gateway.message());

    server.enqueue(json(200, resource("completion-unknowns.json")));
    Bounded.Failure<StreamException> notSse = Bounded.fails(StreamException.class, DEADLINE, () -> {
      try (EventStream<ChatCompletionChunk> s = inference.chatStreaming(ChatRequest.of(TARGET, "hi"))) {
        s.forEach(c -> { });
      }
    });
    assertTrue(notSse.message().contains("truncated"), "a JSON answer to a stream has no events: " + notSse.message());
  }

  @Test
  void emptyBodiesAreReportedForValuesAndAcceptedWhereNothingIsExpected() {
    server.enqueue(json(200, ""));
    Bounded.fails(FireworksException.class, DEADLINE, () -> deployments.get(NAME));

    for (int i = 0; i < 3; i++) {
      server.enqueue(json(500, ""));
    }
    Bounded.Failure<ServerException> empty500 = Bounded.fails(ServerException.class, DEADLINE,
        () -> deployments.get(NAME));
    assertTrue(empty500.message().contains("(empty body)"), empty500.message());

    server.enqueue(json(404, ""));
    Bounded.fails(NotFoundException.class, DEADLINE, () -> deployments.get(NAME));

    server.enqueue(json(200, ""));
    deployments.delete(NAME); // DELETE answers {} or nothing: both are fine

    server.enqueue(json(200, ""));
    ChatCompletion none = assertWithin(() -> inference.chat(ChatRequest.of(TARGET, "hi")));
    assertTrue(none.choices().isEmpty(), "inference is lenient: an empty answer has no choices");
    assertEquals("", none.text());
  }

  @Test
  void hugeBodiesAreReadOrReportedWithBoundedMessages() {
    String huge = "x".repeat(4 * 1024 * 1024);
    server.enqueue(json(200, resource("deployment-unknowns.json").replace("\"emptyThing\": {}",
        "\"blob\": \"" + huge + "\"")));
    Deployment d = assertWithin(() -> deployments.get(NAME));
    assertEquals(huge.length(), d.unknownFields().get("blob").asText().length(), "kept, not truncated");

    server.enqueue(json(500, "{\"error\": {\"message\": \"" + huge + "\", \"code\": \"INTERNAL\"}}"));
    Bounded.Failure<ServerException> f = Bounded.fails(ServerException.class, DEADLINE, () -> inference.complete(
        CompletionRequest.of(TARGET, "x"), RequestOptions.builder().retryPolicy(RetryPolicy.none()).build()));
    assertTrue(f.message().length() < 2_000, "the message is an excerpt: " + f.message().length() + " chars");
    assertEquals("INTERNAL", f.exception.errorCode().orElseThrow());

    StringBuilder page = new StringBuilder("{\"deployments\": [");
    String one = resource("deployment-unknowns.json").replace('\n', ' ');
    for (int i = 0; i < 1_000; i++) {
      page.append(i == 0 ? "" : ",").append(one.replace("odd-llama", "odd-" + i));
    }
    server.enqueue(json(200, page.append("], \"totalSize\": 1000}").toString()));
    Page<Deployment> all = assertWithin(() -> deployments.list());
    assertEquals(1_000, all.items().size());
    assertFalse(all.hasNextPage());
  }

  @Test
  void unknownFieldsAndEnumValuesAreKeptEverywhere() {
    server.enqueue(json(200, resource("deployment-unknowns.json")));
    Deployment d = deployments.get(NAME);
    assertEquals("HIBERNATING", d.state().value());
    assertFalse(d.state().isKnown());
    assertEquals("NVIDIA_RUBIN_288GB", d.acceleratorType().orElseThrow().value());
    assertEquals("FP3_EXPERIMENTAL", d.precision().orElseThrow().value());
    assertEquals("MARS_OLYMPUS_1", d.region().orElseThrow().value());
    assertEquals("MARS_OLYMPUS_1", d.placement().orElseThrow().region().orElseThrow().value());
    assertEquals("RESOURCE_RECLAIMED", d.status().orElseThrow().code());
    assertEquals(1, d.replicaStats().orElseThrow().pendingSchedulingReplicaCount());
    assertEquals(4096, d.unknownFields().get("quantumEntanglement").path("qubits").asInt());
    assertEquals(Duration.ofMinutes(5), d.autoscalingPolicy().orElseThrow().scaleToZeroWindow().orElseThrow());

    server.enqueue(json(200, resource("deployed-model-unknowns.json")));
    DeployedModel dm = AddonsClient.of(client).get(DeployedModelName.parse("accounts/acme/deployedModels/odd-lora-1a2b3c"));
    assertEquals("WARMING_CACHE", dm.state().value());
    assertFalse(dm.isDeployed());

    server.enqueue(json(200, resource("model-unknowns.json")));
    Model m = DeploymentsClient.of(client).models().get(ModelName.parse("accounts/acme/models/my-lora"));
    assertEquals("HF_QUANTUM_ADDON", m.kind().value());
    assertEquals("REINDEXING", m.state().value());
    assertEquals("FP3_EXPERIMENTAL", m.supportedPrecisions().get(1).value());

    server.enqueue(json(200, resource("completion-unknowns.json")));
    Completion c = inference.complete(CompletionRequest.of(TARGET, "odd"));
    assertEquals("odd but fine", c.text());
    assertEquals("thermal_throttle", c.choices().get(0).finishReason().orElseThrow().value());

    server.enqueue(json(200, resource("chat-unknowns.json")));
    ChatCompletion chat = inference.chat(ChatRequest.of(TARGET, "odd"));
    assertEquals("odd chat", chat.text());
    assertEquals("safety_pause", chat.choices().get(0).finishReason().orElseThrow().value());

    server.enqueue(sse(resource("chat-stream-unknowns.sse")));
    StringBuilder text = new StringBuilder();
    try (EventStream<ChatCompletionChunk> s = inference.chatStreaming(ChatRequest.of(TARGET, "odd"))) {
      s.forEach(x -> text.append(x.text()));
      assertTrue(s.isComplete());
      assertEquals(2, s.usage().orElseThrow().completionTokens());
    }
    assertEquals("odd stream", text.toString());

    server.enqueue(json(409, "{\"code\": 6, \"message\": \"exists\", \"details\": [{\"@type\": \"x\", \"why\": 1}],"
        + " \"shard\": 7}"));
    Bounded.Failure<ApiException> conflict = Bounded.fails(ApiException.class, DEADLINE,
        () -> deployments.create(DeploymentsEndToEndTest.LLAMA).submit());
    assertEquals(409, conflict.exception.statusCode());
    assertEquals("ALREADY_EXISTS", conflict.exception.errorCode().orElseThrow());
  }

  private static <T> T assertWithin(java.util.function.Supplier<T> call) {
    return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(DEADLINE, call::get);
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse sse(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream").body(body).build();
  }

  static String resource(String name) {
    try (InputStream in = ResponseShapeFaultTest.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
