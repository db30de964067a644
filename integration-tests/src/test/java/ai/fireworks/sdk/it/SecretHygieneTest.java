package ai.fireworks.sdk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.AuthenticationException;
import ai.fireworks.sdk.core.ConnectionException;
import ai.fireworks.sdk.core.DeployedModelName;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RetryPolicy;
import ai.fireworks.sdk.core.ServerException;
import ai.fireworks.sdk.core.StreamException;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.WaitProgress;
import ai.fireworks.sdk.deployments.AcceleratorType;
import ai.fireworks.sdk.deployments.AddonsClient;
import ai.fireworks.sdk.deployments.ApplyOptions;
import ai.fireworks.sdk.deployments.DeleteOptions;
import ai.fireworks.sdk.deployments.DeployedModel;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentSpec;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.deployments.ListDeployedModelsRequest;
import ai.fireworks.sdk.deployments.ListDeploymentsRequest;
import ai.fireworks.sdk.inference.ChatCompletionChunk;
import ai.fireworks.sdk.inference.ChatMessage;
import ai.fireworks.sdk.inference.ChatRequest;
import ai.fireworks.sdk.inference.ColdStartPolicy;
import ai.fireworks.sdk.inference.CompletionChunk;
import ai.fireworks.sdk.inference.CompletionRequest;
import ai.fireworks.sdk.inference.EventStream;
import ai.fireworks.sdk.inference.InferenceClient;
import ai.fireworks.sdk.testkit.Fault;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import ai.fireworks.sdk.testkit.RecordedRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Secret hygiene across the whole SDK. With a sentinel API key, runs the client paths of every
 * module (deployments with validation and API errors, addons, inference with streaming and
 * errors, waiter timeouts, network failures, servers that echo the key) with logger
 * {@code ai.fireworks.sdk} at {@code ALL}, and scans every log record, every exception (message,
 * {@code toString}, stack trace, cause chain, body) and the {@code toString} of clients, builders,
 * requests, responses and values for the key. The emulator's journal must redact
 * {@code Authorization}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SecretHygieneTest {
  static final String KEY = "fw-SENTINEL-KEY-1234567890";
  /** Direct-route keys a server returns inside a deployment: credentials too. */
  static final String[] DIRECT_ROUTE_KEYS = {"dr-SENTINEL-ROUTE-KEY-aaaa", "dr-SENTINEL-ROUTE-KEY-bbbb"};
  private static final ModelName LLAMA = DeploymentsEndToEndTest.LLAMA;
  private static final ModelName LORA = ModelName.parse("accounts/acme/models/my-lora");
  private static final WaitOptions WAIT = WaitOptions.builder().timeout(Duration.ofMinutes(2)).build();
  private static SecretScanner scanner;

  @BeforeAll
  static void captureLogs() {
    scanner = new SecretScanner(KEY, DIRECT_ROUTE_KEYS[0], DIRECT_ROUTE_KEYS[1]);
  }

  @AfterAll
  static void scanLogs() {
    int records = scanner.scanLogs();
    scanner.close();
    assertTrue(records > 50, "DEBUG logging was captured (" + records + " records), so the scan means something");
    System.out.printf("SECRETS key=%s strings=%d throwables=%d logRecords=%d%n", "fw-SENTINEL-KEY-****",
        scanner.strings(), scanner.throwables(), records);
  }

  private static Sim sim(java.util.function.Consumer<FireworksEmulator.Builder> emulator) {
    Sim sim = Sim.start(b -> {
      b.apiKey(KEY);
      emulator.accept(b);
    }, b -> b.bodyIdleTimeout(Duration.ofMillis(300)));
    scanner.scan("emulator", sim.emulator);
    scanner.scan("client", sim.client);
    scanner.scan("client builder", sim.emulator.clientBuilder());
    scanner.scan("emulator builder", FireworksEmulator.builder().apiKey(KEY));
    scanner.scan("client builder with key", FireworksClient.builder().apiKey(KEY));
    return sim;
  }

  /** Runs {@code call}, which must fail, and scans the failure. */
  private static Throwable failure(Sim sim, String what, Supplier<CompletableFuture<?>> call) {
    Throwable e = sim.awaitFailure(call.get());
    scanner.scan(what, e);
    return e;
  }

  private static void invalid(String what, Runnable call) {
    try {
      call.run();
      throw new AssertionError(what + " was accepted");
    } catch (IllegalArgumentException | IllegalStateException e) {
      scanner.scan(what, e);
    }
  }

  @Test
  void deploymentPathsNeverShowTheKey() {
    try (Sim sim = sim(b -> { })) {
      DeploymentsClient deployments = sim.deployments();
      scanner.scan("deployments client", deployments);
      invalid("scaleToZeroWindow below 5m", () -> deployments.create(LLAMA).deploymentId("x")
          .scaleToZeroWindow(Duration.ofMinutes(1)).submit());
      invalid("bad deploymentId", () -> deployments.create(LLAMA).deploymentId("Bad_ID").submit());
      invalid("min above max", () -> deployments.create(LLAMA).minReplicaCount(3).maxReplicaCount(1).submit());
      invalid("empty update", () -> deployments.update(DeploymentName.parse("accounts/acme/deployments/x")).submit());
      invalid("negative scale", () -> deployments.scale(DeploymentName.parse("accounts/acme/deployments/x"), -1));
      invalid("bad name", () -> DeploymentName.parse("accounts/acme/deploymnts/x"));
      invalid("apply without id", () -> deployments.plan(DeploymentSpec.builder().baseModel(LLAMA).build()));

      Deployment created = sim.await(deployments.create(LLAMA).deploymentId("secret-llama").minReplicaCount(1)
          .acceleratorType(AcceleratorType.NVIDIA_H100_80GB).submitAsync());
      scanner.scan("created", created);
      Deployment ready = sim.await(deployments.waitUntilReady(created.name(), WaitOptions.builder()
          .timeout(Duration.ofMinutes(2)).onProgress((WaitProgress p) -> scanner.scan("progress", p)).build()));
      scanner.scan("ready", ready);
      scanner.scan("page", sim.await(deployments.listAsync(ListDeploymentsRequest.builder().pageSize(1).build())));
      scanner.scan("updated", sim.await(deployments.update(created.name()).displayName("renamed").submitAsync()));
      sim.await(deployments.scaleAsync(created.name(), 1));
      DeploymentSpec spec = DeploymentSpec.builder().deploymentId("secret-llama").baseModel(LLAMA).maxReplicaCount(3)
          .build();
      scanner.scan("spec", spec);
      scanner.scan("plan", sim.await(deployments.planAsync(spec, ApplyOptions.defaults())));
      scanner.scan("apply", sim.await(deployments.applyAsync(spec, ApplyOptions.defaults())));

      failure(sim, "404", () -> deployments.getAsync(DeploymentName.parse("accounts/acme/deployments/missing")));
      failure(sim, "409", () -> deployments.create(LLAMA).deploymentId("secret-llama").minReplicaCount(2)
          .submitAsync());
      failure(sim, "unknown model", () -> deployments.create(ModelName.parse("accounts/fireworks/models/nope"))
          .submitAsync());
      failure(sim, "other account", () -> deployments.getAsync(DeploymentName.parse("accounts/other/deployments/x")));
      sim.emulator.faults().inject(Fault.rateLimited(Duration.ofSeconds(1)).always());
      failure(sim, "429", () -> deployments.getAsync(created.name()));
      sim.emulator.faults().clear();
      sim.emulator.faults().inject(Fault.serverError(503).always());
      failure(sim, "503", () -> deployments.listAsync(ListDeploymentsRequest.all()));
      sim.emulator.faults().clear();
      sim.emulator.faults().inject(Fault.truncateStream(0).always());
      failure(sim, "cut body", () -> deployments.getAsync(created.name()));
      sim.emulator.faults().clear();

      sim.emulator.failNextDeployment("CUDA out of memory");
      Deployment doomed = sim.await(deployments.create(LLAMA).deploymentId("doomed").submitAsync());
      failure(sim, "failed deployment", () -> deployments.waitUntilReady(doomed.name(), WAIT));
      Deployment slow = sim.await(deployments.create(LLAMA).deploymentId("slow").submitAsync());
      failure(sim, "waiter timeout", () -> deployments.waitUntilReady(slow.name(), WaitOptions.builder()
          .timeout(Duration.ofSeconds(5)).build()));

      sim.await(deployments.deleteAsync(created.name()));
      scanner.scan("undeleted", sim.await(deployments.undeleteAsync(created.name())));
      sim.await(deployments.deleteAsync(created.name(), DeleteOptions.builder().hard(true).build()));
      failure(sim, "wait deleted timeout", () -> deployments.waitUntilDeleted(slow.name(), WaitOptions.builder()
          .timeout(Duration.ofSeconds(3)).build()));
      scanJournal(sim.emulator);
    }
  }

  @Test
  void directRouteKeysTheServerReturnsNeverShowOutsideTheirAccessor() throws Exception {
    try (Sim sim = sim(b -> { })) {
      DeploymentsClient deployments = sim.deployments();
      DeploymentName direct = DeploymentName.parse("accounts/acme/deployments/direct");
      createWithDirectRouteKeys(sim.emulator, direct.id());
      createWithDirectRouteKeys(sim.emulator, "direct-doomed");
      sim.emulator.failDeployment("direct-doomed", "no capacity");

      Deployment ready = sim.await(deployments.waitUntilReady(direct, WaitOptions.builder()
          .timeout(Duration.ofMinutes(2)).onProgress((WaitProgress p) -> scanner.scan("progress", p)).build()));
      assertEquals(java.util.List.of(DIRECT_ROUTE_KEYS), ready.directRouteApiKeys(), "the sentinels are in play");
      scanner.scan("ready", ready);
      scanner.scan("get", deployments.get(direct));
      scanner.scan("page", sim.await(deployments.listAsync(ListDeploymentsRequest.all())));
      scanner.scan("updated", sim.await(deployments.update(direct).displayName("renamed").submitAsync()));
      DeploymentSpec spec = DeploymentSpec.builder().deploymentId(direct.id()).baseModel(LLAMA).maxReplicaCount(2)
          .build();
      scanner.scan("plan", sim.await(deployments.planAsync(spec, ApplyOptions.defaults())));
      scanner.scan("apply", sim.await(deployments.applyAsync(spec, ApplyOptions.defaults())));
      failure(sim, "failed deployment", () -> deployments.waitUntilReady(
          DeploymentName.parse("accounts/acme/deployments/direct-doomed"), WAIT));
      Deployment slow = sim.await(deployments.create(LLAMA).deploymentId("direct-slow").submitAsync());
      createWithDirectRouteKeys(sim.emulator, "direct-slow-2");
      failure(sim, "waiter timeout", () -> deployments.waitUntilReady(
          DeploymentName.parse("accounts/acme/deployments/direct-slow-2"), WaitOptions.builder()
              .timeout(Duration.ofSeconds(1)).build()));
      failure(sim, "conflict", () -> deployments.create(LLAMA).deploymentId(direct.id()).submitAsync());
      scanner.scan("slow", slow);
      sim.await(deployments.deleteAsync(direct));
      failure(sim, "deleted while waiting", () -> deployments.waitUntilReady(direct, WAIT));

      DeploymentSpec viaExtra = DeploymentSpec.builder().deploymentId("direct-extra").baseModel(LLAMA)
          .putExtra("directRouteType", "INTERNET").putExtra("directRouteApiKeys", java.util.List.of(DIRECT_ROUTE_KEYS))
          .build();
      scanner.scan("spec with extras", viaExtra);
      scanner.scan("plan with extras", sim.await(deployments.planAsync(viaExtra, ApplyOptions.defaults())));
      scanner.scan("applied with extras", sim.await(deployments.applyAsync(viaExtra, ApplyOptions.defaults())));
      scanner.scan("re-plan with extras", sim.await(deployments.planAsync(viaExtra.withExtra(java.util.Map.of(
          "directRouteApiKeys", java.util.List.of(DIRECT_ROUTE_KEYS[1]))), ApplyOptions.defaults())));
    }
  }

  /** Creates a deployment carrying {@link #DIRECT_ROUTE_KEYS}, with a raw request as any client could. */
  private static void createWithDirectRouteKeys(FireworksEmulator emulator, String id) throws Exception {
    String body = "{\"baseModel\": \"" + LLAMA + "\", \"directRouteType\": \"INTERNET\", \"directRouteApiKeys\": [\""
        + String.join("\", \"", DIRECT_ROUTE_KEYS) + "\"]}";
    java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
        .newBuilder(emulator.baseUrl().resolve("/v1/accounts/acme/deployments?deploymentId=" + id))
        .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void addonPathsNeverShowTheKey() {
    try (Sim sim = sim(b -> { })) {
      AddonsClient addons = sim.addons();
      DeploymentName host = sim.await(sim.deployments().create(LLAMA).deploymentId("host").minReplicaCount(1)
          .enableAddons(true).submitAndWaitAsync(WAIT)).name();
      DeploymentName plain = sim.await(sim.deployments().create(LLAMA).deploymentId("plain").minReplicaCount(1)
          .submitAndWaitAsync(WAIT)).name();
      DeploymentName qwen = sim.await(sim.deployments()
          .create(ModelName.parse("accounts/fireworks/models/qwen2p5-7b-instruct")).deploymentId("qwen")
          .enableAddons(true).minReplicaCount(1).submitAndWaitAsync(WAIT)).name();

      invalid("no target", () -> addons.deploy(LORA).submit());
      failure(sim, "mismatch", () -> addons.deploy(LORA).to(qwen).submitAsync());
      failure(sim, "not enabled", () -> addons.deploy(LORA).to(plain).submitAsync());
      failure(sim, "missing addon", () -> addons.deploy(ModelName.parse("accounts/acme/models/nope")).to(host)
          .submitAsync());
      DeployedModel loading = sim.await(addons.deploy(LORA).to(host).submitAsync());
      scanner.scan("loading", loading);
      failure(sim, "addon wait timeout", () -> addons.waitUntilDeployed(loading.name(), WaitOptions.builder()
          .timeout(Duration.ofSeconds(2)).build()));
      DeployedModel deployed = sim.await(addons.waitUntilDeployed(loading.name(), WAIT));
      scanner.scan("deployed", deployed);
      scanner.scan("model ref", deployed.modelRef());
      scanner.scan("list", sim.await(addons.listAsync(ListDeployedModelsRequest.all())));
      scanner.scan("model", sim.deployments().models().get(LORA));
      sim.await(addons.unloadAsync(deployed.name()));
      failure(sim, "gone", () -> addons.getAsync(deployed.name()));
      failure(sim, "unload missing", () -> addons.unloadAsync(DeployedModelName.parse(
          "accounts/acme/deployedModels/none")));
      scanJournal(sim.emulator);
    }
  }

  @Test
  void inferencePathsNeverShowTheKey() {
    try (Sim sim = sim(b -> b.coldStart(Duration.ofHours(1)))) {
      InferenceClient inference = sim.inference();
      DeploymentName d = sim.await(sim.deployments().create(LLAMA).deploymentId("infer").minReplicaCount(1)
          .submitAndWaitAsync(WAIT)).name();
      DeploymentName cold = sim.await(sim.deployments().create(LLAMA).deploymentId("cold").minReplicaCount(0)
          .scaleToZeroWindow(Duration.ofMinutes(5)).submitAndWaitAsync(WAIT)).name();
      ModelRef target = ModelRef.of(LLAMA, d);
      scanner.scan("inference client", inference);
      scanner.scan("bound client", inference.on(d));

      invalid("no model", () -> inference.complete(CompletionRequest.builder().prompt("x").build()));
      invalid("bad max tokens", () -> CompletionRequest.builder().model(target).prompt("x").maxTokens(-1).build());
      CompletionRequest request = CompletionRequest.builder().model(target).prompt("secret-free prompt").maxTokens(8)
          .build();
      scanner.scan("completion request", request);
      scanner.scan("completion", sim.await(inference.completeAsync(request)));
      ChatRequest chat = ChatRequest.builder().model(target).addMessage(ChatMessage.user("hello")).build();
      scanner.scan("chat request", chat);
      scanner.scan("chat", sim.await(inference.chatAsync(chat)));
      try (EventStream<CompletionChunk> s = inference.completeStreaming(request)) {
        scanner.scan("stream", s);
        s.forEach(c -> scanner.scan("chunk", c));
        scanner.scan("stream metadata", s.metadata());
      }
      scanner.scan("joined", sim.await(inference.chatStreamingAsync(chat, c -> scanner.scan("chat chunk", c))));

      failure(sim, "model not found", () -> inference.completeAsync(CompletionRequest.of(
          ModelRef.parse("accounts/fireworks/models/nope"), "x")));
      sim.emulator.faults().inject(Fault.truncateStream(1).on("POST", "/inference/**"));
      StreamException truncated = readStream(inference, chat, StreamException.class);
      scanner.scan("truncated stream", truncated);
      sim.emulator.faults().inject(Fault.stallBody(Duration.ofSeconds(3)).on("POST", "/inference/**"));
      scanner.scan("stalled stream", readStream(inference, chat, ai.fireworks.sdk.core.RequestTimeoutException.class));
      sim.emulator.faults().inject(Fault.serverError(500).on("POST", "/inference/**").always());
      failure(sim, "inference 500", () -> inference.chatAsync(chat, RequestOptions.builder()
          .retryPolicy(RetryPolicy.none()).build()));
      sim.emulator.faults().clear();

      sim.advance(Duration.ofMinutes(6));
      failure(sim, "cold start budget", () -> inference.withColdStart(ColdStartPolicy.builder()
          .budget(Duration.ofSeconds(40)).onWait(w -> scanner.scan("cold start wait", w)).build())
          .completeAsync(CompletionRequest.of(ModelRef.of(LLAMA, cold), "wake")));
      failure(sim, "cold start disabled", () -> inference.withColdStart(ColdStartPolicy.disabled())
          .completeAsync(CompletionRequest.of(ModelRef.of(LLAMA, cold), "wake")));
      scanJournal(sim.emulator);
    }
  }

  private static <T extends Throwable> T readStream(InferenceClient inference, ChatRequest chat, Class<T> type) {
    return Bounded.fails(type, Duration.ofSeconds(10), () -> {
      try (EventStream<ChatCompletionChunk> s = inference.chatStreaming(chat)) {
        s.forEach(c -> { });
      }
    }).exception;
  }

  @Test
  void networkFailuresAndServersThatEchoTheKeyNeverShowIt() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    RetryPolicy fast = RetryPolicy.builder().initialBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(10))
        .build();
    try (FireworksClient refused = FireworksClient.builder().apiKey(KEY).accountId("acme")
        .baseUrl("http://127.0.0.1:" + closedPort).retryPolicy(fast).build()) {
      scanner.scan("refused", Bounded.fails(ConnectionException.class, Duration.ofSeconds(10),
          () -> DeploymentsClient.of(refused).list()).exception);
    }
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getLoopbackAddress(), 0);
      String echo = "{\"error\": {\"message\": \"Incorrect API key provided: " + KEY + ". Authorization: Bearer " + KEY
          + "\", \"code\": \"UNAUTHENTICATED\"}}";
      server.enqueue(ResponseShapeFaultTest.json(401, echo));
      for (int i = 0; i < 3; i++) {
        server.enqueue(new MockResponse.Builder().code(500).setHeader("Content-Type", "text/plain")
            .body("upstream said: Bearer " + KEY).build());
      }
      server.enqueue(ResponseShapeFaultTest.sse("data: {\"error\": {\"message\": \"bad key " + KEY
          + "\", \"code\": \"UNAUTHENTICATED\"}}\n\n"));
      server.enqueue(ResponseShapeFaultTest.sse("data: not json, key " + KEY + "\n\n"));
      server.enqueue(ResponseShapeFaultTest.json(200, "<html>your key " + KEY + " is welcome</html>"));
      server.enqueue(ResponseShapeFaultTest.json(200, "{\"key\": \"" + KEY + "\", \"choices\": 7}"));
      try (FireworksClient client = FireworksClient.builder().apiKey(KEY).accountId("acme")
          .baseUrl(server.url("/").toString()).retryPolicy(fast).build()) {
        AuthenticationException auth = Bounded.fails(AuthenticationException.class, Duration.ofSeconds(10),
            () -> DeploymentsClient.of(client).list()).exception;
        scanner.scan("echoed 401", auth);
        assertTrue(auth.getMessage().contains("****"), "the echoed key is masked: " + auth.getMessage());
        scanner.scan("echoed 500", Bounded.fails(ServerException.class, Duration.ofSeconds(10),
            () -> InferenceClient.of(client).complete(CompletionRequest.of(ModelRef.parse(
                "accounts/fireworks/models/llama-v3p2-3b-instruct"), "x"))).exception);
        StreamException inStream = Bounded.fails(StreamException.class, Duration.ofSeconds(10), () -> {
          try (EventStream<ChatCompletionChunk> s = InferenceClient.of(client).chatStreaming(ChatRequest.of(
              ModelRef.parse("accounts/fireworks/models/llama-v3p2-3b-instruct"), "x"))) {
            s.forEach(c -> { });
          }
        }).exception;
        scanner.scan("error echoed inside a stream", inStream);
        scanner.scan("key in a malformed chunk", Bounded.fails(StreamException.class, Duration.ofSeconds(10), () -> {
          try (EventStream<ChatCompletionChunk> s = InferenceClient.of(client).chatStreaming(ChatRequest.of(
              ModelRef.parse("accounts/fireworks/models/llama-v3p2-3b-instruct"), "x"))) {
            s.forEach(c -> { });
          }
        }).exception);
        scanner.scan("key in an unreadable 200", Bounded.fails(FireworksException.class, Duration.ofSeconds(10),
            () -> DeploymentsClient.of(client).get(DeploymentName.parse("accounts/acme/deployments/x"))).exception);
        scanner.scan("key in a mistyped 200", Bounded.fails(FireworksException.class, Duration.ofSeconds(10),
            () -> InferenceClient.of(client).chat(ChatRequest.of(ModelRef.parse(
                "accounts/fireworks/models/llama-v3p2-3b-instruct"), "x"))).exception);
      }
    }
  }

  /** Every recorded request, its headers and body; and Authorization must be redacted. */
  private static void scanJournal(FireworksEmulator emulator) {
    scanner.scan("journal", emulator.journal());
    scanner.scan("faults", emulator.faults());
    int n = 0;
    for (RecordedRequest r : emulator.journal().requests()) {
      scanner.scan("recorded request", r);
      scanner.scan("recorded headers", r.headers().toString());
      scanner.scan("recorded body", r.body());
      assertEquals("Bearer <redacted>", r.header("Authorization").orElseThrow(), r.toString());
      n++;
    }
    assertTrue(n > 10, "the journal held the run's requests: " + n);
  }
}
