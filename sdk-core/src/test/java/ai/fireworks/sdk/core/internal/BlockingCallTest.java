package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.RequestEvent;
import ai.fireworks.sdk.core.RequestListener;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RequestTimeoutException;
import ai.fireworks.sdk.core.RetryPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Blocking#call}: the first attempt on the caller's thread, under the same virtual-time deadline. */
class BlockingCallTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final ManualScheduler time = new ManualScheduler();
  private final ExecutorService callers = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-caller"));
  private final List<String> attemptThreads = new CopyOnWriteArrayList<>();
  private FireworksClient client;

  @AfterEach
  void close() {
    callers.shutdownNow();
    if (client != null) {
      client.close();
    }
  }

  private HttpTransport transport(UnaryOperator<FireworksClient.Builder> customize) {
    RequestListener threads = new RequestListener() {
      @Override
      public void onAttempt(RequestEvent event) {
        attemptThreads.add(Thread.currentThread().getName());
      }
    };
    client = customize.apply(FireworksClient.builder().apiKey("fw-test-key-0123456789")
        .baseUrl(server.url("/").toString()).requestTimeout(Duration.ofSeconds(30))
        .scheduler(time).clock(time.clock()).addListener(threads)).build();
    return ClientAccess.transport(client);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void theFirstAttemptRunsOnTheCallersThreadAndRetriesDoNot() throws Exception {
    HttpTransport t = transport(b -> b);
    server.enqueue(json(200, "{\"n\":1}"));
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, "{\"n\":2}"));

    JsonNode first = callers.submit(() -> Blocking.call(
        () -> t.send(ApiRequest.get("/v1/a"), RequestOptions.none(), JsonNode.class))).get(10, TimeUnit.SECONDS);
    assertEquals(1, first.get("n").asInt());
    assertEquals(List.of("test-caller"), attemptThreads);

    Future<JsonNode> second = callers.submit(() -> Blocking.call(
        () -> t.send(ApiRequest.get("/v1/b"), RequestOptions.none(), JsonNode.class)));
    time.awaitWait(d -> true);
    time.advance(RetryPolicy.defaults().maxBackoff());

    assertEquals(2, second.get(10, TimeUnit.SECONDS).get("n").asInt());
    assertEquals(3, attemptThreads.size());
    assertEquals("test-caller", attemptThreads.get(1), "the 503 was received on the caller's thread");
    assertNotEquals("test-caller", attemptThreads.get(2), "the retry is asynchronous");
  }

  @Test
  void aStalledBlockingCallTimesOutOnTheClientsClockAndLeavesNoInterruptBehind() throws Exception {
    HttpTransport t = transport(b -> b.retryPolicy(RetryPolicy.none()));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    Future<Object> outcome = callers.submit(() -> {
      try {
        Blocking.call(() -> t.send(ApiRequest.post("/v1/y", Map.of("a", 1)), RequestOptions.none(), JsonNode.class));
        return "no exception";
      } catch (FireworksException e) {
        return List.of(e, Thread.currentThread().isInterrupted());
      }
    });
    assertEquals(Duration.ofSeconds(30), time.awaitRequestTimer());
    server.takeRequest(10, TimeUnit.SECONDS);
    time.advance(Duration.ofSeconds(30));

    List<?> result = (List<?>) outcome.get(10, TimeUnit.SECONDS);
    assertTrue(result.get(0) instanceof RequestTimeoutException, String.valueOf(result.get(0)));
    assertTrue(((Exception) result.get(0)).getMessage().contains("POST /v1/y"), String.valueOf(result.get(0)));
    assertEquals(false, result.get(1), "the timeout's interrupt must not leak to the caller's thread");
  }

  @Test
  void aCallersOwnInterruptAbandonsTheExchangeAndIsKept() throws Exception {
    HttpTransport t = transport(b -> b.retryPolicy(RetryPolicy.none()));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CompletableFuture<Thread> caller = new CompletableFuture<>();

    Future<Object> outcome = callers.submit(() -> {
      caller.complete(Thread.currentThread());
      try {
        Blocking.call(() -> t.send(ApiRequest.get("/v1/z"), RequestOptions.none(), JsonNode.class));
        return "no exception";
      } catch (FireworksException e) {
        return List.of(e, Thread.interrupted());
      }
    });
    server.takeRequest(10, TimeUnit.SECONDS);
    caller.get(10, TimeUnit.SECONDS).interrupt();

    List<?> result = (List<?>) outcome.get(10, TimeUnit.SECONDS);
    assertFalse(result.get(0) instanceof RequestTimeoutException, String.valueOf(result.get(0)));
    assertTrue(((Exception) result.get(0)).getMessage().contains("interrupted"), String.valueOf(result.get(0)));
    assertEquals(true, result.get(1), "the caller's interrupt status is kept");
    assertEquals(List.of(), time.awaitNoPendingWaits());
  }

  @Test
  void theDeadlineClearsItsInterruptWhenItFiresJustAfterTheCallReturned() {
    CallerInterrupt late = new CallerInterrupt(Thread.currentThread());
    late.settle();
    late.fire();
    assertFalse(Thread.currentThread().isInterrupted(), "a deadline that fires after settle() does nothing");

    CallerInterrupt early = new CallerInterrupt(Thread.currentThread());
    early.fire();
    assertTrue(early.fired());
    early.settle();
    assertFalse(Thread.interrupted(), "settle() clears the deadline's interrupt");
  }

  @Test
  void aNestedCallStaysOnTheCallersThread() throws Exception {
    HttpTransport t = transport(b -> b);
    server.enqueue(json(200, "{\"n\":1}"));
    server.enqueue(json(200, "{\"n\":2}"));

    int sum = callers.submit(() -> Blocking.call(() -> t.send(ApiRequest.get("/v1/a"), RequestOptions.none(),
        JsonNode.class).thenApply(a -> a.get("n").asInt() + Blocking.call(
            () -> t.send(ApiRequest.get("/v1/b"), RequestOptions.none(), JsonNode.class)).get("n").asInt())))
        .get(10, TimeUnit.SECONDS);

    assertEquals(3, sum);
    assertEquals(List.of("test-caller", "test-caller"), attemptThreads);
  }
}
