package ai.fireworks.sdk.deployments;

import static ai.fireworks.sdk.deployments.Fixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.Page;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentShapesClientTest {
  private static final DeploymentShapeName FAST = DeploymentShapeName.parse(
      "accounts/fireworks/deploymentShapes/llama-v3p2-3b-instruct-fast");
  private static final String SHAPE = "{\"name\": \"" + FAST + "\", \"displayName\": \"Llama fast\", \"baseModel\": \""
      + DeploymentsClientTest.LLAMA + "\", \"parameterCount\": \"3212749824\", \"acceleratorType\": \"NVIDIA_H100_80GB\","
      + " \"acceleratorCount\": 1, \"precision\": \"FP8\", \"presetType\": \"FAST\", \"someNewField\": {\"x\": 1}}";

  @StartStop final MockWebServer server = new MockWebServer();
  private FireworksClient fw;
  private DeploymentShapesClient shapes;

  @BeforeEach
  void setUp() {
    fw = FireworksClient.builder().apiKey("fw-secret-key").accountId("acme").baseUrl(server.url("/").toString()).build();
    shapes = DeploymentShapesClient.of(fw);
  }

  @AfterEach
  void tearDown() {
    fw.close();
  }

  private String target() throws InterruptedException {
    return server.takeRequest(5, TimeUnit.SECONDS).getTarget();
  }

  @Test
  void getReadsAShapeLeniently() throws Exception {
    server.enqueue(json(200, SHAPE));

    DeploymentShape s = shapes.get(FAST);

    assertEquals("/v1/accounts/fireworks/deploymentShapes/llama-v3p2-3b-instruct-fast", target());
    assertEquals(FAST, s.shapeName().orElseThrow());
    assertEquals(3_212_749_824L, s.parameterCount().orElseThrow());
    assertEquals(AcceleratorType.NVIDIA_H100_80GB, s.acceleratorType().orElseThrow());
    assertEquals("FAST", s.presetType().orElseThrow());
  }

  @Test
  void getVersionReadsTheSnapshotIncludingLatest() throws Exception {
    server.enqueue(json(200, "{\"name\": \"" + FAST + "/versions/3\", \"snapshot\": " + SHAPE
        + ", \"validated\": true, \"latestValidated\": true, \"public\": true}"));

    DeploymentShapeVersion v = shapes.getVersion(FAST.withVersion("latest"));

    assertEquals("/v1/accounts/fireworks/deploymentShapes/llama-v3p2-3b-instruct-fast/versions/latest", target());
    assertEquals(FAST + "/versions/3", v.name());
    assertTrue(v.validated() && v.latestValidated() && v.isPublic());
    assertEquals(1, v.snapshot().orElseThrow().acceleratorCount().orElseThrow());
  }

  @Test
  void listSendsTargetModelAndFollowsPages() throws Exception {
    server.enqueue(json(200, "{\"deploymentShapes\": [" + SHAPE + "], \"nextPageToken\": \"p2\", \"totalSize\": 2}"));
    server.enqueue(json(200, "{\"deploymentShapes\": [" + SHAPE.replace("-fast", "-minimal") + "]}"));

    Page<DeploymentShape> page = shapes.list(DeploymentShapesClient.FIREWORKS, ListDeploymentShapesRequest.builder()
        .targetModel(DeploymentsClientTest.LLAMA).pageSize(1).build());
    List<String> names = page.stream().map(DeploymentShape::name).collect(Collectors.toList());

    assertEquals(2, names.size());
    assertTrue(names.get(1).endsWith("-minimal"), names.toString());
    assertEquals("/v1/accounts/fireworks/deploymentShapes?pageSize=1&targetModel=accounts%2Ffireworks%2Fmodels%2F"
        + "llama-v3p2-3b-instruct", target());
    assertEquals("/v1/accounts/fireworks/deploymentShapes?pageSize=1&pageToken=p2&targetModel=accounts%2Ffireworks%2F"
        + "models%2Fllama-v3p2-3b-instruct", target());
  }

  @Test
  void listVersionsUsesTheVersionsCollection() throws Exception {
    server.enqueue(json(200, "{\"deploymentShapeVersions\": [{\"name\": \"" + FAST + "/versions/1\"}]}"));

    Page<DeploymentShapeVersion> page = shapes.listVersions(FAST, ListDeploymentShapesRequest.all());

    assertEquals("/v1/accounts/fireworks/deploymentShapes/llama-v3p2-3b-instruct-fast/versions", target());
    assertEquals(FAST + "/versions/1", page.items().get(0).name());
  }

  @Test
  void shorthandsVersionMismatchesAndTargetModelOnVersionsAreRefusedBeforeSending() {
    assertThrows(IllegalArgumentException.class, () -> shapes.get(DeploymentShapeName.parse("fast")));
    assertThrows(IllegalArgumentException.class, () -> shapes.get(FAST.withVersion("1")));
    assertThrows(IllegalArgumentException.class, () -> shapes.getVersion(FAST));
    assertThrows(IllegalArgumentException.class, () -> shapes.listVersions(FAST,
        ListDeploymentShapesRequest.forModel(DeploymentsClientTest.LLAMA)));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aMissingShapeIsNotFound() {
    server.enqueue(Fixtures.error(404, "NOT_FOUND", "deployment shape not found"));

    assertThrows(NotFoundException.class, () -> shapes.get(DeploymentShapeName.parse(
        "accounts/fireworks/deploymentShapes/nope")));
  }
}
