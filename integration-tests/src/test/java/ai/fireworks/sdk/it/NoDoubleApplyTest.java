package ai.fireworks.sdk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.ConnectionException;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.RequestTimeoutException;
import ai.fireworks.sdk.core.ServerException;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.deployments.DeleteOptions;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentState;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.deployments.ListDeployedModelsRequest;
import ai.fireworks.sdk.deployments.ListDeploymentsRequest;
import ai.fireworks.sdk.testkit.Fault;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import ai.fireworks.sdk.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No operation is applied twice: a create with a deploymentId that is retried after a reset or a
 * lost response leaves exactly one deployment and succeeds; a create without an id and an addon
 * load (non-idempotent POSTs) are never repeated after an ambiguous failure. Proven through the
 * emulator's journal and state.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NoDoubleApplyTest {
  private static final String DEPLOYMENTS = "/v1/accounts/acme/deployments";
  private static final String DEPLOYED_MODELS = "/v1/accounts/acme/deployedModels";
  private static final ModelName LORA = ModelName.parse("accounts/acme/models/my-lora");

  @Test
  void aCreateWithIdWhoseResponseWasCutIsRetriedAndFindsTheOneDeploymentItMade() {
    try (Sim sim = Sim.start()) {
      sim.emulator.faults().inject(Fault.truncateStream(0).on("POST", DEPLOYMENTS)); // applied, answer lost mid-body

      Deployment d = sim.await(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).deploymentId("once")
          .minReplicaCount(1).maxReplicaCount(2).submitAsync());

      assertEquals(DeploymentName.parse("accounts/acme/deployments/once"), d.name());
      assertEquals(List.of("POST 200 (cut)", "POST 409", "GET 200"), calls(sim.emulator),
          "the retry met ALREADY_EXISTS and read the deployment back");
      assertEquals(1, sim.await(sim.deployments().listAsync(ListDeploymentsRequest.all())).items().size());
    }
  }

  @Test
  void aCreateWithIdWhoseResetCameBeforeTheResponseIsRetriedOnce() {
    try (Sim sim = Sim.start()) {
      sim.emulator.faults().inject(Fault.dropConnection().on("POST", DEPLOYMENTS));

      Deployment d = sim.await(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).deploymentId("reset")
          .submitAsync());

      assertEquals(DeploymentState.CREATING, d.state());
      assertEquals(List.of("POST -1", "POST 200"), calls(sim.emulator));
      assertEquals(1, sim.await(sim.deployments().listAsync(ListDeploymentsRequest.all())).items().size());
    }
  }

  @Test
  void aCreateWithIdWhoseResponseTimedOutIsRetriedAndSucceedsWithOneDeployment() {
    try (FireworksEmulator emulator = FireworksEmulator.start();
         FireworksClient client = emulator.clientBuilder().requestTimeout(NetworkFaultTest.TIMEOUT)
             .retryPolicy(NetworkFaultTest.FAST).build()) {
      emulator.faults().inject(Fault.stallBody().on("POST", DEPLOYMENTS)); // applied, answer never completes
      DeploymentsClient deployments = DeploymentsClient.of(client);

      Deployment d = deployments.create(DeploymentsEndToEndTest.LLAMA).deploymentId("slow").submit();

      assertEquals("slow", d.name().id());
      assertEquals(List.of("POST 200 (cut)", "POST 409", "GET 200"), calls(emulator));
      assertEquals(1, deployments.list().items().size());
    }
  }

  @Test
  void aCreateWithoutIdIsNotRepeatedAfterAnAmbiguousFailure() {
    try (Sim sim = Sim.start()) {
      sim.emulator.faults().inject(Fault.truncateStream(0).on("POST", DEPLOYMENTS));

      Throwable e = sim.awaitFailure(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).submitAsync());

      assertTrue(e instanceof ConnectionException, e.toString());
      assertEquals(List.of("POST 200 (cut)"), calls(sim.emulator), "no second create");
      assertEquals(1, sim.await(sim.deployments().listAsync(ListDeploymentsRequest.all())).items().size(),
          "the server made exactly the one deployment; the caller can find it by listing");

      sim.emulator.journal().clear();
      sim.emulator.faults().inject(Fault.serverError(503).on("POST", DEPLOYMENTS));
      Throwable unavailable = sim.awaitFailure(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).submitAsync());
      assertTrue(unavailable instanceof ServerException, unavailable.toString());
      assertEquals(List.of("POST 503"), calls(sim.emulator), "a 503 may follow an applied create: not repeated");
    }
  }

  @Test
  void anAddonLoadIsNotRepeatedAfterAnAmbiguousFailure() {
    try (Sim sim = Sim.start()) {
      DeploymentName host = sim.await(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).deploymentId("host")
          .minReplicaCount(1).enableAddons(true)
          .submitAndWaitAsync(WaitOptions.builder().timeout(Duration.ofMinutes(2)).build())).name();
      sim.emulator.journal().clear();
      sim.emulator.faults().inject(Fault.truncateStream(0).on("POST", DEPLOYED_MODELS));

      Throwable e = sim.awaitFailure(sim.addons().deploy(LORA).to(host).submitAsync());

      assertTrue(e instanceof ConnectionException, e.toString());
      assertEquals(1, sim.emulator.journal().requests("POST", DEPLOYED_MODELS).size(), "the load was sent once");
      assertEquals(1, sim.await(sim.addons().listAsync(ListDeployedModelsRequest.all())).items().size(),
          "and applied once");

      sim.emulator.journal().clear();
      sim.emulator.faults().inject(Fault.serverError(500).on("POST", DEPLOYED_MODELS));
      Throwable e500 = sim.awaitFailure(sim.addons().deploy(LORA).to(host).skipValidation().submitAsync());
      assertTrue(e500 instanceof ServerException, e500.toString());
      assertEquals(List.of("POST 500"), calls(sim.emulator));
    }
  }

  @Test
  void anAddonLoadIsNotRepeatedAfterItsResponseTimedOut() {
    try (FireworksEmulator emulator = FireworksEmulator.start();
         FireworksClient client = emulator.clientBuilder().requestTimeout(NetworkFaultTest.TIMEOUT)
             .retryPolicy(NetworkFaultTest.FAST).build()) {
      DeploymentsClient deployments = DeploymentsClient.of(client);
      DeploymentName host = deployments.create(DeploymentsEndToEndTest.LLAMA).deploymentId("host").minReplicaCount(1)
          .enableAddons(true).submit().name();
      emulator.advance(Duration.ofMinutes(1));
      emulator.faults().inject(Fault.stallBody().on("POST", DEPLOYED_MODELS));

      Bounded.fails(RequestTimeoutException.class, NetworkFaultTest.DEADLINE,
          () -> deployments.addons().deploy(LORA).to(host).skipValidation().submit());

      assertEquals(1, emulator.journal().requests("POST", DEPLOYED_MODELS).size());
      assertEquals(1, deployments.addons().list().items().size());
    }
  }

  @Test
  void aHardDeleteWhoseResponseWasLostStillSucceeds() {
    try (Sim sim = Sim.start()) {
      DeploymentName name = sim.await(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).deploymentId("bye")
          .submitAsync()).name();
      sim.emulator.journal().clear();
      sim.emulator.faults().inject(Fault.truncateStream(0).on("DELETE", DEPLOYMENTS + "/bye"));

      sim.await(sim.deployments().deleteAsync(name, DeleteOptions.builder().hard(true).build()));

      assertTrue(sim.emulator.deployment("bye").isEmpty(), "deleted once");
      List<String> calls = calls(sim.emulator);
      assertEquals("DELETE 200 (cut)", calls.get(0));
      assertEquals("DELETE 404", calls.get(1), "the retry found it gone, which is what the caller asked for");
    }
  }

  /** "METHOD status", with " (cut)" for answers a fault cut short. */
  static List<String> calls(FireworksEmulator emulator) {
    return emulator.journal().requests().stream().map(NoDoubleApplyTest::call).collect(Collectors.toList());
  }

  private static String call(RecordedRequest r) {
    boolean cut = r.fault().map(f -> f.contains("truncate") || f.contains("stall")).orElse(false);
    return r.method() + " " + r.status() + (cut ? " (cut)" : "");
  }
}
