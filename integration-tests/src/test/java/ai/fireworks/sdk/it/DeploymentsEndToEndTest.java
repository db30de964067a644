package ai.fireworks.sdk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.Page;
import ai.fireworks.sdk.core.PermissionDeniedException;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.WaitProgress;
import ai.fireworks.sdk.deployments.AcceleratorType;
import ai.fireworks.sdk.deployments.ApplyOptions;
import ai.fireworks.sdk.deployments.ApplyResult;
import ai.fireworks.sdk.deployments.DeleteOptions;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentPlan;
import ai.fireworks.sdk.deployments.DeploymentShape;
import ai.fireworks.sdk.deployments.DeploymentShapeName;
import ai.fireworks.sdk.deployments.DeploymentShapeVersion;
import ai.fireworks.sdk.deployments.DeploymentShapesClient;
import ai.fireworks.sdk.deployments.DeploymentSpec;
import ai.fireworks.sdk.deployments.DeploymentState;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.deployments.ListDeploymentShapesRequest;
import ai.fireworks.sdk.deployments.ListDeploymentsRequest;
import ai.fireworks.sdk.deployments.PlanAction;
import ai.fireworks.sdk.deployments.Precision;
import ai.fireworks.sdk.deployments.Region;
import ai.fireworks.sdk.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real {@link DeploymentsClient} against the emulator, on the emulator's manual timeline. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DeploymentsEndToEndTest {
  static final ModelName LLAMA = ModelName.parse("accounts/fireworks/models/llama-v3p2-3b-instruct");
  private static final String DEPLOYMENTS = "/v1/accounts/acme/deployments";

  private final Sim sim = Sim.start();
  private final DeploymentsClient deployments = sim.deployments();

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void createWithWindowsAndAcceleratorsThenWaitUntilReadyOnTheEmulatorsTimeline() {
    Instant start = sim.now();
    Deployment created = sim.await(deployments.create(LLAMA).deploymentId("e2e-llama").displayName("E2E llama")
        .minReplicaCount(0).maxReplicaCount(2)
        .scaleUpWindow(Duration.ofSeconds(30)).scaleDownWindow(Duration.ofMinutes(10))
        .scaleToZeroWindow(Duration.ofMinutes(5))
        .acceleratorType(AcceleratorType.NVIDIA_H100_80GB).acceleratorCount(1).precision(Precision.FP8)
        .longPrompt(false).enableAddons(true).region(Region.US_IOWA_1)
        .submitAsync());

    assertEquals(DeploymentName.parse("accounts/acme/deployments/e2e-llama"), created.name());
    assertEquals(DeploymentState.CREATING, created.state());
    RecordedRequest post = sim.emulator.journal().requests("POST", DEPLOYMENTS).get(0);
    assertEquals("e2e-llama", post.queryParameter("deploymentId").orElseThrow());
    JsonNode body = post.bodyJson();
    assertEquals("300s", body.at("/autoscalingPolicy/scaleToZeroWindow").asText());
    assertEquals("30s", body.at("/autoscalingPolicy/scaleUpWindow").asText());
    assertEquals("600s", body.at("/autoscalingPolicy/scaleDownWindow").asText());
    assertEquals("NVIDIA_H100_80GB", body.path("acceleratorType").asText());
    assertEquals(1, body.path("acceleratorCount").asInt());
    assertEquals("FP8", body.path("precision").asText());
    assertTrue(body.path("enableAddons").asBoolean());
    assertEquals(0, body.path("minReplicaCount").asInt());
    assertFalse(body.has("state"), "read-only fields are never sent: " + body);

    List<WaitProgress> progress = Collections.synchronizedList(new ArrayList<>());
    Deployment ready = sim.await(deployments.waitUntilReady(created.name(),
        WaitOptions.builder().timeout(Duration.ofMinutes(5)).onProgress(progress::add).build()));

    assertEquals(DeploymentState.READY, ready.state());
    assertEquals(1, ready.replicaCount());
    assertEquals(Duration.ofMinutes(5), ready.autoscalingPolicy().orElseThrow().scaleToZeroWindow().orElseThrow());
    assertEquals(AcceleratorType.NVIDIA_H100_80GB, ready.acceleratorType().orElseThrow());
    Duration took = Duration.between(start, sim.now());
    assertTrue(took.compareTo(Duration.ofSeconds(30)) >= 0 && took.compareTo(Duration.ofSeconds(45)) <= 0,
        "READY after the emulator's 30 s CREATING, seen by polls at most a few seconds late: " + took);
    List<RecordedRequest> polls = sim.emulator.journal().requests("GET", DEPLOYMENTS + "/e2e-llama");
    assertEquals(progress.size(), polls.size(), "one progress report per poll");
    assertTrue(progress.get(0).state().startsWith("CREATING"), progress.get(0).state());
    assertTrue(progress.get(progress.size() - 1).state().startsWith("READY"));
    assertTrue(progress.stream().anyMatch(p -> p.state().contains("downloading")), "replica phases are reported");
    for (int i = 1; i < polls.size(); i++) {
      Duration gap = Duration.between(polls.get(i - 1).receivedAt(), polls.get(i).receivedAt());
      assertTrue(gap.compareTo(Duration.ofMillis(500)) >= 0 && gap.compareTo(Duration.ofSeconds(15)) <= 0,
          "polls are 0.5-15 s apart on the timeline (WaitOptions' default maxInterval): " + gap);
    }
  }

  @Test
  void getAndListWithPagingAndShowDeleted() {
    for (String id : List.of("list-a", "list-b", "list-c", "list-d", "list-e")) {
      sim.await(deployments.create(LLAMA).deploymentId(id).minReplicaCount(1).submitAsync());
    }
    DeploymentName b = DeploymentName.parse("accounts/acme/deployments/list-b");
    sim.await(deployments.deleteAsync(b));

    Deployment got = sim.await(deployments.getAsync(DeploymentName.parse("accounts/acme/deployments/list-c")));
    assertEquals(LLAMA, got.baseModel());

    Page<Deployment> first = sim.await(deployments.listAsync(ListDeploymentsRequest.builder().pageSize(2).build()));
    assertEquals(2, first.items().size());
    assertTrue(first.hasNextPage());
    List<String> visible = ids(first.autoPager());
    assertEquals(List.of("list-a", "list-c", "list-d", "list-e"), sorted(visible), "soft-deleted ones are hidden");
    List<RecordedRequest> listCalls = sim.emulator.journal().requests(r -> r.method().equals("GET")
        && r.path().equals(DEPLOYMENTS));
    assertTrue(listCalls.size() >= 2);
    for (RecordedRequest r : listCalls) {
      assertEquals("2", r.queryParameter("pageSize").orElseThrow(), "later pages keep the page size: " + r);
    }
    assertTrue(listCalls.get(1).queryParameter("pageToken").isPresent(), "the second page is asked by token");

    Page<Deployment> withDeleted = sim.await(deployments.listAsync(ListDeploymentsRequest.builder().pageSize(2)
        .showDeleted(true).build()));
    List<Deployment> all = new ArrayList<>();
    withDeleted.autoPager().forEach(all::add);
    assertEquals(List.of("list-a", "list-b", "list-c", "list-d", "list-e"),
        sorted(all.stream().map(d -> d.name().id()).collect(Collectors.toList())));
    assertEquals(DeploymentState.DELETED,
        all.stream().filter(d -> d.name().equals(b)).findFirst().orElseThrow().state());
    assertEquals("true", sim.emulator.journal().last().queryParameter("showDeleted").orElseThrow());
  }

  @Test
  void updateSendsOnlyTheChangedFieldsNamedInTheUpdateMask() {
    DeploymentName name = createReady("upd");
    sim.emulator.journal().clear();

    Deployment updated = sim.await(deployments.update(name).minReplicaCount(1).maxReplicaCount(3)
        .scaleToZeroWindow(Duration.ofMinutes(10)).displayName("renamed").submitAsync());

    RecordedRequest patch = sim.emulator.journal().requests("PATCH", DEPLOYMENTS).get(0);
    assertEquals(Set.of("min_replica_count", "max_replica_count", "autoscaling_policy.scale_to_zero_window",
        "display_name"), new TreeSet<>(Arrays.asList(patch.queryParameter("updateMask").orElseThrow().split(","))));
    JsonNode body = patch.bodyJson();
    assertEquals(new TreeSet<>(List.of("autoscalingPolicy", "displayName", "maxReplicaCount", "minReplicaCount")),
        fieldNames(body), "only the changed fields are sent: " + body);
    assertEquals("600s", body.at("/autoscalingPolicy/scaleToZeroWindow").asText());
    assertEquals(1, body.at("/autoscalingPolicy").size(), "no other autoscaling field: " + body);
    assertEquals(DeploymentState.UPDATING, updated.state());

    Deployment ready = sim.await(deployments.waitUntilReady(name, WaitOptions.builder()
        .timeout(Duration.ofMinutes(2)).build()));
    assertEquals(3, ready.maxReplicaCount());
    assertEquals("renamed", ready.displayName().orElseThrow());
    assertEquals(Duration.ofMinutes(10), ready.autoscalingPolicy().orElseThrow().scaleToZeroWindow().orElseThrow());
  }

  @Test
  void scaleSetsTheReplicaCountThroughTheScaleVerb() {
    DeploymentName name = sim.await(deployments.create(LLAMA).deploymentId("scaled").minReplicaCount(0)
        .maxReplicaCount(4).submitAndWaitAsync(WaitOptions.builder().timeout(Duration.ofMinutes(2)).build())).name();

    sim.await(deployments.scaleAsync(name, 3));

    RecordedRequest scale = sim.emulator.journal().last();
    assertEquals("PATCH", scale.method());
    assertEquals(DEPLOYMENTS + "/scaled:scale", scale.path());
    assertEquals(3, scale.bodyJson().path("replicaCount").asInt());
    assertEquals(3, sim.await(deployments.getAsync(name)).desiredReplicaCount());
    int before = sim.emulator.journal().size();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> deployments.scale(name, -1));
    assertTrue(e.getMessage().contains("replicaCount") && e.getMessage().contains("-1"), e.getMessage());
    assertEquals(before, sim.emulator.journal().size(), "a negative count sends nothing");
  }

  @Test
  void softDeleteUndeleteAndHardDelete() {
    DeploymentName name = createReady("gone");

    sim.await(deployments.deleteAsync(name));
    assertEquals(DeploymentState.DELETED, sim.await(deployments.getAsync(name)).state());
    assertTrue(ids(sim.await(deployments.listAsync(ListDeploymentsRequest.all())).autoPager()).isEmpty());

    Deployment restored = sim.await(deployments.undeleteAsync(name));
    assertEquals(DeploymentState.READY, restored.state());
    assertEquals(DEPLOYMENTS + "/gone:undelete", sim.emulator.journal().last().path());

    sim.await(deployments.deleteAsync(name, DeleteOptions.builder().hard(true).build()));
    assertEquals("true", sim.emulator.journal().last().queryParameter("hard").orElseThrow());
    Throwable e = sim.awaitFailure(deployments.getAsync(name));
    assertTrue(e instanceof NotFoundException, e.toString());
    assertTrue(sim.emulator.deployment("gone").isEmpty());

    Deployment again = sim.await(deployments.create(LLAMA).deploymentId("gone").submitAsync());
    assertEquals(DeploymentState.CREATING, again.state(), "a hard delete frees the id");
  }

  @Test
  void extrasAndSessionAffinityReachTheServerAndApplyConvergesOnThem() {
    DeploymentSpec spec = DeploymentSpec.builder().deploymentId("extra").baseModel(LLAMA).minReplicaCount(1)
        .enableSessionAffinity(true).putExtra("directRouteType", "INTERNET").putExtra("enableHotLoad", true).build();

    sim.await(deployments.applyAsync(spec, ApplyOptions.defaults()));
    Deployment created = deployments.get(DeploymentName.parse("accounts/acme/deployments/extra"));
    DeploymentPlan again = deployments.plan(spec);
    DeploymentSpec changed = spec.withExtra(Map.of("directRouteType", "AWS_PRIVATELINK",
        "enableHotLoad", true));
    sim.emulator.journal().clear();
    sim.await(deployments.applyAsync(changed, ApplyOptions.defaults()));

    assertEquals(true, created.enableSessionAffinity().orElseThrow());
    assertEquals("INTERNET", created.directRouteType().orElseThrow());
    assertEquals(true, created.unknownFields().get("enableHotLoad").asBoolean());
    assertEquals(PlanAction.NO_CHANGE, again.action(), again::toString);
    RecordedRequest patch = sim.emulator.journal().requests("PATCH", DEPLOYMENTS).get(0);
    assertEquals("direct_route_type", patch.queryParameter("updateMask").orElseThrow());
    assertEquals("AWS_PRIVATELINK", deployments.get(created.name()).directRouteType().orElseThrow());
  }

  @Test
  void shapesAreListedPerModelAndAShorthandShapeOnCreateBecomesAShapeVersion() {
    DeploymentShapesClient shapes = DeploymentShapesClient.of(sim.client);

    List<DeploymentShape> forLlama = sim.await(shapes.listAsync(DeploymentShapesClient.FIREWORKS,
        ListDeploymentShapesRequest.forModel(LLAMA))).items();
    DeploymentShapeName fast = forLlama.get(0).shapeName().orElseThrow();
    DeploymentShapeVersion latest = sim.await(shapes.getVersionAsync(fast.withVersion("latest")));
    Deployment created = sim.await(deployments.create(LLAMA).deploymentId("shaped")
        .deploymentShape(DeploymentShapeName.parse("fast")).submitAsync());

    assertEquals(List.of("llama-v3p2-3b-instruct-fast", "llama-v3p2-3b-instruct-minimal",
        "llama-v3p2-3b-instruct-throughput"), forLlama.stream().map(s -> s.shapeName().orElseThrow().id().orElseThrow())
        .sorted().toList());
    assertTrue(forLlama.stream().allMatch(s -> s.baseModel().orElseThrow().equals(LLAMA.toString())));
    assertEquals(fast + "/versions/1", latest.name());
    assertTrue(latest.validated());
    assertEquals(forLlama.get(0), latest.snapshot().orElseThrow());
    assertEquals("accounts/fireworks/deploymentShapes/llama-v3p2-3b-instruct-fast/versions/1",
        created.deploymentShape().orElseThrow());
    assertEquals("fast", sim.emulator.journal().requests("POST", DEPLOYMENTS).get(0).bodyJson()
        .path("deploymentShape").asText(), "the shorthand is sent as given");
  }

  @Test
  void aServerThatRefusesNonCustomAnnotationKeysGetsAnErrorNamingTheRuleNotTheKey() {
    PermissionDeniedException e = (PermissionDeniedException) sim.awaitFailure(deployments.create(LLAMA)
        .deploymentId("annotated").allowNonCustomAnnotations().annotation("team", "support").submitAsync());

    assertTrue(e.getMessage().contains("the server refused annotation keys [team]"), e.getMessage());
    assertTrue(e.getMessage().contains("the API key itself was accepted"), e.getMessage());
    assertEquals("ANNOTATION_NOT_CUSTOMER_WRITABLE", e.errorInfo().orElseThrow().reason());
    assertEquals("support", sim.await(deployments.create(LLAMA).deploymentId("annotated")
        .annotation("custom/team", "support").submitAsync()).annotations().get("custom/team"));
  }

  @Test
  void planThenApplyCreatesUpdatesExactlyTheDifferenceAndRefusesImmutableChanges() {
    DeploymentSpec spec = DeploymentSpec.builder().deploymentId("declared").baseModel(LLAMA).minReplicaCount(1)
        .maxReplicaCount(2).acceleratorType(AcceleratorType.NVIDIA_A100_80GB).build();

    DeploymentPlan plan = sim.await(deployments.planAsync(spec, ApplyOptions.defaults()));
    assertEquals(PlanAction.CREATE, plan.action());
    assertTrue(sim.emulator.journal().requests().stream().allMatch(r -> r.method().equals("GET")),
        "plan only reads: " + sim.emulator.journal().requests());

    ApplyResult created = sim.await(deployments.applyAsync(spec, ai.fireworks.sdk.deployments.ApplyOptions.builder()
        .waitUntilReady(WaitOptions.builder().timeout(Duration.ofMinutes(2)).build()).build()));
    assertEquals(DeploymentState.READY, created.deployment().state());

    sim.emulator.journal().clear();
    ApplyResult same = sim.await(deployments.applyAsync(spec, ApplyOptions.defaults()));
    assertEquals(PlanAction.NO_CHANGE, same.plan().action());
    assertEquals(List.of("GET"), methods(), "no change sends only the read");

    sim.emulator.journal().clear();
    DeploymentSpec wider = DeploymentSpec.builder().from(spec).maxReplicaCount(4).build();
    ApplyResult updated = sim.await(deployments.applyAsync(wider, ApplyOptions.defaults()));
    assertEquals(PlanAction.UPDATE, updated.plan().action());
    assertEquals(List.of("GET", "PATCH"), methods());
    RecordedRequest patch = sim.emulator.journal().last();
    assertEquals("max_replica_count", patch.queryParameter("updateMask").orElseThrow());
    assertEquals(Set.of("maxReplicaCount"), fieldNames(patch.bodyJson()));

    sim.emulator.journal().clear();
    DeploymentSpec otherGpu = DeploymentSpec.builder().from(wider).acceleratorType(AcceleratorType.NVIDIA_H100_80GB)
        .build();
    Throwable refused = sim.awaitFailure(deployments.applyAsync(otherGpu,
        ApplyOptions.defaults()));
    assertTrue(refused instanceof IllegalArgumentException, refused.toString());
    assertTrue(refused.getMessage().contains("accelerator"), refused.getMessage());
    assertEquals(List.of("GET"), methods(), "a refused change sends only the read");
  }

  private DeploymentName createReady(String id) {
    return sim.await(deployments.create(LLAMA).deploymentId(id).minReplicaCount(1)
        .submitAndWaitAsync(WaitOptions.builder().timeout(Duration.ofMinutes(2)).build())).name();
  }

  private List<String> methods() {
    return sim.emulator.journal().requests().stream().map(RecordedRequest::method).collect(Collectors.toList());
  }

  private static List<String> ids(Iterable<Deployment> ds) {
    return StreamSupport.stream(ds.spliterator(), false).map(d -> d.name().id()).collect(Collectors.toList());
  }

  private static List<String> sorted(List<String> in) {
    List<String> out = new ArrayList<>(in);
    Collections.sort(out);
    return out;
  }

  private static Set<String> fieldNames(JsonNode n) {
    Set<String> out = new TreeSet<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
