package ai.fireworks.sdk.deployments;

import static ai.fireworks.sdk.deployments.Fixtures.error;
import static ai.fireworks.sdk.deployments.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.RetryPolicy;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.WaitProgress;
import ai.fireworks.sdk.core.WaiterTimeoutException;
import ai.fireworks.sdk.testkit.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Waiters on virtual time: a manual scheduler and clock injected into the client. */
class DeploymentWaiterTest {
  static final DeploymentName MY_LLAMA = DeploymentName.parse("accounts/acme/deployments/my-llama");
  static final Duration HORIZON = Duration.ofHours(2);
  /** Real time allowed for the loopback exchange to schedule the next task. */
  static final Duration REAL_TIME_LIMIT = Duration.ofSeconds(30);

  @StartStop final MockWebServer server = new MockWebServer();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final List<WaitProgress> progress = new CopyOnWriteArrayList<>();
  private FireworksClient fw;
  private DeploymentsClient deployments;

  @BeforeEach
  void setUp() {
    fw = FireworksClient.builder().apiKey("fw-secret-key").accountId("acme").baseUrl(server.url("/").toString())
        .scheduler(scheduler).clock(scheduler.clock())
        // request timers far beyond the horizon, so they never fire while the loopback exchange runs
        .requestTimeout(Duration.ofDays(1000))
        .retryPolicy(RetryPolicy.builder().totalTimeout(Duration.ofDays(1000)).build())
        .build();
    deployments = DeploymentsClient.of(fw);
  }

  @AfterEach
  void tearDown() {
    fw.close();
  }

  private WaitOptions.Builder options() {
    return WaitOptions.builder().onProgress(progress::add);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(1, TimeUnit.SECONDS));
    return e.getCause();
  }

  /** Drives virtual time, within {@link #HORIZON}, until {@code f} is done. */
  private void runUntilDone(CompletableFuture<?> f) throws InterruptedException {
    assertTrue(scheduler.advanceUntilDone(f, HORIZON, REAL_TIME_LIMIT),
        "not done after " + REAL_TIME_LIMIT + " of real time; " + scheduler);
  }

  /** Waits (bounded, real time) until some task is due within {@code horizon}. */
  private void awaitTaskWithin(Duration horizon) throws InterruptedException {
    assertTrue(scheduler.awaitTaskDueWithin(horizon, REAL_TIME_LIMIT).isPresent(),
        "no task scheduled within " + horizon + " after " + REAL_TIME_LIMIT + " of real time");
  }

  private List<Duration> pollDelays() {
    return scheduler.requestedDelays().stream().filter(d -> d.compareTo(HORIZON) < 0).collect(Collectors.toList());
  }

  @Test
  void closingTheClientFailsAWaitBetweenPolls() throws Exception {
    server.enqueue(ok(Fixtures.starting("CREATING", 0, 1, 1)));
    CompletableFuture<Deployment> ready = deployments.waitUntilReady(MY_LLAMA, options().build());
    assertEquals(1, scheduler.runDueTasks(), "the first poll");
    awaitTaskWithin(Duration.ofSeconds(20)); // the first poll was answered; the next one is scheduled

    fw.close();

    Throwable e = failure(ready);
    assertTrue(e instanceof FireworksException && e.getMessage().contains("closed")
        && e.getMessage().contains(MY_LLAMA.toString()), String.valueOf(e));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void readyAfterThreePollsWithProgressForEachObservation() throws Exception {
    server.enqueue(ok(Fixtures.edited("deployment-creating.json", n -> { })));
    server.enqueue(ok(Fixtures.starting("CREATING", 0, 1, 1)));
    server.enqueue(ok(Fixtures.starting("READY", 1, 1, 0)));

    CompletableFuture<Deployment> ready = deployments.waitUntilReady(MY_LLAMA, options().build());
    runUntilDone(ready);

    assertEquals(DeploymentState.READY, ready.get().state());
    assertEquals(3, server.getRequestCount());
    assertEquals("/v1/accounts/acme/deployments/my-llama", server.takeRequest().getTarget());
    assertEquals(List.of("CREATING replicas 0/1 (1 pending)", "CREATING replicas 0/1 (1 initializing)",
        "READY replicas 1/1"), progress.stream().map(WaitProgress::state).collect(Collectors.toList()));
    assertEquals(List.of(1, 2, 3), progress.stream().map(WaitProgress::attempt).collect(Collectors.toList()));
    List<Duration> delays = pollDelays();
    assertEquals(Duration.ZERO, delays.get(0), "first poll at once");
    assertTrue(delays.get(1).compareTo(Duration.ofSeconds(12)) >= 0 && delays.get(1).compareTo(Duration.ofSeconds(15)) <= 0,
        "a replica pending scheduling still has to initialize: 15 s (jittered, at most maxInterval): " + delays.get(1));
    assertTrue(delays.get(2).compareTo(Duration.ofMillis(3200)) >= 0 && delays.get(2).compareTo(Duration.ofMillis(4800)) <= 0,
        "initializing replicas bring the next poll forward to about 4 s: " + delays.get(2));
  }

  @Test
  void pollsBackOffToTheMaximumAndComeSoonerWhileUpdating() throws Exception {
    for (int i = 0; i < 8; i++) {
      server.enqueue(ok(Fixtures.deployment("CREATING"))); // no replica phase to go by: plain backoff
    }
    server.enqueue(ok(Fixtures.deployment("UPDATING")));
    server.enqueue(ok(Fixtures.deployment("READY")));

    CompletableFuture<Deployment> ready = deployments.waitUntilReady(MY_LLAMA, options().build());
    runUntilDone(ready);

    List<Duration> delays = pollDelays();
    assertEquals(10, server.getRequestCount());
    assertTrue(delays.get(1).compareTo(Duration.ofMillis(1200)) <= 0, "starts at about 1 s: " + delays);
    assertTrue(delays.get(8).compareTo(Duration.ofSeconds(12)) >= 0, "backed off towards 15 s: " + delays);
    assertTrue(delays.get(8).compareTo(Duration.ofSeconds(15)) <= 0, "never beyond maxInterval: " + delays);
    assertTrue(delays.get(9).compareTo(Duration.ofMillis(1600)) >= 0 && delays.get(9).compareTo(Duration.ofMillis(2400)) <= 0,
        "UPDATING polls again after about 2 s: " + delays);
  }

  @Test
  void failedMidwayEndsTheWaitWithTheStatus() throws Exception {
    server.enqueue(ok(Fixtures.edited("deployment-creating.json", n -> { })));
    server.enqueue(ok(Fixtures.failed("RESOURCE_EXHAUSTED", "no capacity for NVIDIA_H100_80GB in US_VIRGINIA_1")));
    server.enqueue(ok(Fixtures.deployment("READY"))); // never read

    CompletableFuture<Deployment> ready = deployments.waitUntilReady(MY_LLAMA, options().build());
    runUntilDone(ready);

    DeploymentFailedException e = assertInstanceOf(DeploymentFailedException.class, failure(ready));
    assertEquals("RESOURCE_EXHAUSTED", e.statusCode().orElseThrow());
    assertEquals("no capacity for NVIDIA_H100_80GB in US_VIRGINIA_1", e.statusMessage().orElseThrow());
    assertEquals(DeploymentState.FAILED, e.deployment().state());
    assertTrue(e.getMessage().contains("is FAILED (RESOURCE_EXHAUSTED: no capacity"), e.getMessage());
    assertEquals(2, server.getRequestCount(), "fails fast, no further polls");
  }

  @Test
  void deletingOrDeletedAlsoEndTheWait() throws Exception {
    server.enqueue(ok(Fixtures.deployment("DELETING")));

    CompletableFuture<Deployment> ready = deployments.waitUntilReady(MY_LLAMA, options().build());
    runUntilDone(ready);

    assertEquals(DeploymentState.DELETING, assertInstanceOf(DeploymentFailedException.class, failure(ready)).state());
  }

  @Test
  void timeoutReportsTheLastObservationAndStopsAtTheDeadline() throws Exception {
    for (int i = 0; i < 40; i++) {
      server.enqueue(ok(Fixtures.edited("deployment-creating.json", n -> { })));
    }
    java.time.Instant start = scheduler.now();

    CompletableFuture<Deployment> ready = deployments.waitUntilReady(MY_LLAMA,
        options().timeout(Duration.ofSeconds(30)).build());
    runUntilDone(ready);

    WaiterTimeoutException e = assertInstanceOf(WaiterTimeoutException.class, failure(ready));
    assertEquals(DeploymentState.CREATING, ((Deployment) e.lastSeen().orElseThrow()).state());
    assertEquals(server.getRequestCount(), e.attempts());
    assertEquals(Duration.ofSeconds(30), Duration.between(start, scheduler.now()), "the last poll is at the deadline");
    assertTrue(e.getMessage().contains("to be READY after PT30S"), e.getMessage());
  }

  @Test
  void cancellingStopsPollingAndNothingElse() throws Exception {
    server.enqueue(ok(Fixtures.edited("deployment-creating.json", n -> { })));

    CompletableFuture<Deployment> ready = deployments.waitUntilReady(MY_LLAMA, options().build());
    scheduler.advance(Duration.ZERO);
    server.takeRequest(5, TimeUnit.SECONDS);
    awaitTaskWithin(Duration.ofSeconds(15)); // the second poll is scheduled
    assertTrue(ready.cancel(true));
    scheduler.advance(Duration.ofHours(2));

    assertTrue(ready.isCancelled());
    assertEquals(1, server.getRequestCount(), "no poll after cancel");
    assertEquals(0, scheduler.pendingTasks(), "the pending poll was cancelled too");
  }

  @Test
  void cancellingCreateAndWaitStopsTheWaitItStarted() throws Exception {
    server.enqueue(ok(Fixtures.edited("deployment-creating.json", n -> { })));
    server.enqueue(ok(Fixtures.edited("deployment-creating.json", n -> { })));

    CompletableFuture<Deployment> ready = deployments
        .create(ModelName.parse("accounts/fireworks/models/llama-v3p2-3b-instruct")).deploymentId("my-llama")
        .submitAndWaitAsync(options().build());
    assertEquals("POST", server.takeRequest(5, TimeUnit.SECONDS).getMethod());
    awaitTaskWithin(Duration.ZERO); // the first poll
    scheduler.advance(Duration.ZERO);
    assertEquals("GET", server.takeRequest(5, TimeUnit.SECONDS).getMethod());
    awaitTaskWithin(Duration.ofSeconds(15)); // the second poll is scheduled
    assertTrue(ready.cancel(true));
    scheduler.advance(Duration.ofHours(2));

    assertEquals(2, server.getRequestCount(), "no poll after cancel");
    assertEquals(0, scheduler.pendingTasks());
  }

  @Test
  void rateLimitsDuringPollingAreRetriedNotFatal() throws Exception {
    MockResponse tooMany = new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
        .setHeader("Content-Type", "application/json").body("{\"error\":{\"message\":\"rate limited\"}}").build();
    server.enqueue(ok(Fixtures.edited("deployment-creating.json", n -> { })));
    server.enqueue(tooMany);
    server.enqueue(tooMany);
    server.enqueue(tooMany); // the transport's 3 attempts are spent; the waiter keeps going
    server.enqueue(ok(Fixtures.deployment("READY")));

    CompletableFuture<Deployment> ready = deployments.waitUntilReady(MY_LLAMA, options().build());
    runUntilDone(ready);

    assertEquals(DeploymentState.READY, ready.get().state());
    assertEquals(5, server.getRequestCount());
    assertTrue(scheduler.requestedDelays().contains(Duration.ofSeconds(3)), "Retry-After was honoured: " + pollDelays());
  }

  @Test
  void aNotFoundRightAfterCreateIsTolerated() throws Exception {
    server.enqueue(error(404, "NOT_FOUND", "deployment not found"));
    server.enqueue(ok(Fixtures.deployment("READY")));

    CompletableFuture<Deployment> ready = deployments.waitUntilReady(MY_LLAMA, options().build());
    runUntilDone(ready);

    assertEquals(DeploymentState.READY, ready.get().state());
  }

  @Test
  void aNotFoundAfterTheGracePeriodEndsTheWait() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(ok(Fixtures.deployment("CREATING")));
    }
    for (int i = 0; i < 3; i++) {
      server.enqueue(error(404, "NOT_FOUND", "deployment not found"));
    }

    CompletableFuture<Deployment> ready = deployments.waitUntilReady(MY_LLAMA,
        options().initialInterval(Duration.ofSeconds(30)).maxInterval(Duration.ofSeconds(30)).build());
    runUntilDone(ready);

    assertInstanceOf(NotFoundException.class, failure(ready));
    assertEquals(4, server.getRequestCount(), "3 CREATING polls (0 s, ~30 s, ~60 s) then the 404 at ~90 s");
  }

  @Test
  void waitUntilDeletedSucceedsOnNotFound() throws Exception {
    server.enqueue(ok(Fixtures.deployment("DELETING")));
    server.enqueue(error(404, "NOT_FOUND", "deployment not found"));

    CompletableFuture<Optional<Deployment>> gone = deployments.waitUntilDeleted(MY_LLAMA, options().build());
    runUntilDone(gone);

    assertEquals(Optional.empty(), gone.get());
    assertEquals(List.of("DELETING replicas 1/1"), progress.stream().map(WaitProgress::state).collect(Collectors.toList()));
  }

  @Test
  void waitUntilDeletedSucceedsOnSoftDeleted() throws Exception {
    server.enqueue(ok(Fixtures.deployment("DELETED")));

    CompletableFuture<Optional<Deployment>> gone = deployments.waitUntilDeleted(MY_LLAMA, options().build());
    runUntilDone(gone);

    assertEquals(DeploymentState.DELETED, gone.get().orElseThrow().state());
  }

  @Test
  void submitAndWaitCreatesThenPollsUntilReady() throws Exception {
    server.enqueue(ok(Fixtures.edited("deployment-creating.json", n -> { })));
    server.enqueue(ok(Fixtures.starting("CREATING", 0, 1, 1)));
    server.enqueue(ok(Fixtures.deployment("READY")));

    CompletableFuture<Deployment> done = CompletableFuture.supplyAsync(() -> deployments
        .create(ModelName.parse("accounts/fireworks/models/llama-v3p2-3b-instruct")).deploymentId("my-llama")
        .submitAndWait(options().build()));
    runUntilDone(done);

    assertEquals(DeploymentState.READY, done.get().state());
    assertEquals("POST", server.takeRequest().getMethod());
    assertEquals("GET", server.takeRequest().getMethod());
    assertEquals("GET", server.takeRequest().getMethod());
  }
}
