package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.RequestEvent;
import ai.fireworks.sdk.core.RequestListener;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RetryPolicy;
import ai.fireworks.sdk.core.WaitOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Closing the client (or shutting down its executors) ends work in progress instead of leaving it pending forever. */
class CloseTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private FireworksClient.Builder client() {
    return FireworksClient.builder().apiKey("fw-test-key-0123456789").baseUrl(server.url("/").toString());
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static Throwable failure(CompletableFuture<?> f) {
    return assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
  }

  @Test
  void closingFailsACallWaitingForItsRetryAndSendsNothingMore() throws Exception {
    CountDownLatch firstAttemptDone = new CountDownLatch(1);
    FireworksClient fw = client().retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofSeconds(30))
        .maxBackoff(Duration.ofSeconds(30)).build()).addListener(new RequestListener() {
          @Override
          public void onAttempt(RequestEvent event) {
            firstAttemptDone.countDown();
          }
        }).build();
    server.enqueue(json(503, "{}"));
    CompletableFuture<JsonNode> call = ClientAccess.transport(fw)
        .send(ApiRequest.get("/v1/a"), RequestOptions.none(), JsonNode.class);
    assertTrue(firstAttemptDone.await(10, TimeUnit.SECONDS));

    fw.close();

    Throwable e = failure(call);
    assertInstanceOf(FireworksException.class, e);
    assertTrue(e.getMessage().contains("closed") && e.getMessage().contains("/v1/a"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void callsAfterCloseFailAtOnceWithoutSending() {
    FireworksClient fw = client().build();
    HttpTransport t = ClientAccess.transport(fw);
    fw.close();

    FireworksException e = assertThrows(FireworksException.class,
        () -> Blocking.call(() -> t.send(ApiRequest.get("/v1/b"), RequestOptions.none(), JsonNode.class)));

    assertTrue(e.getMessage().contains("closed") && e.getMessage().contains("/v1/b"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aResultTheExecutorRejectsIsDeliveredAnyway() throws Exception {
    ExecutorService shutDown = Executors.newSingleThreadExecutor();
    shutDown.shutdown();
    FireworksClient fw = client().executor(shutDown).build();
    server.enqueue(json(200, "{\"n\":7}"));
    HttpTransport t = ClientAccess.transport(fw);
    try {
      CompletableFuture<JsonNode> f = t.toCaller(t.send(ApiRequest.get("/v1/c"), RequestOptions.none(), JsonNode.class));

      assertEquals(7, f.get(10, TimeUnit.SECONDS).get("n").asInt());
    } finally {
      fw.close();
    }
  }

  @Test
  void aWaitWhoseSchedulerWasShutDownFailsInsteadOfHanging() {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    scheduler.shutdown();
    Waiter<String> waiter = new Waiter<>("thing t to be READY", () -> CompletableFuture.completedFuture("PENDING"),
        (value, elapsed) -> Waiter.Verdict.retry(), s -> s, s -> Optional.empty(),
        WaitOptions.builder().timeout(Duration.ofMinutes(1)).build(),
        TimeSource.of(Clock.systemUTC(), scheduler, Runnable::run));

    Throwable e = failure(waiter.start());

    assertInstanceOf(FireworksException.class, e);
    assertTrue(e.getMessage().contains("thing t to be READY") && e.getMessage().contains("scheduler"), e.getMessage());
  }

  @Test
  void aWaitWhoseCallbackExecutorRejectsFailsInsteadOfHanging() {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    ExecutorService callbacks = Executors.newSingleThreadExecutor();
    callbacks.shutdown();
    try {
      Waiter<String> waiter = new Waiter<>("thing u to be READY", () -> CompletableFuture.completedFuture("PENDING"),
          (value, elapsed) -> Waiter.Verdict.retry(), s -> s, s -> Optional.empty(),
          WaitOptions.builder().timeout(Duration.ofMinutes(1)).build(),
          TimeSource.of(Clock.systemUTC(), scheduler, callbacks));

      Throwable e = failure(waiter.start());

      assertTrue(e.getMessage().contains("thing u to be READY") && e.getMessage().contains("executor"), e.getMessage());
    } finally {
      scheduler.shutdownNow();
    }
  }
}
