package ai.fireworks.sdk.deployments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every client-side rule fails before anything is sent, naming the field, the value and the rule. */
class DeploymentValidationTest {
  static final ModelName LLAMA = ModelName.parse("accounts/fireworks/models/llama-v3p2-3b-instruct");
  static final DeploymentName MY_LLAMA = DeploymentName.parse("accounts/acme/deployments/my-llama");

  @StartStop final MockWebServer server = new MockWebServer();
  private FireworksClient fw;
  private DeploymentsClient deployments;

  @BeforeEach
  void setUp() {
    fw = FireworksClient.builder().apiKey("fw-secret-key").accountId("acme").baseUrl(server.url("/").toString()).build();
    deployments = DeploymentsClient.of(fw);
  }

  @AfterEach
  void tearDown() {
    fw.close();
  }

  private String rejectedCreate(Consumer<CreateDeploymentRequest> settings) {
    CreateDeploymentRequest request = deployments.create(LLAMA);
    settings.accept(request);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, request::submit);
    assertThrows(IllegalArgumentException.class, request::submitAsync, "async validates at once too");
    assertEquals(0, server.getRequestCount(), "nothing was sent");
    return e.getMessage();
  }

  private String rejectedUpdate(Consumer<UpdateDeploymentRequest> settings) {
    UpdateDeploymentRequest request = deployments.update(MY_LLAMA);
    settings.accept(request);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, request::submit);
    assertEquals(0, server.getRequestCount(), "nothing was sent");
    return e.getMessage();
  }

  @Test
  void deploymentIdFollowsTheApiIdRule() {
    String m = rejectedCreate(r -> r.deploymentId("My_Llama"));
    assertTrue(m.contains("deploymentId 'My_Llama'") && m.contains("a-z, 0-9"), m);
    assertTrue(rejectedCreate(r -> r.deploymentId("9lives")).contains("starts with '9'"));
    assertTrue(rejectedCreate(r -> r.deploymentId("trailing-")).contains("ends with '-'"));
    assertTrue(rejectedCreate(r -> r.deploymentId("a".repeat(64))).contains("64 characters"));
  }

  @Test
  void replicaCountsAreNonNegative() {
    assertEquals("minReplicaCount must be at least 0, was -1", rejectedCreate(r -> r.minReplicaCount(-1)));
    assertEquals("maxReplicaCount must be at least 0, was -2", rejectedCreate(r -> r.maxReplicaCount(-2)));
    assertEquals("minReplicaCount must be at least 0, was -1", rejectedUpdate(r -> r.minReplicaCount(-1)));
  }

  @Test
  void minMustNotExceedMax() {
    String m = rejectedCreate(r -> r.minReplicaCount(3).maxReplicaCount(2));
    assertTrue(m.contains("minReplicaCount must not exceed maxReplicaCount, was min 3 > max 2"), m);
    assertTrue(rejectedUpdate(r -> r.minReplicaCount(3).maxReplicaCount(1)).contains("min 3 > max 1"));
  }

  @Test
  void scaleToZeroWindowIsAtLeastFiveMinutes() {
    assertEquals("scaleToZeroWindow must be at least 5m, was 4m59s (Fireworks does not scale to zero sooner)",
        rejectedCreate(r -> r.scaleToZeroWindow(Duration.ofSeconds(299))));
    assertTrue(rejectedUpdate(r -> r.scaleToZeroWindow(Duration.ofMinutes(1))).contains("at least 5m, was 1m"));
  }

  @Test
  void scaleUpAndDownWindowsAreAtMostOneHourAndNotNegative() {
    assertEquals("scaleUpWindow must be at most 1h, was 1h0m1s",
        rejectedCreate(r -> r.scaleUpWindow(Duration.ofSeconds(3601))));
    assertEquals("scaleDownWindow must be at most 1h, was 2h0m0s",
        rejectedCreate(r -> r.scaleDownWindow(Duration.ofHours(2))));
    assertTrue(rejectedCreate(r -> r.scaleUpWindow(Duration.ofSeconds(-1))).contains("scaleUpWindow must not be negative"));
    assertTrue(rejectedUpdate(r -> r.scaleDownWindow(Duration.ofMinutes(61))).contains("scaleDownWindow must be at most 1h"));
  }

  @Test
  void acceleratorCountIsAtLeastOne() {
    assertEquals("acceleratorCount must be at least 1, was 0", rejectedCreate(r -> r.acceleratorCount(0)));
    assertEquals("acceleratorCount must be at least 1, was 0", rejectedUpdate(r -> r.acceleratorCount(0)));
  }

  @Test
  void displayNameIsShorterThan64Characters() {
    String m = rejectedCreate(r -> r.displayName("x".repeat(64)));
    assertTrue(m.startsWith("displayName must be shorter than 64 characters, was 64 characters"), m);
    assertTrue(rejectedUpdate(r -> r.displayName("y".repeat(80))).contains("was 80 characters"));
  }

  @Test
  void anEmptyUpdateIsRefused() {
    assertTrue(rejectedUpdate(r -> { }).contains("sets no fields"));
  }

  @Test
  void returnExistingIfMatchesNeedsAnId() {
    assertTrue(rejectedCreate(CreateDeploymentRequest::returnExistingIfMatches).contains("needs a deploymentId"));
  }

  @Test
  void scaleToANegativeCountIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> deployments.scale(MY_LLAMA, -1));
    assertEquals("replicaCount must be at least 0, was -1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> deployments.scaleAsync(MY_LLAMA, -3));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void pageSizeBelowOneIsRefusedAndAbove200IsSentAs200() throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ListDeploymentsRequest.builder().pageSize(0).build());
    assertEquals("pageSize must be at least 1, was 0", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ListDeployedModelsRequest.builder().pageSize(-1).build());
    assertThrows(IllegalArgumentException.class, () -> ListDeploymentShapesRequest.builder().pageSize(0).build());
    assertThrows(IllegalArgumentException.class, () -> ListModelsRequest.builder().pageSize(0).build());
    assertEquals(0, server.getRequestCount());

    assertEquals(200, ListDeployedModelsRequest.builder().pageSize(201).build().pageSize().orElseThrow());
    assertEquals(200, ListDeploymentShapesRequest.builder().pageSize(1000).build().pageSize().orElseThrow());
    assertEquals(200, ListModelsRequest.builder().pageSize(Integer.MAX_VALUE).build().pageSize().orElseThrow());
    assertEquals(200, ListDeploymentsRequest.builder().pageSize(200).build().pageSize().orElseThrow());
    server.enqueue(Fixtures.ok("{\"deployments\":[]}"));
    deployments.list(ListDeploymentsRequest.builder().pageSize(500).build());
    assertEquals("/v1/accounts/acme/deployments?pageSize=200", server.takeRequest().getTarget());
  }

  @Test
  void aShapeAndAnAcceleratorTypeAreNotSentTogether() {
    String create = rejectedCreate(r -> r.deploymentShape("fast").acceleratorType(AcceleratorType.NVIDIA_H100_80GB));
    assertEquals("deploymentShape and acceleratorType must not both be set, was deploymentShape 'fast' and"
        + " acceleratorType NVIDIA_H100_80GB: the shape owns the hardware (omit acceleratorType, or omit"
        + " deploymentShape)", create);
    String update = rejectedUpdate(r -> r.acceleratorType(AcceleratorType.NVIDIA_H200_141GB).deploymentShape("throughput"));
    assertTrue(update.contains("deploymentShape 'throughput' and acceleratorType NVIDIA_H200_141GB"), update);
    IllegalArgumentException spec = assertThrows(IllegalArgumentException.class, () -> DeploymentSpec.builder()
        .baseModel(LLAMA).deploymentShape("minimal").acceleratorType(AcceleratorType.NVIDIA_A100_80GB).build());
    assertTrue(spec.getMessage().contains("the shape owns the hardware"), spec.getMessage());
  }

  @Test
  void unspecifiedEnumValuesAreNotSent() {
    assertTrue(rejectedCreate(r -> r.acceleratorType(AcceleratorType.ACCELERATOR_TYPE_UNSPECIFIED))
        .startsWith("acceleratorType must not be ACCELERATOR_TYPE_UNSPECIFIED: that is the API's placeholder"));
    assertTrue(rejectedCreate(r -> r.precision(Precision.PRECISION_UNSPECIFIED))
        .startsWith("precision must not be PRECISION_UNSPECIFIED"));
    assertTrue(rejectedCreate(r -> r.region(Region.REGION_UNSPECIFIED))
        .startsWith("placement.region must not be REGION_UNSPECIFIED"));
    assertTrue(rejectedUpdate(r -> r.acceleratorType(AcceleratorType.ACCELERATOR_TYPE_UNSPECIFIED))
        .startsWith("acceleratorType must not be ACCELERATOR_TYPE_UNSPECIFIED"));
    assertTrue(rejectedUpdate(r -> r.precision(Precision.PRECISION_UNSPECIFIED))
        .startsWith("precision must not be PRECISION_UNSPECIFIED"));
    assertThrows(IllegalArgumentException.class, () -> DeploymentSpec.builder().baseModel(LLAMA)
        .precision(Precision.of("PRECISION_UNSPECIFIED")).build());
  }

  @Test
  void enumValuesThisSdkDoesNotKnowAreSent() throws Exception {
    server.enqueue(Fixtures.ok(Fixtures.text("deployment-creating.json")));

    deployments.create(LLAMA).acceleratorType(AcceleratorType.of("NVIDIA_X300_512GB")).precision(Precision.of("FP2"))
        .region(Region.of("MARS_OLYMPUS_1")).submit();

    assertEquals(Fixtures.tree("{\"baseModel\":\"" + LLAMA + "\",\"acceleratorType\":\"NVIDIA_X300_512GB\","
        + "\"precision\":\"FP2\",\"placement\":{\"region\":\"MARS_OLYMPUS_1\"}}"), Fixtures.body(server.takeRequest()));
  }

  @Test
  void aPlacementSetsExactlyOneOfRegionMultiRegionAndRegions() {
    assertEquals("placement must set exactly one of region, multiRegion or a non-empty regions list, was none"
        + " (regions empty)", rejectedCreate(r -> r.placement(Placement.builder().build())));
    assertEquals("placement must set exactly one of region, multiRegion or a non-empty regions list, was region"
        + " US_VIRGINIA_1 and multiRegion US", rejectedCreate(r -> r.placement(
            Placement.builder().region(Region.US_VIRGINIA_1).multiRegion("US").build())));
    assertTrue(rejectedCreate(r -> r.placement(Placement.builder().multiRegion("EUROPE")
        .addRegions(Region.EU_PARIS_1).build())).endsWith("was multiRegion EUROPE and regions [EU_PARIS_1]"));
    assertTrue(rejectedCreate(r -> r.placement(Placement.builder().multiRegion("MULTI_REGION_UNSPECIFIED").build()))
        .startsWith("placement.multiRegion must be a multi-region such as GLOBAL, US, EUROPE or APAC, was"
            + " 'MULTI_REGION_UNSPECIFIED'"));
    assertTrue(rejectedCreate(r -> r.placement(Placement.builder().addRegions(Region.US_IOWA_1, Region.REGION_UNSPECIFIED)
        .build())).startsWith("placement.regions must not be REGION_UNSPECIFIED"));
    assertThrows(IllegalArgumentException.class, () -> DeploymentSpec.builder().baseModel(LLAMA)
        .placement(Placement.builder().build()).build());
  }

  @Test
  void validPlacementsAreSentAsGiven() throws Exception {
    server.enqueue(Fixtures.ok(Fixtures.text("deployment-creating.json")));
    server.enqueue(Fixtures.ok(Fixtures.text("deployment-creating.json")));

    deployments.create(LLAMA).placement(Placement.builder().multiRegion("GLOBAL").build()).submit();
    deployments.create(LLAMA).placement(Placement.builder().addRegions(Region.US_IOWA_1, Region.EU_PARIS_1).build())
        .submit();

    assertEquals(Fixtures.tree("{\"multiRegion\":\"GLOBAL\"}"), Fixtures.body(server.takeRequest()).get("placement"));
    assertEquals(Fixtures.tree("{\"regions\":[\"US_IOWA_1\",\"EU_PARIS_1\"]}"),
        Fixtures.body(server.takeRequest()).get("placement"));
  }

  @Test
  void whatTheServerReportsIsReadWithoutTheseChecks() {
    server.enqueue(Fixtures.ok(Fixtures.edited("deployment.json", n -> {
      n.put("acceleratorType", "ACCELERATOR_TYPE_UNSPECIFIED").put("precision", "PRECISION_UNSPECIFIED");
      n.putObject("placement").put("region", "REGION_UNSPECIFIED").put("multiRegion", "MULTI_REGION_UNSPECIFIED");
    })));

    Deployment d = deployments.get(MY_LLAMA);

    assertEquals(AcceleratorType.ACCELERATOR_TYPE_UNSPECIFIED, d.acceleratorType().orElseThrow());
    assertEquals(Precision.PRECISION_UNSPECIFIED, d.precision().orElseThrow());
    assertTrue(d.deploymentShape().isPresent(), "the fixture reports a shape and an accelerator type");
    Placement p = d.placement().orElseThrow();
    assertEquals(Region.REGION_UNSPECIFIED, p.region().orElseThrow());
    assertEquals("MULTI_REGION_UNSPECIFIED", p.multiRegion().orElseThrow());
  }

  @Test
  void anExtraNamingAReadOnlyFieldIsRefused() {
    for (String field : List.of("name", "createTime", "update_time", "deleteTime", "purge_time", "state", "status",
        "desiredReplicaCount", "replica_count", "cluster", "directRouteHandle", "region", "replica_stats")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> deployments.create(LLAMA).putExtra(field, "x"), field);
      assertTrue(e.getMessage().startsWith("extra field \"" + field + "\" is read-only: the server sets"),
          e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> deployments.update(MY_LLAMA).putExtra(field, 1), field);
    }
    assertThrows(IllegalArgumentException.class,
        () -> DeploymentSpec.builder().baseModel(LLAMA).putExtra("create_time", "2026-01-01T00:00:00Z").build());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void applyAndPlanNeedADeploymentId() {
    DeploymentSpec spec = DeploymentSpec.builder().baseModel(LLAMA).build();
    assertThrows(IllegalArgumentException.class, () -> deployments.plan(spec));
    assertThrows(IllegalArgumentException.class, () -> deployments.apply(spec));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void unsetMaxIsShownAsTheServerDefaultButNotSent() {
    DeploymentSpec zero = DeploymentSpec.builder().baseModel(LLAMA).build();
    DeploymentSpec three = DeploymentSpec.builder().baseModel(LLAMA).minReplicaCount(3).build();

    assertEquals(0, zero.effectiveMinReplicaCount());
    assertEquals(1, zero.effectiveMaxReplicaCount());
    assertEquals(3, three.effectiveMaxReplicaCount());
    assertTrue(three.maxReplicaCount().isEmpty());
    assertTrue(three.toString().contains("effectiveMaxReplicaCount=3"), three.toString());
  }

  @Test
  void longPromptWithOneAcceleratorWarnsButIsSent() throws Exception {
    Logger logger = Logger.getLogger("ai.fireworks.sdk.deployments");
    List<LogRecord> records = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(capture);
    try {
      server.enqueue(Fixtures.ok(Fixtures.text("deployment-creating.json")));

      deployments.create(LLAMA).longPrompt(true).acceleratorCount(1).submit();

      assertEquals(1, server.getRequestCount(), "a warning, not a failure");
      assertEquals(1, records.size());
      assertEquals(Level.WARNING, records.get(0).getLevel());
      assertTrue(records.get(0).getMessage().contains("acceleratorCount=1"), records.get(0).getMessage());
    } finally {
      logger.removeHandler(capture);
    }
  }
}
