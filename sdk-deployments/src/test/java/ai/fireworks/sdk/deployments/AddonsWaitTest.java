package ai.fireworks.sdk.deployments;

import static ai.fireworks.sdk.deployments.AddonFixtures.deployedModel;
import static ai.fireworks.sdk.deployments.AddonFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeployedModelName;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.RetryPolicy;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.WaitProgress;
import ai.fireworks.sdk.core.WaiterTimeoutException;
import ai.fireworks.sdk.testkit.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** waitUntilDeployed and submitAndWait on virtual time: success, each failure path, timeout, cancel. */
class AddonsWaitTest {
  private static final DeployedModelName LOADED = DeployedModelName.parse("accounts/acme/deployedModels/support-bot-lora-4f9a1c");
  private static final String LOADED_PATH = "/v1/accounts/acme/deployedModels/support-bot-lora-4f9a1c";
  /** Beyond every waiter delay (at most 15 s) and well short of the 1 h request timeout, which never fires. */
  private static final Duration HORIZON = Duration.ofMinutes(1);
  /** Real time allowed for the loopback network to schedule the next task. */
  private static final Duration REAL_WAIT = Duration.ofSeconds(10);

  @StartStop final MockWebServer server = new MockWebServer();
  private final ManualScheduler time = new ManualScheduler();
  private final List<WaitProgress> progress = new CopyOnWriteArrayList<>();
  private FireworksClient fw;
  private AddonsClient addons;

  @BeforeEach
  void setUp() {
    fw = FireworksClient.builder().apiKey("fw-test-key").accountId("acme").baseUrl(server.url("/").toString())
        .requestTimeout(Duration.ofHours(1)).retryPolicy(RetryPolicy.builder().maxAttempts(1).totalTimeout(Duration.ofHours(1)).build())
        .scheduler(time).clock(time.clock()).build();
    addons = AddonsClient.of(fw);
  }

  @AfterEach
  void tearDown() {
    fw.close();
  }

  private WaitOptions options(Duration timeout) {
    return WaitOptions.builder().timeout(timeout).onProgress(progress::add).build();
  }

  /** Drives virtual time, within {@link #HORIZON}, until {@code f} is done. */
  private void runUntilDone(CompletableFuture<?> f) throws InterruptedException {
    assertTrue(time.advanceUntilDone(f, HORIZON, REAL_WAIT),
        "future not done after " + REAL_WAIT + " of real time without progress; pending " + time.pendingDelays());
  }

  /** Waits in real time (bounded) until a task is scheduled within {@code horizon}. */
  private void awaitTask(Duration horizon) throws InterruptedException {
    assertTrue(time.awaitTaskDueWithin(horizon, REAL_WAIT).isPresent(),
        "no task scheduled within " + REAL_WAIT + " of real time; pending " + time.pendingDelays());
  }

  private <T> T drive(CompletableFuture<T> f) throws Exception {
    runUntilDone(f);
    return f.get();
  }

  private Throwable failure(CompletableFuture<?> f) throws Exception {
    runUntilDone(f);
    return assertThrows(ExecutionException.class, f::get).getCause();
  }

  @Test
  void waitsThroughDeployingUntilDeployedReportingEachPoll() throws Exception {
    server.enqueue(json(200, deployedModel("DEPLOYING", "OK")));
    server.enqueue(json(200, deployedModel("DEPLOYING", "OK")));
    server.enqueue(json(200, deployedModel("DEPLOYED", "OK")));
    Instant start = time.now();

    DeployedModel dm = drive(addons.waitUntilDeployed(LOADED, options(Duration.ofMinutes(5))));

    assertEquals(DeployedModelState.DEPLOYED, dm.state());
    assertEquals(3, server.getRequestCount());
    for (int i = 0; i < 3; i++) {
      RecordedRequest poll = server.takeRequest();
      assertEquals("GET " + LOADED_PATH, poll.getMethod() + " " + poll.getTarget());
    }
    assertEquals(List.of("DEPLOYING", "DEPLOYING", "DEPLOYED"),
        progress.stream().map(WaitProgress::state).collect(Collectors.toList()));
    assertEquals(List.of(1, 2, 3), progress.stream().map(WaitProgress::attempt).collect(Collectors.toList()));
    Duration elapsed = Duration.between(start, time.now());
    assertTrue(elapsed.compareTo(Duration.ofMillis(1800)) >= 0 && elapsed.compareTo(Duration.ofSeconds(4)) <= 0,
        "two backoff delays of about 1 s and 1.5 s, was " + elapsed);
  }

  @Test
  void anErrorStatusFailsTheWaitWithTheDeployedModel() throws Exception {
    server.enqueue(json(200, deployedModel("DEPLOYING", "OK")));
    server.enqueue(json(200, deployedModel("DEPLOYING", "INVALID_ARGUMENT")));

    Throwable cause = failure(addons.waitUntilDeployed(LOADED, options(Duration.ofMinutes(5))));

    AddonDeploymentFailedException e = assertInstanceOf(AddonDeploymentFailedException.class, cause);
    assertEquals("INVALID_ARGUMENT", e.deployedModel().status().orElseThrow().code());
    assertTrue(e.getMessage().contains("INVALID_ARGUMENT: failed to load adapter weights"), e.getMessage());
    assertTrue(e.getMessage().contains("accounts/acme/models/support-bot-lora"), e.getMessage());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void stateUnspecifiedAfterDeployingFailsTheWait() throws Exception {
    server.enqueue(json(200, deployedModel("DEPLOYING", "OK")));
    server.enqueue(json(200, deployedModel("STATE_UNSPECIFIED", "OK")));

    Throwable cause = failure(addons.waitUntilDeployed(LOADED, options(Duration.ofMinutes(5))));

    AddonDeploymentFailedException e = assertInstanceOf(AddonDeploymentFailedException.class, cause);
    assertEquals(DeployedModelState.STATE_UNSPECIFIED, e.deployedModel().state());
  }

  @Test
  void stateUnspecifiedBeforeDeployingIsPolledThrough() throws Exception {
    server.enqueue(json(200, deployedModel("STATE_UNSPECIFIED", "OK")));
    server.enqueue(json(200, deployedModel("DEPLOYING", "OK")));
    server.enqueue(json(200, deployedModel("DEPLOYED", "OK")));

    DeployedModel dm = drive(addons.waitUntilDeployed(LOADED, options(Duration.ofMinutes(5))));

    assertTrue(dm.isDeployed());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void undeployingFailsTheWait() throws Exception {
    server.enqueue(json(200, deployedModel("UNDEPLOYING", "OK")));

    Throwable cause = failure(addons.waitUntilDeployed(LOADED, options(Duration.ofMinutes(5))));

    assertInstanceOf(AddonDeploymentFailedException.class, cause);
    assertTrue(cause.getMessage().contains("is UNDEPLOYING"), cause.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aDeployedModelThatDisappearsFailsTheWaitWithNotFound() throws Exception {
    server.enqueue(json(200, deployedModel("DEPLOYING", "OK")));
    server.enqueue(json(404, "{\"error\":{\"code\":5,\"message\":\"deployed model not found\"}}"));

    assertInstanceOf(NotFoundException.class, failure(addons.waitUntilDeployed(LOADED, options(Duration.ofMinutes(5)))));
  }

  @Test
  void transientServerErrorsArePolledThrough() throws Exception {
    server.enqueue(json(200, deployedModel("DEPLOYING", "OK")));
    server.enqueue(json(503, "{\"error\":{\"code\":14,\"message\":\"upstream unavailable\"}}"));
    server.enqueue(json(200, deployedModel("DEPLOYED", "OK")));

    DeployedModel dm = drive(addons.waitUntilDeployed(LOADED, options(Duration.ofMinutes(5))));

    assertTrue(dm.isDeployed());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void theWaitIsBoundedByItsTimeout() throws Exception {
    server.setDispatcher(always(deployedModel("DEPLOYING", "OK")));

    Throwable cause = failure(addons.waitUntilDeployed(LOADED, options(Duration.ofSeconds(30))));

    WaiterTimeoutException e = assertInstanceOf(WaiterTimeoutException.class, cause);
    assertEquals(Duration.ofSeconds(30), e.elapsed());
    assertTrue(e.getMessage().contains("DEPLOYED"), e.getMessage());
    DeployedModel last = (DeployedModel) e.lastSeen().orElseThrow();
    assertEquals(DeployedModelState.DEPLOYING, last.state());
    assertEquals(e.attempts(), server.getRequestCount());
  }

  @Test
  void theDefaultWaitLastsThirtyMinutesLikeFirectl() throws Exception {
    server.setDispatcher(always(deployedModel("DEPLOYING", "OK")));
    CompletableFuture<DeployedModel> f = addons.waitUntilDeployed(LOADED);
    time.advance(Duration.ZERO);
    awaitTask(Duration.ofSeconds(5));
    // The second poll is sent about 1 s in; virtual time then jumps while it is in flight.
    time.advance(Duration.ofMinutes(29).plusSeconds(50));
    awaitTask(Duration.ofSeconds(10));

    assertFalse(f.isDone(), "still waiting at 29m50s");
    WaiterTimeoutException e = assertInstanceOf(WaiterTimeoutException.class, failure(f));
    assertEquals(Duration.ofMinutes(30), e.elapsed());
    assertEquals(Duration.ofMinutes(30), AddonsClient.DEFAULT_WAIT.timeout());
  }

  @Test
  void cancellingTheWaitStopsPolling() throws Exception {
    server.setDispatcher(always(deployedModel("DEPLOYING", "OK")));
    CompletableFuture<DeployedModel> f = addons.waitUntilDeployed(LOADED, options(Duration.ofMinutes(5)));
    time.advance(Duration.ZERO);
    awaitTask(Duration.ofSeconds(5));

    assertTrue(f.cancel(true));
    time.advance(Duration.ofMinutes(10));

    assertEquals(1, server.getRequestCount());
    assertTrue(time.pendingDelays().stream().allMatch(d -> d.compareTo(Duration.ofMinutes(10)) > 0), "no poll is left");
    assertThrows(CancellationException.class, f::get);
  }

  @Test
  void submitAndWaitCreatesThenWaitsForDeployed() throws Exception {
    server.enqueue(json(200, deployedModel("DEPLOYING", "OK")));
    server.enqueue(json(200, deployedModel("DEPLOYING", "OK")));
    server.enqueue(json(200, deployedModel("DEPLOYED", "OK")));

    DeployedModel dm = drive(addons.deploy(ModelName.parse("accounts/acme/models/support-bot-lora"))
        .to(DeploymentName.parse("accounts/acme/deployments/llama-8b-addons")).skipValidation()
        .submitAndWaitAsync(options(Duration.ofMinutes(5))));

    assertTrue(dm.isDeployed());
    assertEquals("POST", server.takeRequest().getMethod());
    assertEquals("GET " + LOADED_PATH, server.takeRequest().getRequestLine().replace(" HTTP/1.1", ""));
    assertEquals(3, server.getRequestCount());
    assertFalse(progress.isEmpty());
  }

  private static Dispatcher always(String body) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(200, body);
      }
    };
  }
}
