package ai.fireworks.sdk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.NotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class ColdStartTest extends InferenceTestSupport {
  static final ModelName LLAMA = ModelName.parse("accounts/fireworks/models/llama-v3p1-8b-instruct");
  static final DeploymentName MY_LLAMA = DeploymentName.parse("accounts/acme/deployments/my-llama");
  static final ModelRef ON_DEPLOYMENT = ModelRef.of(LLAMA, MY_LLAMA);
  static final ModelRef SERVERLESS = ModelRef.of(LLAMA);
  static final Duration ANY_WAIT = Duration.ofSeconds(31);

  final List<ColdStartWait> waits = new CopyOnWriteArrayList<>();

  InferenceClient riding(ColdStartPolicy.Builder policy) {
    return inference.withColdStart(policy.onWait(waits::add).build());
  }

  static Dispatcher always(MockResponse response) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return response;
      }
    };
  }

  @Test
  void aColdStartIsRiddenOutWithGrowingJitteredWaits() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(scalingUp());
    }
    server.enqueue(json(200, fixture("completion.json")));

    CompletableFuture<Completion> f = riding(ColdStartPolicy.builder())
        .completeAsync(CompletionRequest.of(ON_DEPLOYMENT, "Say this is a test"));
    List<Duration> delays = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      delays.add(runNext(ANY_WAIT));
    }
    Completion c = f.get(10, TimeUnit.SECONDS);

    assertEquals(" This is a test.", c.text());
    assertEquals(4, server.getRequestCount());
    assertBetween(Duration.ofMillis(2500), Duration.ofSeconds(5), delays.get(0));
    assertBetween(Duration.ofSeconds(5), Duration.ofSeconds(10), delays.get(1));
    assertBetween(Duration.ofSeconds(10), Duration.ofSeconds(20), delays.get(2));
    eventually(() -> waits.size() == 3, "onWait saw three waits");
    assertEquals(List.of(1, 2, 3), waits.stream().map(ColdStartWait::attempt).toList());
    assertEquals(delays, waits.stream().map(ColdStartWait::nextDelay).toList());
    assertEquals(List.of(Duration.ZERO, delays.get(0), delays.get(0).plus(delays.get(1))),
        waits.stream().map(ColdStartWait::elapsed).toList());
    assertTrue(waits.stream().allMatch(w -> w.isScalingUp() && w.model().equals(ON_DEPLOYMENT)));
    assertTrue(waits.get(0).toString().startsWith(ON_DEPLOYMENT + " is scaling up from zero; attempt 2 in "),
        waits.get(0).toString());
  }

  @Test
  void theAnswerIsNotHandedOverBeforeTheWaitReportThatPrecededItHasRun() throws Exception {
    server.enqueue(scalingUp());
    server.enqueue(json(200, fixture("completion.json")));
    CountDownLatch reportMayEnd = new CountDownLatch(1);
    List<String> reported = new CopyOnWriteArrayList<>();
    InferenceClient client = inference.withColdStart(ColdStartPolicy.builder().onWait(w -> {
      try {
        reportMayEnd.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reported.add(w.toString());
    }).build());

    CompletableFuture<Completion> f = client.completeAsync(CompletionRequest.of(ON_DEPLOYMENT, "hi"));
    runNext(ANY_WAIT);
    eventually(() -> server.getRequestCount() == 2, "the second attempt was sent");

    assertThrows(TimeoutException.class, () -> f.get(300, TimeUnit.MILLISECONDS),
        "the answer arrived while its wait report was still running");
    reportMayEnd.countDown();
    assertEquals(" This is a test.", f.get(10, TimeUnit.SECONDS).text());
    assertEquals(1, reported.size(), "the report ran before the answer was handed over");
  }

  /** The control plane's google.rpc form: code 14 (UNAVAILABLE), the cold start only in the ErrorInfo reason. */
  static MockResponse scalingUpGoogleRpc() {
    return new MockResponse.Builder().code(503).setHeader("Content-Type", "application/json")
        .setHeader("x-should-retry", "true")
        .body("{\"code\":14,\"message\":\"Deployment is scaling up\",\"details\":[{\"@type\":"
            + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"DEPLOYMENT_SCALING_UP\"}]}").build();
  }

  @Test
  void aGoogleRpcColdStartIsRiddenOutLikeTheErrorObjectForm() throws Exception {
    server.enqueue(scalingUpGoogleRpc());
    server.enqueue(scalingUpGoogleRpc());
    server.enqueue(json(200, fixture("completion.json")));

    CompletableFuture<Completion> f = riding(ColdStartPolicy.builder())
        .completeAsync(CompletionRequest.of(ON_DEPLOYMENT, "Say this is a test"));
    Duration first = runNext(ANY_WAIT);
    runNext(ANY_WAIT);

    assertEquals(" This is a test.", f.get(10, TimeUnit.SECONDS).text());
    assertEquals(3, server.getRequestCount(), "one request per cold-start attempt: the transport left them alone");
    assertBetween(Duration.ofMillis(2500), Duration.ofSeconds(5), first);
    eventually(() -> waits.size() == 2, "onWait saw two waits");
    assertTrue(waits.stream().allMatch(ColdStartWait::isScalingUp));
    DeploymentScalingUpException cause = (DeploymentScalingUpException) waits.get(0).cause();
    assertEquals("UNAVAILABLE", cause.errorCode().orElseThrow());
    assertEquals("DEPLOYMENT_SCALING_UP", cause.errorInfo().orElseThrow().reason());
  }

  @Test
  void theBlockingFormRidesOutTooAndTheWakerRunsOnce() throws Exception {
    server.enqueue(scalingUp());
    server.enqueue(scalingUp());
    server.enqueue(json(200, fixture("completion.json")));
    List<ModelRef> woken = new CopyOnWriteArrayList<>();
    InferenceClient client = riding(ColdStartPolicy.builder().waker(ref -> {
      woken.add(ref);
      return CompletableFuture.completedFuture(null);
    }));
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<Completion> f = CompletableFuture.supplyAsync(
          () -> client.complete(CompletionRequest.of(ON_DEPLOYMENT, "hi")), caller);
      runNext(ANY_WAIT);
      runNext(ANY_WAIT);

      assertEquals(" This is a test.", f.get(10, TimeUnit.SECONDS).text());
    } finally {
      caller.shutdownNow();
    }
    eventually(() -> !woken.isEmpty(), "the waker ran");
    assertEquals(List.of(ON_DEPLOYMENT), woken);
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void anExhaustedBudgetThrowsTheLastAnswerWithHowLongItWaited() throws Exception {
    server.setDispatcher(always(scalingUp()));

    CompletableFuture<Completion> f = riding(ColdStartPolicy.builder().budget(Duration.ofMinutes(1)))
        .completeAsync(CompletionRequest.of(ON_DEPLOYMENT, "hi"));
    Duration total = Duration.ZERO;
    for (int i = 0; i < 50; i++) {
      var advanced = runNextUnless(ANY_WAIT, f::isDone);
      if (advanced.isEmpty()) {
        break;
      }
      total = total.plus(advanced.get());
    }
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));

    ColdStartTimeoutException timeout = assertInstanceOf(ColdStartTimeoutException.class, e.getCause());
    assertEquals(Duration.ofMinutes(1), total, "the last attempt is made exactly at the end of the budget");
    assertEquals(Duration.ofMinutes(1), timeout.waited());
    assertEquals(server.getRequestCount(), timeout.attempts());
    assertEquals(503, timeout.statusCode());
    assertEquals(DeploymentScalingUpException.CODE, timeout.errorCode().orElseThrow());
    assertEquals("req-503", timeout.requestId().orElseThrow());
    assertInstanceOf(DeploymentScalingUpException.class, timeout.getCause());
    assertTrue(timeout.getMessage().contains("still scaling up after waiting 1m0s over " + timeout.attempts()
        + " attempts"), timeout.getMessage());
  }

  @Test
  void aGoogleRpcColdStartThatOutlastsTheBudgetKeepsItsReason() throws Exception {
    server.setDispatcher(always(scalingUpGoogleRpc()));

    CompletableFuture<Completion> f = riding(ColdStartPolicy.builder().budget(Duration.ofSeconds(10)))
        .completeAsync(CompletionRequest.of(ON_DEPLOYMENT, "hi"));
    for (int i = 0; i < 20 && runNextUnless(ANY_WAIT, f::isDone).isPresent(); i++) {
      // drive the waits until the budget is spent
    }
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));

    ColdStartTimeoutException timeout = assertInstanceOf(ColdStartTimeoutException.class, e.getCause());
    assertEquals("DEPLOYMENT_SCALING_UP", timeout.errorInfo().orElseThrow().reason());
  }

  /** Moved from sdk-core's HttpTransportTest with the rule: the transport leaves cold starts to inference. */
  @Test
  void theTransportDoesNotRetryDeploymentScalingUp() {
    server.enqueue(scalingUp());
    server.enqueue(json(200, fixture("completion.json")));

    DeploymentScalingUpException e = assertThrows(DeploymentScalingUpException.class,
        () -> inference.withColdStart(ColdStartPolicy.disabled()).complete(CompletionRequest.of(ON_DEPLOYMENT, "hi")));

    assertEquals("DEPLOYMENT_SCALING_UP", e.errorCode().orElseThrow());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aDisabledPolicyFailsAtOnce() {
    server.enqueue(scalingUp());

    DeploymentScalingUpException e = assertThrows(DeploymentScalingUpException.class,
        () -> inference.withColdStart(ColdStartPolicy.disabled()).complete(CompletionRequest.of(ON_DEPLOYMENT, "hi")));

    assertSame(DeploymentScalingUpException.class, e.getClass());
    assertEquals(1, server.getRequestCount());
    assertEquals(0, pending(Duration.ofDays(1)));
  }

  /** Answers GET of the deployment with {@code get}, and every inference call with 404 "not deployed". */
  static Dispatcher controlPlaneSays(MockResponse get) {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getMethod().equals("GET") ? get : json(404, fixture("model-not-deployed.json"));
      }
    };
  }

  static MockResponse deploymentIn(String state) {
    return json(200, "{\"name\": \"" + MY_LLAMA + "\", \"baseModel\": \"" + LLAMA + "\", \"state\": \"" + state
        + "\", \"status\": {\"code\": \"OK\", \"message\": \"" + (state.equals("FAILED") ? "CUDA out of memory" : "")
        + "\"}, \"someFutureField\": 1}");
  }

  @Test
  void aMistypedDeploymentFailsAfterOneInferenceRequestAndOneGet() throws Exception {
    server.setDispatcher(controlPlaneSays(json(404, "{\"code\": 5, \"message\": \"deployment " + MY_LLAMA
        + " not found\", \"details\": []}")));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> riding(ColdStartPolicy.builder()).complete(CompletionRequest.of(ON_DEPLOYMENT, "hi")));

    assertEquals(2, server.getRequestCount(), "one inference request and one GET");
    RecordedRequest post = take();
    assertEquals("POST /inference/v1/completions", post.getMethod() + " " + post.getTarget());
    RecordedRequest get = take();
    assertEquals("GET /v1/accounts/acme/deployments/my-llama", get.getMethod() + " " + get.getTarget());
    assertEquals(0, pending(Duration.ofDays(1)), "nothing left to wait for");
    assertTrue(waits.isEmpty(), "no transient-404 wait was reported");
    assertTrue(e.getMessage().contains("deployment " + MY_LLAMA + " cannot serve requests: it does not exist"),
        e.getMessage());
    assertEquals("req-404", e.requestId().orElseThrow(), "the inference request's id");
    assertInstanceOf(NotFoundException.class, e.getCause(), "the inference 404 is the cause");
  }

  @Test
  void aTransient404IsRetriedWhenTheRequestTargetsADeployment() throws Exception {
    server.enqueue(json(404, fixture("model-not-deployed.json")));
    server.enqueue(deploymentIn("READY"));
    server.enqueue(json(404, fixture("model-not-deployed.json")));
    server.enqueue(json(200, fixture("completion.json")));

    CompletableFuture<Completion> f = riding(ColdStartPolicy.builder())
        .completeAsync(CompletionRequest.of(ON_DEPLOYMENT, "hi"));
    Duration first = runNext(ANY_WAIT);
    Duration second = runNext(ANY_WAIT);

    assertEquals(" This is a test.", f.get(10, TimeUnit.SECONDS).text());
    assertBetween(Duration.ofMillis(500), Duration.ofSeconds(1), first);
    assertBetween(Duration.ofSeconds(1), Duration.ofSeconds(2), second);
    eventually(() -> waits.size() == 2, "onWait saw two waits");
    assertFalse(waits.get(0).isScalingUp());
    assertTrue(waits.get(0).toString().contains("is not routable yet (HTTP 404)"), waits.get(0).toString());
  }

  @Test
  void a404ForAModelWithoutADeploymentFailsAtOnce() {
    server.enqueue(json(404, fixture("model-not-deployed.json")));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> inference.complete(CompletionRequest.of(SERVERLESS, "hi")));

    assertEquals("Model not found, inaccessible, and/or not deployed", e.errorMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void an404UnrelatedToRoutingFailsAtOnceEvenForADeployment() {
    server.enqueue(json(404, "{\"error\":{\"message\":\"model is missing conversation_config, please use "
        + "/completions API instead\",\"type\":\"invalid_request_error\"}}"));

    assertThrows(NotFoundException.class, () -> inference.chat(ChatRequest.of(ON_DEPLOYMENT, "hi")));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aDeploymentThatIsDeletedOrFailedFailsAtOnceSayingSo() {
    for (String state : List.of("DELETED", "DELETING", "FAILED")) {
      server.setDispatcher(controlPlaneSays(deploymentIn(state)));
      int before = server.getRequestCount();

      NotFoundException e = assertThrows(NotFoundException.class,
          () -> riding(ColdStartPolicy.builder()).complete(CompletionRequest.of(ON_DEPLOYMENT, "hi")));

      assertEquals(2, server.getRequestCount() - before, state + ": one inference request and one GET");
      assertTrue(e.getMessage().contains(MY_LLAMA + " cannot serve requests: it is " + state), e.getMessage());
    }
    assertTrue(waits.isEmpty(), "nothing was waited for");
  }

  @Test
  void aDeploymentInAnotherAccountTheKeyCannotReadFailsAtOnce() {
    server.setDispatcher(controlPlaneSays(json(403, "{\"code\": 7, \"message\": \"the API key does not have access "
        + "to account acmeInc\"}")));
    ModelRef typo = ModelRef.parse("accounts/fireworks/models/llama-v3p2-3b-instruct#accounts/acmeInc/deployments/"
        + "12ab34cd56ef");

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> riding(ColdStartPolicy.builder()).complete(CompletionRequest.of(typo, "hi")));

    assertEquals(2, server.getRequestCount());
    assertTrue(e.getMessage().contains("accounts/acmeInc/deployments/12ab34cd56ef cannot serve requests: this API key "
        + "cannot read account acmeInc"), e.getMessage());
  }

  @Test
  void whenTheControlPlaneCannotTellTheWindowStillApplies() throws Exception {
    server.enqueue(json(404, fixture("model-not-deployed.json")));
    server.enqueue(json(403, "{\"message\": \"inference-only key\"}")); // own account: the key may lack control-plane access
    server.enqueue(json(200, fixture("completion.json")));

    CompletableFuture<Completion> f = riding(ColdStartPolicy.builder())
        .completeAsync(CompletionRequest.of(ON_DEPLOYMENT, "hi"));
    runNext(ANY_WAIT);

    assertEquals(" This is a test.", f.get(10, TimeUnit.SECONDS).text());
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void theTransient404WindowIsBounded() throws Exception {
    server.setDispatcher(controlPlaneSays(deploymentIn("READY")));

    CompletableFuture<Completion> f = riding(ColdStartPolicy.builder().notFoundWindow(Duration.ofSeconds(20)))
        .completeAsync(CompletionRequest.of(ON_DEPLOYMENT, "hi"));
    Duration total = Duration.ZERO;
    for (int i = 0; i < 50; i++) {
      var advanced = runNextUnless(ANY_WAIT, f::isDone);
      if (advanced.isEmpty()) {
        break;
      }
      total = total.plus(advanced.get());
    }

    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    assertInstanceOf(NotFoundException.class, e.getCause());
    assertEquals(Duration.ofSeconds(20), total);
    assertTrue(server.getRequestCount() > 3, "retried several times: " + server.getRequestCount());
    int gets = 0;
    for (int i = server.getRequestCount(); i > 0; i--) {
      gets += take().getMethod().equals("GET") ? 1 : 0;
    }
    assertEquals(1, gets, "the deployment was looked up once, on the first 404");
  }

  @Test
  void aStreamRidesOutAColdStartBeforeItsFirstEvent() throws Exception {
    server.enqueue(scalingUp());
    server.enqueue(sse(fixture("chat-stream.sse")));
    List<ChatCompletionChunk> chunks = new CopyOnWriteArrayList<>();

    CompletableFuture<ChatCompletion> f = riding(ColdStartPolicy.builder())
        .chatStreamingAsync(ChatRequest.of(ON_DEPLOYMENT, "hi"), chunks::add);
    runNext(ANY_WAIT);

    assertEquals("Hello, world", f.get(10, TimeUnit.SECONDS).text());
    assertEquals(7, chunks.size());
    assertEquals(2, server.getRequestCount());
    assertTrue(body(take()).get("stream").asBoolean());
    assertTrue(body(take()).get("stream").asBoolean());
  }

  @Test
  void ordinaryRetriesStillApplyToEachAttemptWithoutCountingAsColdStarts() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(502, "<html>bad gateway</html>"));
    server.enqueue(json(200, fixture("completion.json")));

    CompletableFuture<Completion> f = riding(ColdStartPolicy.builder())
        .completeAsync(CompletionRequest.of(ON_DEPLOYMENT, "hi"));
    runNext(Duration.ofSeconds(9));
    runNext(Duration.ofSeconds(9));

    assertEquals(" This is a test.", f.get(10, TimeUnit.SECONDS).text());
    assertEquals(3, server.getRequestCount());
    assertTrue(waits.isEmpty(), "a lost connection and a 502 are the transport's business: " + waits);
  }

  @Test
  void cancellingStopsTheWaiting() throws Exception {
    server.enqueue(scalingUp());
    server.enqueue(json(200, fixture("completion.json")));

    CompletableFuture<Completion> f = riding(ColdStartPolicy.builder())
        .completeAsync(CompletionRequest.of(ON_DEPLOYMENT, "hi"));
    eventually(() -> pending(ANY_WAIT) == 1, "a cold-start wait is scheduled");
    f.cancel(true);

    eventually(() -> pending(Duration.ofDays(1)) == 0, "the wait is cancelled");
    assertEquals(1, server.getRequestCount());
  }

  private static void assertBetween(Duration min, Duration max, Duration actual) {
    assertTrue(actual.compareTo(min) >= 0 && actual.compareTo(max) <= 0,
        "expected between " + min + " and " + max + ", was " + actual);
  }
}
