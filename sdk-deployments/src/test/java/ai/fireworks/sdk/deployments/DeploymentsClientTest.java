package ai.fireworks.sdk.deployments;

import static ai.fireworks.sdk.deployments.Fixtures.body;
import static ai.fireworks.sdk.deployments.Fixtures.error;
import static ai.fireworks.sdk.deployments.Fixtures.ok;
import static ai.fireworks.sdk.deployments.Fixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.BadRequestException;
import ai.fireworks.sdk.core.ConflictException;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.Page;
import ai.fireworks.sdk.core.PermissionDeniedException;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentsClientTest {
  static final ModelName LLAMA = ModelName.parse("accounts/fireworks/models/llama-v3p2-3b-instruct");
  static final DeploymentName MY_LLAMA = DeploymentName.parse("accounts/acme/deployments/my-llama");

  @StartStop final MockWebServer server = new MockWebServer();
  private FireworksClient fw;
  private DeploymentsClient deployments;

  @BeforeEach
  void setUp() {
    fw = FireworksClient.builder().apiKey("fw-secret-key").accountId("acme").baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build())
        .build();
    deployments = DeploymentsClient.of(fw);
  }

  @AfterEach
  void tearDown() {
    fw.close();
  }

  private RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request arrived");
    }
    return r;
  }

  @Test
  void anErrorsGoogleRpcDetailsReachTheCallerSoItCanBranchOnTheReason() {
    server.enqueue(Fixtures.json(400, "{\"code\": 3, \"message\": \"invalid deployment\", \"details\": ["
        + "{\"@type\": \"type.googleapis.com/google.rpc.ErrorInfo\", \"reason\": \"SHAPE_NOT_ENABLED\","
        + " \"domain\": \"fireworks.ai\", \"metadata\": {\"shape\": \"fast\"}},"
        + "{\"@type\": \"type.googleapis.com/google.rpc.BadRequest\", \"fieldViolations\": ["
        + "{\"field\": \"deployment_shape\", \"description\": \"not enabled for account acme\"}]},"
        + "{\"@type\": \"type.googleapis.com/google.rpc.Help\", \"links\": []}]}"));

    BadRequestException e = assertThrows(BadRequestException.class,
        () -> deployments.create(LLAMA).deploymentId("my-llama").submit());

    assertEquals("SHAPE_NOT_ENABLED", e.errorInfo().orElseThrow().reason());
    assertEquals("fast", e.errorInfo().orElseThrow().metadata().get("shape"));
    assertEquals("deployment_shape", e.details().get(1).badRequest().orElseThrow().fieldViolations().get(0).field());
    assertEquals("type.googleapis.com/google.rpc.Help", e.details().get(2).type());
    assertTrue(e.details().get(2).json().has("links"));
  }

  @Test
  void createSendsSessionAffinityDisableAutoDeployExtrasAndExtraQueryParamsAsGiven() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment-creating.json")));

    deployments.create(LLAMA).deploymentId("my-llama").enableSessionAffinity(true).disableAutoDeploy()
        .putExtra("hotLoadBucketType", "S3").putExtra("futureKnobs", Map.of("level", 3))
        .requestOptions(RequestOptions.builder().putQueryParams("skipImageTagValidation", "true").build())
        .submit();

    RecordedRequest sent = take();
    assertEquals("/v1/accounts/acme/deployments?deploymentId=my-llama&disableAutoDeploy=true"
        + "&skipImageTagValidation=true", sent.getTarget());
    assertEquals(tree("{\"baseModel\":\"" + LLAMA + "\",\"enableSessionAffinity\":true,\"hotLoadBucketType\":\"S3\","
        + "\"futureKnobs\":{\"level\":3}}"), body(sent));
  }

  @Test
  void updateSendsExtrasWithTheirSnakeCasePathsInTheUpdateMask() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment.json")));

    deployments.update(MY_LLAMA).enableSessionAffinity(false).putExtra("enableHotLoad", true).submit();

    RecordedRequest sent = take();
    assertEquals("/v1/accounts/acme/deployments/my-llama?updateMask=enable_session_affinity%2Cenable_hot_load",
        sent.getTarget());
    assertEquals(tree("{\"enableSessionAffinity\":false,\"enableHotLoad\":true}"), body(sent));
  }

  @Test
  void anExtraThatShadowsAModelledFieldIsRefusedNamingTheTypedSetter() {
    IllegalArgumentException camel = assertThrows(IllegalArgumentException.class,
        () -> deployments.create(LLAMA).putExtra("minReplicaCount", 2));
    IllegalArgumentException snake = assertThrows(IllegalArgumentException.class,
        () -> deployments.update(MY_LLAMA).putExtra("autoscaling_policy", Map.of()));
    IllegalArgumentException inSpec = assertThrows(IllegalArgumentException.class,
        () -> DeploymentSpec.builder().baseModel(LLAMA).putExtra("enableSessionAffinity", true).build());

    assertTrue(camel.getMessage().contains("use minReplicaCount(...) instead"), camel.getMessage());
    assertTrue(snake.getMessage().contains("scaleUpWindow(...), scaleDownWindow(...), scaleToZeroWindow(...)"),
        snake.getMessage());
    assertTrue(inSpec.getMessage().contains("use enableSessionAffinity(...) instead"), inSpec.getMessage());
    assertEquals(0, server.getRequestCount(), "nothing was sent");
  }

  @Test
  void annotationKeysOutsideCustomAreRefusedBeforeSendingUnlessTheCallerOptsOut() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> deployments.create(LLAMA).annotation("team", "support").submit());
    assertThrows(IllegalArgumentException.class,
        () -> deployments.update(MY_LLAMA).annotations(Map.of("owner", "ops")).submit());
    assertTrue(e.getMessage().contains("[team] are outside custom/") && e.getMessage()
        .contains("allowNonCustomAnnotations"), e.getMessage());
    assertEquals(0, server.getRequestCount(), "nothing was sent");

    server.enqueue(Fixtures.json(403, "{\"code\": 7, \"message\": \"annotation key \\\"team\\\" is not "
        + "customer-writable\", \"details\": []}"));
    PermissionDeniedException denied = assertThrows(PermissionDeniedException.class,
        () -> deployments.create(LLAMA).allowNonCustomAnnotations().annotation("team", "support").submit());

    assertTrue(denied.getMessage().contains("the server refused annotation keys [team] (only keys under custom/ are "
        + "customer-writable for this account; the API key itself was accepted)"), denied.getMessage());
    assertEquals("req-7f3a", denied.requestId().orElseThrow());
    assertEquals("support", body(take()).at("/annotations/team").asText(), "opted out: the key was sent");
  }

  @Test
  void createSendsOnlyTheSetFieldsInCamelCaseWithProtobufDurations() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment-creating.json")));

    Deployment created = deployments.create(LLAMA).deploymentId("my-llama")
        .displayName("Llama for support")
        .minReplicaCount(0).maxReplicaCount(2)
        .scaleUpWindow(Duration.ofSeconds(30)).scaleDownWindow(Duration.ofMinutes(10))
        .scaleToZeroWindow(Duration.ofMinutes(5))
        .loadTargets(Map.of("default", 0.7))
        .acceleratorType(AcceleratorType.NVIDIA_H100_80GB).acceleratorCount(2)
        .precision(Precision.FP8).longPrompt(true).enableAddons(true)
        .region(Region.US_VIRGINIA_1)
        .submit();

    RecordedRequest sent = take();
    assertEquals("POST", sent.getMethod());
    assertEquals("/v1/accounts/acme/deployments?deploymentId=my-llama", sent.getTarget());
    assertEquals("Bearer fw-secret-key", sent.getHeaders().get("Authorization"));
    assertEquals(tree("{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\","
        + "\"displayName\":\"Llama for support\",\"minReplicaCount\":0,\"maxReplicaCount\":2,"
        + "\"autoscalingPolicy\":{\"scaleUpWindow\":\"30s\",\"scaleDownWindow\":\"600s\",\"scaleToZeroWindow\":\"300s\","
        + "\"loadTargets\":{\"default\":0.7}},"
        + "\"acceleratorType\":\"NVIDIA_H100_80GB\",\"acceleratorCount\":2,\"precision\":\"FP8\","
        + "\"autoTune\":{\"longPrompt\":true},\"enableAddons\":true,\"placement\":{\"region\":\"US_VIRGINIA_1\"}}"),
        body(sent));
    assertEquals(DeploymentState.CREATING, created.state());
    assertEquals(MY_LLAMA, created.name());
  }

  @Test
  void createWithOnlyAModelSendsOnlyBaseModelAndNoQuery() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment-creating.json")));

    deployments.create(LLAMA).submit();

    RecordedRequest sent = take();
    assertEquals("/v1/accounts/acme/deployments", sent.getTarget());
    assertEquals(tree("{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\"}"), body(sent));
  }

  @Test
  void createFlagsBecomeQueryParametersOnlyWhenSet() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment-creating.json")));

    deployments.create(LLAMA).deploymentId("my-llama").validateOnly().skipShapeValidation()
        .disableSpeculativeDecoding().deploymentShape("accounts/fireworks/deploymentShapes/llama-fast").submit();

    RecordedRequest sent = take();
    assertEquals("/v1/accounts/acme/deployments?deploymentId=my-llama&validateOnly=true&skipShapeValidation=true"
        + "&disableSpeculativeDecoding=true", sent.getTarget());
    assertEquals("accounts/fireworks/deploymentShapes/llama-fast", body(sent).get("deploymentShape").asText());
  }

  @Test
  void aValidateOnlyAnswerThatNamesNoDeploymentIsNamedByTheRequestedIdOrAPlaceholder() throws Exception {
    String unnamed = "{\"baseModel\": \"accounts/fireworks/models/llama-v3p2-3b-instruct\", \"minReplicaCount\": 1}";
    server.enqueue(ok(unnamed));
    server.enqueue(ok(unnamed.replace("{", "{\"name\": \"\", ")));
    server.enqueue(ok(Fixtures.text("deployment-creating.json")));

    Deployment asked = deployments.create(LLAMA).deploymentId("my-llama").validateOnly().submit();
    Deployment unasked = deployments.create(LLAMA).validateOnly().submit();
    Deployment named = deployments.create(LLAMA).deploymentId("other").validateOnly().submit();

    assertEquals(MY_LLAMA, asked.name());
    assertEquals(1, asked.minReplicaCount());
    assertEquals("accounts/acme/deployments/validate-only", unasked.name().toString());
    assertEquals(MY_LLAMA, named.name(), "a name the server gives is kept");
  }

  @Test
  void createFromASpecBuiltElsewhere() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment-creating.json")));
    DeploymentSpec spec = DeploymentSpec.builder().baseModel(LLAMA).deploymentId("my-llama").minReplicaCount(1)
        .putAnnotations("custom/team", "support").build();

    deployments.create(spec).submitAsync().get(5, TimeUnit.SECONDS);

    RecordedRequest sent = take();
    assertEquals("/v1/accounts/acme/deployments?deploymentId=my-llama", sent.getTarget());
    assertEquals(tree("{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"minReplicaCount\":1,"
        + "\"annotations\":{\"custom/team\":\"support\"}}"), body(sent));
  }

  @Test
  void aCreateRetriedAfterALostResponseResolvesTheConflictByReadingTheDeploymentBack() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(error(409, "ALREADY_EXISTS", "deployment my-llama already exists"));
    server.enqueue(ok(Fixtures.text("deployment-creating.json")));

    Deployment d = deployments.create(LLAMA).deploymentId("my-llama").minReplicaCount(0).maxReplicaCount(2)
        .acceleratorType(AcceleratorType.NVIDIA_H100_80GB).submit();

    assertEquals("POST", take().getMethod());
    assertEquals("POST", take().getMethod());
    RecordedRequest readBack = take();
    assertEquals("GET", readBack.getMethod());
    assertEquals("/v1/accounts/acme/deployments/my-llama", readBack.getTarget());
    assertEquals(MY_LLAMA, d.name());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void aFirstAttemptConflictIsAConflictUnlessTheCallerOptsIn() throws Exception {
    server.enqueue(error(409, "ALREADY_EXISTS", "deployment my-llama already exists"));

    ConflictException e = assertThrows(ConflictException.class,
        () -> deployments.create(LLAMA).deploymentId("my-llama").submit());

    assertEquals(409, e.statusCode());
    assertEquals(1, server.getRequestCount(), "no read-back without a retry or opt-in");
  }

  @Test
  void returnExistingIfMatchesReturnsAMatchingDeployment() throws Exception {
    server.enqueue(error(409, "ALREADY_EXISTS", "exists"));
    server.enqueue(ok(Fixtures.text("deployment.json")));

    Deployment d = deployments.create(LLAMA).deploymentId("my-llama").maxReplicaCount(2)
        .scaleToZeroWindow(Duration.ofMinutes(5)).deploymentShape("accounts/fireworks/deploymentShapes/llama-v3p2-3b-instruct-fast")
        .region(Region.US_VIRGINIA_1).returnExistingIfMatches().submit();

    assertEquals(DeploymentState.READY, d.state());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void returnExistingIfMatchesThrowsAConflictListingTheDifferences() throws Exception {
    server.enqueue(error(409, "ALREADY_EXISTS", "exists"));
    server.enqueue(ok(Fixtures.text("deployment.json")));

    ConflictException e = assertThrows(ConflictException.class, () -> deployments.create(LLAMA)
        .deploymentId("my-llama").acceleratorCount(4).returnExistingIfMatches().submit());

    assertTrue(e.getMessage().contains("acceleratorCount is 1, wanted 4"), e.getMessage());
    assertEquals("req-7f3a", e.requestId().orElseThrow());
  }

  @Test
  void getReadsTheDeployment() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment.json")));

    Deployment d = deployments.get(MY_LLAMA);

    RecordedRequest sent = take();
    assertEquals("GET", sent.getMethod());
    assertEquals("/v1/accounts/acme/deployments/my-llama", sent.getTarget());
    assertEquals(0, sent.getBodySize());
    assertEquals(DeploymentState.READY, d.state());
  }

  @Test
  void getOfAMissingDeploymentIsNotFound() {
    server.enqueue(error(404, "NOT_FOUND", "deployment not found"));

    NotFoundException e = assertThrows(NotFoundException.class, () -> deployments.get(MY_LLAMA));

    assertEquals(404, e.statusCode());
    assertFalse(e.getMessage().contains("fw-secret-key"));
  }

  @Test
  void listSendsParametersAndFollowsPageTokensToTheEnd() throws Exception {
    server.enqueue(ok(Fixtures.text("deployments-page1.json")));
    server.enqueue(ok(Fixtures.text("deployments-page2.json")));

    Page<Deployment> first = deployments.list(ListDeploymentsRequest.builder().pageSize(2)
        .filter("base_model=\"accounts/fireworks/models/llama-v3p1-8b-instruct\"").orderBy("create_time desc")
        .showDeleted(true).build());
    List<String> ids = first.stream().map(d -> d.name().id()).collect(Collectors.toList());

    assertEquals(List.of("alpha", "beta", "gamma"), ids);
    assertEquals(3, first.totalSize().getAsInt());
    RecordedRequest p1 = take();
    assertEquals("/v1/accounts/acme/deployments?pageSize=2"
        + "&filter=base_model%3D%22accounts%2Ffireworks%2Fmodels%2Fllama-v3p1-8b-instruct%22"
        + "&orderBy=create_time%20desc&showDeleted=true", p1.getTarget());
    RecordedRequest p2 = take();
    assertEquals("/v1/accounts/acme/deployments?pageSize=2&pageToken=opaque-token-2"
        + "&filter=base_model%3D%22accounts%2Ffireworks%2Fmodels%2Fllama-v3p1-8b-instruct%22"
        + "&orderBy=create_time%20desc&showDeleted=true", p2.getTarget());
    assertEquals(2, server.getRequestCount(), "an empty nextPageToken ends the listing");
  }

  @Test
  void listWithDefaultsSendsNoParameters() throws Exception {
    server.enqueue(ok("{}"));

    Page<Deployment> page = deployments.list();

    assertEquals("/v1/accounts/acme/deployments", take().getTarget());
    assertTrue(page.items().isEmpty());
    assertFalse(page.hasNextPage());
  }

  @Test
  void updateSendsOnlyTheChangedFieldsAndTheirSnakeCaseLeafMask() throws Exception {
    server.enqueue(ok(Fixtures.deployment("UPDATING")));

    Deployment d = deployments.update(MY_LLAMA).minReplicaCount(1).maxReplicaCount(3)
        .scaleToZeroWindow(Duration.ofMinutes(15)).scaleUpWindow(Duration.ofSeconds(45)).longPrompt(true)
        .acceleratorCount(2).enableAddons(false).displayName("renamed").precision(Precision.BF16).submit();

    RecordedRequest sent = take();
    assertEquals("PATCH", sent.getMethod());
    assertEquals("/v1/accounts/acme/deployments/my-llama?updateMask=display_name%2Cmin_replica_count%2C"
        + "max_replica_count%2Cautoscaling_policy.scale_up_window%2Cautoscaling_policy.scale_to_zero_window%2C"
        + "accelerator_count%2Cprecision%2Cauto_tune.long_prompt%2Cenable_addons", sent.getTarget());
    assertEquals(tree("{\"displayName\":\"renamed\",\"minReplicaCount\":1,\"maxReplicaCount\":3,"
        + "\"autoscalingPolicy\":{\"scaleUpWindow\":\"45s\",\"scaleToZeroWindow\":\"900s\"},\"acceleratorCount\":2,"
        + "\"precision\":\"BF16\",\"autoTune\":{\"longPrompt\":true},\"enableAddons\":false}"), body(sent));
    assertEquals(DeploymentState.UPDATING, d.state());
  }

  @Test
  void updateOfOneFieldSendsNothingElse() throws Exception {
    server.enqueue(ok(Fixtures.deployment("READY")));

    deployments.update(MY_LLAMA).description("now with notes").skipShapeValidation().submit();

    RecordedRequest sent = take();
    assertEquals("/v1/accounts/acme/deployments/my-llama?updateMask=description&skipShapeValidation=true",
        sent.getTarget());
    assertEquals(tree("{\"description\":\"now with notes\"}"), body(sent));
  }

  @Test
  void scalePatchesTheCustomMethodWithTheReplicaCount() throws Exception {
    server.enqueue(ok("{}"));

    deployments.scaleAsync(MY_LLAMA, 0).get(5, TimeUnit.SECONDS);

    RecordedRequest sent = take();
    assertEquals("PATCH", sent.getMethod());
    assertEquals("/v1/accounts/acme/deployments/my-llama:scale", sent.getTarget());
    assertEquals(tree("{\"replicaCount\":0}"), body(sent));
  }

  @Test
  void deleteIsSoftByDefault() throws Exception {
    server.enqueue(ok("{}"));

    deployments.delete(MY_LLAMA);

    RecordedRequest sent = take();
    assertEquals("DELETE", sent.getMethod());
    assertEquals("/v1/accounts/acme/deployments/my-llama", sent.getTarget());
  }

  @Test
  void hardDeleteAndIgnoreChecksAreQueryFlags() throws Exception {
    server.enqueue(ok("{}"));

    deployments.deleteAsync(MY_LLAMA, DeleteOptions.builder().hard(true).ignoreChecks(true).build())
        .get(5, TimeUnit.SECONDS);

    assertEquals("/v1/accounts/acme/deployments/my-llama?hard=true&ignoreChecks=true", take().getTarget());
  }

  @Test
  void undeletePostsAnEmptyObjectToTheCustomMethod() throws Exception {
    server.enqueue(ok(Fixtures.deployment("READY")));

    Deployment d = deployments.undelete(MY_LLAMA);

    RecordedRequest sent = take();
    assertEquals("POST", sent.getMethod());
    assertEquals("/v1/accounts/acme/deployments/my-llama:undelete", sent.getTarget());
    assertEquals(tree("{}"), body(sent));
    assertEquals(DeploymentState.READY, d.state());
  }

  @Test
  void addonsAndModelsShareTheClient() throws Exception {
    server.enqueue(ok(AddonFixtures.text("model-base.json")));

    Model m = deployments.models().get(ModelName.parse("llama-v3p1-8b-instruct"));

    assertEquals("/v1/accounts/fireworks/models/llama-v3p1-8b-instruct", take().getTarget());
    assertEquals(ModelKind.HF_BASE_MODEL, m.kind());
    assertTrue(deployments.addons() != null);
  }

  @Test
  void asyncResultsCompleteOffTheHttpThreads() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment.json")));

    String thread = deployments.getAsync(MY_LLAMA).thenApply(d -> Thread.currentThread().getName())
        .get(5, TimeUnit.SECONDS);

    assertTrue(thread.startsWith("fireworks-callback"), thread);
  }
}
