package ai.fireworks.sdk.deployments;

import static ai.fireworks.sdk.deployments.Fixtures.body;
import static ai.fireworks.sdk.deployments.Fixtures.error;
import static ai.fireworks.sdk.deployments.Fixtures.ok;
import static ai.fireworks.sdk.deployments.Fixtures.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.WaitOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplyPlanTest {
  static final ModelName LLAMA = ModelName.parse("accounts/fireworks/models/llama-v3p2-3b-instruct");
  static final DeploymentName MY_LLAMA = DeploymentName.parse("accounts/acme/deployments/my-llama");
  static final String PATH = "/v1/accounts/acme/deployments/my-llama";

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

  private static DeploymentSpec.Builder spec() {
    return DeploymentSpec.builder().baseModel(LLAMA).deploymentId("my-llama");
  }

  /**
   * A spec that matches deployment.json in every field it sets. deployment.json reports both a shape
   * and an accelerator type; a spec may send only one of them, here the shape.
   */
  private static DeploymentSpec.Builder matching() {
    return spec().minReplicaCount(0).maxReplicaCount(2).scaleToZeroWindow(Duration.ofMinutes(5))
        .acceleratorCount(1).enableAddons(true).longPrompt(false)
        .precision(Precision.FP8).placement(Placement.ofRegion(Region.US_VIRGINIA_1))
        .deploymentShape("accounts/fireworks/deploymentShapes/llama-v3p2-3b-instruct-fast");
  }

  private List<String> sent(int n) throws InterruptedException {
    List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      lines.add(r.getMethod() + " " + r.getTarget());
    }
    return lines;
  }

  @Test
  void planOfAnAbsentDeploymentIsCreateShowingTheServerDefaults() throws Exception {
    server.enqueue(error(404, "NOT_FOUND", "not found"));

    DeploymentPlan plan = deployments.plan(spec().minReplicaCount(0).scaleToZeroWindow(Duration.ofMinutes(5)).build());

    assertEquals(PlanAction.CREATE, plan.action());
    assertEquals(List.of("GET " + PATH), sent(1));
    assertEquals(1, server.getRequestCount(), "plan only reads");
    String printed = plan.toString();
    assertTrue(printed.startsWith("CREATE accounts/acme/deployments/my-llama"), printed);
    assertTrue(printed.contains("maxReplicaCount: 1 (server default, not sent)"), printed);
    assertTrue(printed.contains("autoscalingPolicy.scaleToZeroWindow: 5m"), printed);
  }

  @Test
  void applyCreatesAnAbsentDeploymentSendingOnlyTheSetFields() throws Exception {
    server.enqueue(error(404, "NOT_FOUND", "not found"));
    server.enqueue(ok(Fixtures.text("deployment-creating.json")));

    ApplyResult result = deployments.apply(spec().maxReplicaCount(2).enableAddons(true).build());

    assertEquals(PlanAction.CREATE, result.plan().action());
    assertEquals(DeploymentState.CREATING, result.deployment().state());
    server.takeRequest();
    RecordedRequest create = server.takeRequest();
    assertEquals("POST /v1/accounts/acme/deployments?deploymentId=my-llama", create.getMethod() + " " + create.getTarget());
    assertEquals(tree("{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"maxReplicaCount\":2,"
        + "\"enableAddons\":true}"), body(create));
  }

  @Test
  void applyPatchesExactlyTheDifferingFields() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment.json")));
    server.enqueue(ok(Fixtures.deployment("UPDATING")));
    DeploymentSpec desired = matching().minReplicaCount(1).scaleToZeroWindow(Duration.ofMinutes(15)).longPrompt(true)
        .build();

    ApplyResult result = deployments.apply(desired);

    DeploymentPlan plan = result.plan();
    assertEquals(PlanAction.UPDATE, plan.action());
    assertEquals(List.of("minReplicaCount: 0 -> 1", "autoscalingPolicy.scaleToZeroWindow: 5m -> 15m",
        "autoTune.longPrompt: false -> true"), plan.changes().stream().map(Object::toString).collect(Collectors.toList()));
    server.takeRequest();
    RecordedRequest patch = server.takeRequest();
    assertEquals("PATCH", patch.getMethod());
    assertEquals(PATH + "?updateMask=min_replica_count%2Cautoscaling_policy.scale_to_zero_window%2Cauto_tune.long_prompt",
        patch.getTarget());
    assertEquals(tree("{\"minReplicaCount\":1,\"autoscalingPolicy\":{\"scaleToZeroWindow\":\"900s\"},"
        + "\"autoTune\":{\"longPrompt\":true}}"), body(patch));
    assertEquals(DeploymentState.UPDATING, result.deployment().state());
  }

  @Test
  void raisingTheMinimumAboveTheCurrentMaximumAlsoRaisesTheMaximumAsTheServerDefaultWould() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment.json")));

    DeploymentPlan plan = deployments.plan(spec().minReplicaCount(3).build());

    assertEquals(PlanAction.UPDATE, plan.action());
    assertEquals(List.of("minReplicaCount: 0 -> 3", "maxReplicaCount: 2 -> 3"),
        plan.changes().stream().map(Object::toString).collect(Collectors.toList()));
  }

  @Test
  void aMatchingDeploymentNeedsNoChangeAndNothingIsSent() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment.json")));

    ApplyResult result = deployments.apply(matching().build());

    assertEquals(PlanAction.NO_CHANGE, result.plan().action());
    assertTrue(result.plan().isNoOp());
    assertEquals(1, server.getRequestCount(), "only the GET");
    assertEquals(DeploymentState.READY, result.deployment().state());
  }

  @Test
  void regionAndAcceleratorTypeChangesAreRefusedWithReasons() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment.json")));
    server.enqueue(ok(Fixtures.text("deployment.json")));
    DeploymentSpec moved = spec().placement(Placement.ofRegion(Region.EU_FRANKFURT_1))
        .acceleratorType(AcceleratorType.NVIDIA_B200_180GB).minReplicaCount(1).build();

    DeploymentPlan plan = deployments.plan(moved);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> deployments.apply(moved));

    assertEquals(PlanAction.REFUSED, plan.action());
    assertTrue(plan.changes().isEmpty());
    assertEquals(2, plan.problems().size());
    assertTrue(e.getMessage().contains("cannot change acceleratorType of accounts/acme/deployments/my-llama from "
        + "NVIDIA_H100_80GB to NVIDIA_B200_180GB in place"), e.getMessage());
    assertTrue(e.getMessage().contains("cannot change placement") && e.getMessage().contains("fixed at creation"),
        e.getMessage());
    assertEquals(2, server.getRequestCount(), "only the two GETs; no PATCH");
  }

  @Test
  void aFailedDeploymentIsReportedByDefault() throws Exception {
    server.enqueue(ok(Fixtures.failed("RESOURCE_EXHAUSTED", "no capacity")));

    DeploymentFailedException e = assertThrows(DeploymentFailedException.class, () -> deployments.apply(matching().build()));

    assertEquals("RESOURCE_EXHAUSTED", e.statusCode().orElseThrow());
    assertTrue(e.getMessage().contains("FailedDeploymentPolicy.RECREATE"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aFailedDeploymentIsRecreatedWhenThePolicySaysSo() throws Exception {
    server.enqueue(ok(Fixtures.failed("RESOURCE_EXHAUSTED", "no capacity")));
    server.enqueue(ok("{}"));
    server.enqueue(error(404, "NOT_FOUND", "not found"));
    server.enqueue(ok(Fixtures.text("deployment-creating.json")));

    ApplyResult result = deployments.apply(matching().build(),
        ApplyOptions.builder().onFailed(FailedDeploymentPolicy.RECREATE).build());

    assertEquals(PlanAction.RECREATE, result.plan().action());
    assertEquals(List.of("GET " + PATH, "DELETE " + PATH + "?hard=true", "GET " + PATH,
        "POST /v1/accounts/acme/deployments?deploymentId=my-llama"), sent(4));
    assertEquals(DeploymentState.CREATING, result.deployment().state());
  }

  @Test
  void applyCanWaitUntilReady() throws Exception {
    server.enqueue(error(404, "NOT_FOUND", "not found"));
    server.enqueue(ok(Fixtures.text("deployment-creating.json")));
    server.enqueue(ok(Fixtures.deployment("READY")));

    ApplyResult result = deployments.applyAsync(spec().build(),
        ApplyOptions.builder().waitUntilReady(WaitOptions.defaults()).build()).get(10, TimeUnit.SECONDS);

    assertEquals(DeploymentState.READY, result.deployment().state());
    assertEquals(List.of("GET " + PATH, "POST /v1/accounts/acme/deployments?deploymentId=my-llama", "GET " + PATH), sent(3));
  }

  @Test
  void shorthandShapesAndVersionedShapesMatch() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment.json")));
    server.enqueue(ok(Fixtures.text("deployment.json")));

    assertEquals(PlanAction.NO_CHANGE, deployments.plan(spec().deploymentShape("fast").build()).action());
    DeploymentPlan other = deployments.plan(spec().deploymentShape("accounts/fireworks/deploymentShapes/other").build());
    assertEquals(PlanAction.UPDATE, other.action());
    assertFalse(other.changes().isEmpty());
  }

  @Test
  void aDeploymentReportingBothShapeAndAcceleratorTypeIsPlannedAndPatchedWithoutEither() throws Exception {
    server.enqueue(ok(Fixtures.text("deployment.json")));
    server.enqueue(ok(Fixtures.text("deployment.json")));
    server.enqueue(ok(Fixtures.deployment("UPDATING")));

    DeploymentPlan byType = deployments.plan(spec().acceleratorType(AcceleratorType.NVIDIA_H100_80GB).build());
    ApplyResult byShape = deployments.apply(matching().deploymentShape("accounts/fireworks/deploymentShapes/other").build());

    assertEquals(PlanAction.NO_CHANGE, byType.action());
    assertEquals(PlanAction.UPDATE, byShape.plan().action());
    server.takeRequest();
    server.takeRequest();
    RecordedRequest patch = server.takeRequest();
    assertEquals(PATH + "?updateMask=deployment_shape", patch.getTarget());
    assertEquals(tree("{\"deploymentShape\":\"accounts/fireworks/deploymentShapes/other\"}"), body(patch));
  }
}
