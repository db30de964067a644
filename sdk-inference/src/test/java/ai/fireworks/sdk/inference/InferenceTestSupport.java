package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.RetryPolicy;
import ai.fireworks.sdk.core.internal.Json;
import ai.fireworks.sdk.testkit.ManualScheduler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A MockWebServer on 127.0.0.1 and a client wired to it with a manual scheduler and clock. */
abstract class InferenceTestSupport {
  static final String ACCOUNT = "acme";

  MockWebServer server;
  ManualScheduler scheduler;
  FireworksClient fireworks;
  InferenceClient inference;

  @BeforeEach
  void startServer() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
    scheduler = new ManualScheduler();
    fireworks = clientBuilder().build();
    inference = InferenceClient.of(fireworks);
  }

  @AfterEach
  void stopServer() {
    fireworks.close();
    server.close();
  }

  FireworksClient.Builder clientBuilder() {
    return FireworksClient.builder()
        .apiKey("fw_test_secret_key_123")
        .accountId(ACCOUNT)
        .baseUrl(server.url("/").toString())
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
        .requestTimeout(Duration.ofMinutes(5))
        .scheduler(scheduler)
        .clock(scheduler.clock());
  }

  static String fixture(String name) {
    try (InputStream in = InferenceTestSupport.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
        .setHeader("x-request-id", "req-" + status).body(body).build();
  }

  static MockResponse sse(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
        .setHeader("x-request-id", "req-stream").body(body).build();
  }

  static MockResponse scalingUp() {
    return json(503, fixture("scaling-up.json"));
  }

  /** Polls {@code condition} until it holds, for at most 10 s. */
  static void eventually(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
  }

  /**
   * Waits (up to 10 s of real time) for a task due within {@code within} of now, moves the clock to
   * its due time and runs what is due then, on the calling thread.
   *
   * @return the delay the clock advanced by
   */
  Duration runNext(Duration within) throws InterruptedException {
    return runNextUnless(within, () -> false)
        .orElseThrow(() -> new AssertionError("no task due within " + within + " was scheduled"));
  }

  /**
   * Like {@link #runNext} but returns empty as soon as {@code stop} holds and no task is due
   * (checked every few milliseconds, for at most 10 s of real time).
   */
  Optional<Duration> runNextUnless(Duration within, BooleanSupplier stop) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      Optional<Instant> due = scheduler.awaitTaskDueWithin(within, Duration.ofMillis(5));
      if (due.isPresent()) {
        Instant before = scheduler.now();
        scheduler.advanceTo(due.get());
        return Optional.of(Duration.between(before, due.get()));
      }
      if (stop.getAsBoolean()) {
        return Optional.empty();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no task due within " + within + " was scheduled; pending: " + scheduler.pendingDelays());
      }
    }
  }

  /** Live tasks due within {@code within} of now. */
  int pending(Duration within) {
    return (int) scheduler.pendingDelays().stream().filter(d -> d.compareTo(within) <= 0).count();
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request arrived within 5 s");
    }
    return r;
  }

  static JsonNode body(RecordedRequest r) {
    return tree(r.getBody().utf8());
  }
}
