package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asynchronous exchanges run on the transport's reusable sender threads, not on a thread per response. */
class SendersTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService callbacks = Executors.newFixedThreadPool(2);
  private HttpTransport transport;

  @BeforeEach
  void transport() {
    // Senders are on where the JDK starts a thread per response (fewer than 3 CPUs); on here whatever the machine.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
    transport = new HttpTransport(new TransportConfig(http, URI.create(server.url("/").toString()), "fw-test-key",
        Map.of(), Duration.ofHours(1), Duration.ofHours(1), RetryPolicy.none(),
        TimeSource.of(Clock.systemUTC(), scheduler, callbacks), callbacks, List.of(), true));
  }

  @AfterEach
  void close() {
    transport.close();
    scheduler.shutdownNow();
    callbacks.shutdown();
  }

  @Test
  void aClientUsesSendersWhereTheJdkWouldStartAThreadPerResponseAndNeverAroundTheApplicationsHttpClient() {
    server.enqueue(ok());
    server.enqueue(ok());
    FireworksClient.Builder b = FireworksClient.builder().apiKey("fw-test-key").baseUrl(server.url("/").toString());
    try (FireworksClient own = b.build(); FireworksClient supplied = b.httpClient(HttpClient.newHttpClient()).build()) {
      String onOwn = exchangeThread(ClientAccess.transport(own));
      String onSupplied = exchangeThread(ClientAccess.transport(supplied));
      assertEquals(ForkJoinPool.getCommonPoolParallelism() < 2, onOwn.startsWith("fireworks-sender-"), onOwn);
      assertFalse(onSupplied.startsWith("fireworks-sender-"), onSupplied);
    }
  }

  private static String exchangeThread(HttpTransport t) {
    return t.send(ApiRequest.get("/v1/x"), RequestOptions.none()).thenApply(r -> Thread.currentThread().getName()).join();
  }

  private CompletableFuture<ApiResponse> get() {
    return transport.send(ApiRequest.get("/v1/x"), RequestOptions.none());
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).body("{}").build();
  }

  @Test
  void asynchronousCallsReuseSenderThreadsInsteadOfStartingOnePerResponse() {
    int calls = 50;
    for (int i = 0; i < calls; i++) {
      server.enqueue(ok());
    }
    List<String> exchangedOn = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      exchangedOn.add(get().thenApply(r -> Thread.currentThread().getName()).join());
    }
    assertTrue(exchangedOn.stream().allMatch(n -> n.startsWith("fireworks-sender-")), exchangedOn.toString());
    assertTrue(new HashSet<>(exchangedOn).size() <= 2, "sequential calls reuse one or two senders: " + exchangedOn);
  }

  @Test
  void cancellingACallInterruptsItsSenderAndFreesIt() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CompletableFuture<ApiResponse> stalled = get();
    waitUntil("the request reached the server", () -> server.getRequestCount() == 1);
    waitUntil("a sender is blocked in HttpClient.send", () -> sendersInsideHttpClient() == 1);

    assertTrue(stalled.cancel(true));

    waitUntil("the sender left HttpClient.send", () -> sendersInsideHttpClient() == 0);
    server.enqueue(ok());
    assertEquals(200, get().join().status());
  }

  @Test
  void whenEverySenderIsBusyACallStillGoesOutWithoutWaitingForOne() throws Exception {
    for (int i = 0; i < Senders.MAX; i++) {
      server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    }
    server.enqueue(ok());
    List<CompletableFuture<ApiResponse>> stalled = new ArrayList<>();
    for (int i = 0; i < Senders.MAX; i++) {
      stalled.add(get());
    }
    waitUntil("every sender holds a stalled request", () -> server.getRequestCount() == Senders.MAX);

    String thread = get().thenApply(r -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);

    assertFalse(thread.startsWith("fireworks-sender-"), thread);
    assertTrue(stalled.stream().noneMatch(CompletableFuture::isDone));
    stalled.forEach(f -> f.cancel(true));
  }

  private static long sendersInsideHttpClient() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(e -> e.getKey().getName().startsWith("fireworks-sender-"))
        .map(Map.Entry::getValue)
        .filter(stack -> Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("jdk.internal.net.http.")))
        .count();
  }

  /** Bounded polling: fails after 10 s of real time. */
  private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s: " + what);
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }
}
