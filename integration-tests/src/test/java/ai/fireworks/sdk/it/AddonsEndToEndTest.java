package ai.fireworks.sdk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.deployments.AddonValidationException;
import ai.fireworks.sdk.deployments.AddonsClient;
import ai.fireworks.sdk.deployments.DeployedModel;
import ai.fireworks.sdk.deployments.DeployedModelState;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.deployments.ListDeployedModelsRequest;
import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.CompletionRequest;
import ai.fireworks.sdk.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real {@link AddonsClient} against the emulator: checks, load, wait, inference through the addon. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AddonsEndToEndTest {
  private static final ModelName LORA = ModelName.parse("accounts/acme/models/my-lora");
  private static final ModelName QWEN = ModelName.parse("accounts/fireworks/models/qwen2p5-7b-instruct");
  private static final WaitOptions TWO_MINUTES = WaitOptions.builder().timeout(Duration.ofMinutes(2)).build();

  private final Sim sim = Sim.start();
  private final DeploymentsClient deployments = sim.deployments();
  private final AddonsClient addons = sim.addons();

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void deploysOntoAMatchingDeploymentWaitsUntilDeployedAndServesThroughIt() {
    DeploymentName target = ready("lora-host", DeploymentsEndToEndTest.LLAMA, true);
    sim.emulator.journal().clear();

    DeployedModel loading = sim.await(addons.deploy(LORA).to(target).displayName("support bot").submitAsync());
    assertEquals(DeployedModelState.DEPLOYING, loading.state());
    assertEquals(List.of("GET /v1/accounts/acme/models/my-lora", "GET /v1/accounts/acme/deployments/lora-host",
        "POST /v1/accounts/acme/deployedModels"), calls(), "checks read first, then one create");
    RecordedRequest post = sim.emulator.journal().last();
    assertEquals(LORA.toString(), post.bodyJson().path("model").asText());
    assertEquals(target.toString(), post.bodyJson().path("deployment").asText());

    Instant start = sim.now();
    DeployedModel deployed = sim.await(addons.waitUntilDeployed(loading.name(), TWO_MINUTES));
    assertEquals(DeployedModelState.DEPLOYED, deployed.state());
    Duration took = Duration.between(start, sim.now());
    assertTrue(took.compareTo(Duration.ofSeconds(10)) >= 0 && took.compareTo(Duration.ofSeconds(25)) <= 0,
        "DEPLOYED after the emulator's 10 s load: " + took);
    assertEquals(1, sim.await(addons.listAsync(ListDeployedModelsRequest.all())).items().size());

    Completion c = sim.await(sim.inference().completeAsync(CompletionRequest.builder().model(deployed.modelRef())
        .prompt("hello addon").build()));
    assertEquals("[my-lora] hello addon", c.text());
    assertEquals(LORA + "#" + target, sim.emulator.journal().last().bodyJson().path("model").asText());
  }

  @Test
  void aBaseModelMismatchIsRefusedAfterOnlyReads() {
    DeploymentName qwen = ready("qwen-host", QWEN, true);
    sim.emulator.journal().clear();

    Throwable e = sim.awaitFailure(addons.deploy(LORA).to(qwen).submitAsync());

    assertTrue(e instanceof AddonValidationException, e.toString());
    assertEquals(AddonValidationException.Reason.BASE_MODEL_MISMATCH, ((AddonValidationException) e).reason());
    assertTrue(e.getMessage().contains(QWEN.toString()) && e.getMessage().contains("llama-v3p2-3b-instruct"),
        e.getMessage());
    assertTrue(sim.emulator.journal().requests().stream().allMatch(r -> r.method().equals("GET")), calls().toString());
    assertEquals(2, sim.emulator.journal().size());
    assertTrue(sim.await(addons.listAsync(ListDeployedModelsRequest.all())).items().isEmpty(), "nothing was created");
  }

  @Test
  void aDeploymentWithoutEnableAddonsIsRefusedWithTheFix() {
    DeploymentName plain = ready("plain-host", DeploymentsEndToEndTest.LLAMA, false);
    sim.emulator.journal().clear();

    Throwable e = sim.awaitFailure(addons.deploy(LORA).to(plain).submitAsync());

    assertTrue(e instanceof AddonValidationException, e.toString());
    assertEquals(AddonValidationException.Reason.ADDONS_NOT_ENABLED, ((AddonValidationException) e).reason());
    assertTrue(e.getMessage().contains("enableAddons(true)"), e.getMessage());
    assertEquals(List.of("GET /v1/accounts/acme/models/my-lora", "GET /v1/accounts/acme/deployments/plain-host"),
        calls());
  }

  private DeploymentName ready(String id, ModelName base, boolean addonsEnabled) {
    return sim.await(deployments.create(base).deploymentId(id).minReplicaCount(1).enableAddons(addonsEnabled)
        .submitAndWaitAsync(TWO_MINUTES)).name();
  }

  private List<String> calls() {
    return sim.emulator.journal().requests().stream().map(r -> r.method() + " " + r.path())
        .collect(Collectors.toList());
  }
}
