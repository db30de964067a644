package ai.fireworks.sdk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.RateLimitException;
import ai.fireworks.sdk.core.RetryPolicy;
import ai.fireworks.sdk.core.ServerException;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.WaiterTimeoutException;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentState;
import ai.fireworks.sdk.deployments.ListDeploymentsRequest;
import ai.fireworks.sdk.inference.ColdStartPolicy;
import ai.fireworks.sdk.inference.ColdStartTimeoutException;
import ai.fireworks.sdk.inference.CompletionRequest;
import ai.fireworks.sdk.testkit.Fault;
import ai.fireworks.sdk.testkit.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 429 and 5xx storms on the emulator's manual timeline: Retry-After is honoured to the second,
 * retries stop at the policy's deadline, waiters and cold starts stop at theirs, and the journal's
 * timestamps prove each of it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetryStormTest {
  private static final String ONE = "/v1/accounts/acme/deployments/storm";
  private static final DeploymentName NAME = DeploymentName.parse("accounts/acme/deployments/storm");

  @Test
  void aRateLimitStormHonoursRetryAfterExactlyThenGivesUpWithRateLimitException() {
    try (Sim sim = Sim.start()) {
      create(sim);
      sim.emulator.faults().inject(Fault.rateLimited(Duration.ofSeconds(2)).on("GET", ONE).always());
      Instant start = sim.now();

      Throwable e = sim.awaitFailure(sim.deployments().getAsync(NAME));

      assertTrue(e instanceof RateLimitException, e.toString());
      assertEquals(Duration.ofSeconds(2), ((RateLimitException) e).retryAfter().orElseThrow());
      List<RecordedRequest> gets = sim.emulator.journal().requests("GET", ONE);
      assertEquals(3, gets.size(), "the default policy's three attempts");
      for (int i = 0; i < gets.size(); i++) {
        assertEquals(start.plusSeconds(2L * i), gets.get(i).receivedAt(), "attempt " + (i + 1) + " waited Retry-After");
      }
      assertEquals(Duration.ofSeconds(4), Duration.between(start, sim.now()));
    }
  }

  @Test
  void aRateLimitStormThatPassesIsRiddenThrough() {
    try (Sim sim = Sim.start(e -> { }, b -> b.retryPolicy(RetryPolicy.builder().maxAttempts(6).build()))) {
      create(sim);
      sim.emulator.faults().inject(Fault.rateLimited(Duration.ofSeconds(1)).on("GET", ONE).times(4));
      Instant start = sim.now();

      Deployment d = sim.await(sim.deployments().getAsync(NAME));

      assertEquals(NAME, d.name());
      assertEquals(5, sim.emulator.journal().requests("GET", ONE).size());
      assertEquals(Duration.ofSeconds(4), Duration.between(start, sim.now()));
    }
  }

  @Test
  void aRetryAfterBeyondTheCapEndsTheCallAtOnce() {
    try (Sim sim = Sim.start()) {
      create(sim);
      sim.emulator.faults().inject(Fault.rateLimited(Duration.ofMinutes(5)).on("GET", ONE).always());
      Instant start = sim.now();

      Throwable e = sim.awaitFailure(sim.deployments().getAsync(NAME));

      assertTrue(e instanceof RateLimitException, e.toString());
      assertEquals(1, sim.emulator.journal().requests("GET", ONE).size(), "300 s is over the 60 s cap: no retry");
      assertEquals(start, sim.now(), "no time was spent waiting");
    }
  }

  @Test
  void aRateLimitedCreateWithoutIdIsRetriedAndCreatesExactlyOneDeployment() {
    try (Sim sim = Sim.start()) {
      sim.emulator.faults().inject(Fault.rateLimited(Duration.ofSeconds(1)).on("POST", "/v1/accounts/acme/deployments")
          .times(2));

      Deployment d = sim.await(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).submitAsync());

      assertEquals(3, sim.emulator.journal().requests("POST", "/v1/accounts/acme/deployments").size(),
          "a 429 means the server did not act, so even a create without an id may be repeated");
      assertEquals(1, sim.await(sim.deployments().listAsync(ListDeploymentsRequest.all())).items().size());
      assertEquals(DeploymentState.CREATING, d.state());
    }
  }

  @Test
  void aServerErrorStormIsRetriedUntilTheTotalDeadlineThenReported() {
    RetryPolicy untilDeadline = RetryPolicy.builder().maxAttempts(1000).totalTimeout(Duration.ofSeconds(30)).build();
    try (Sim sim = Sim.start(e -> { }, b -> b.retryPolicy(untilDeadline))) {
      create(sim);
      sim.emulator.faults().inject(Fault.serverError(503).on("GET", ONE).always());
      sim.emulator.faults().inject(Fault.serverError(502).on("POST", "/inference/**").always());
      Instant start = sim.now();

      Throwable get = sim.awaitFailure(sim.deployments().getAsync(NAME));

      assertTrue(get instanceof ServerException && ((ServerException) get).statusCode() == 503, get.toString());
      Duration took = Duration.between(start, sim.now());
      assertTrue(took.compareTo(Duration.ofSeconds(30)) <= 0, "never past the 30 s deadline: " + took);
      assertTrue(took.compareTo(Duration.ofSeconds(22)) >= 0, "retried until a backoff would cross it: " + took);
      int attempts = sim.emulator.journal().requests("GET", ONE).size();
      assertTrue(attempts >= 5, "attempts: " + attempts);

      start = sim.now();
      Throwable complete = sim.awaitFailure(sim.inference().completeAsync(CompletionRequest.of(
          ModelRef.of(DeploymentsEndToEndTest.LLAMA, NAME), "storm")));
      assertTrue(complete instanceof ServerException && ((ServerException) complete).statusCode() == 502,
          complete.toString());
      assertTrue(Duration.between(start, sim.now()).compareTo(Duration.ofSeconds(30)) <= 0);
    }
  }

  @Test
  void aWaiterPollsThroughAServerErrorStormUntilItsOwnTimeout() {
    try (Sim sim = Sim.start()) {
      create(sim);
      sim.emulator.faults().inject(Fault.serverError(500).on("GET", ONE).always());
      Instant start = sim.now();

      Throwable e = sim.awaitFailure(sim.deployments().waitUntilReady(NAME, WaitOptions.builder()
          .timeout(Duration.ofMinutes(1)).build()));

      assertTrue(e instanceof WaiterTimeoutException, e.toString());
      Duration took = Duration.between(start, sim.now());
      assertTrue(took.compareTo(Duration.ofMinutes(1)) >= 0 && took.compareTo(Duration.ofSeconds(65)) <= 0,
          "ends at its deadline (plus the last poll's retries): " + took);
      assertTrue(e.getMessage().contains("The operation continues on the server"), e.getMessage());
    }
  }

  @Test
  void aColdStartLongerThanTheBudgetEndsWithColdStartTimeoutExceptionAtTheBudget() {
    try (Sim sim = Sim.start(e -> e.coldStart(Duration.ofHours(1)))) {
      Deployment d = sim.await(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).deploymentId("storm")
          .minReplicaCount(0).scaleToZeroWindow(Duration.ofMinutes(5))
          .submitAndWaitAsync(WaitOptions.builder().timeout(Duration.ofMinutes(2)).build()));
      sim.advance(Duration.ofMinutes(6));
      Instant start = sim.now();

      Throwable e = sim.awaitFailure(sim.inference().withColdStart(ColdStartPolicy.builder()
          .budget(Duration.ofMinutes(2)).build()).completeAsync(CompletionRequest.of(
              ModelRef.of(d.baseModel(), d.name()), "wake up")));

      assertTrue(e instanceof ColdStartTimeoutException, e.toString());
      assertTrue(e instanceof DeploymentScalingUpException, "still the documented 503 type");
      Duration took = Duration.between(start, sim.now());
      assertTrue(took.compareTo(Duration.ofMinutes(2)) >= 0 && took.compareTo(Duration.ofMinutes(2).plusSeconds(1)) <= 0,
          "gave up at the 2 m budget: " + took);
    }
  }

  private static void create(Sim sim) {
    sim.await(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).deploymentId("storm").minReplicaCount(1)
        .submitAndWaitAsync(WaitOptions.builder().timeout(Duration.ofMinutes(2)).build()));
    sim.emulator.journal().clear();
  }
}
