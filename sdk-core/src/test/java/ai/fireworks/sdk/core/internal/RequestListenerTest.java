package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.RequestEvent;
import ai.fireworks.sdk.core.RequestListener;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.ServerException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listeners see each attempt and each call, with status and request id, and cannot break a call. */
class RequestListenerTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private final ManualScheduler time = new ManualScheduler();
  private final List<RequestEvent> attempts = new CopyOnWriteArrayList<>();
  private final List<RequestEvent> calls = new CopyOnWriteArrayList<>();
  private FireworksClient client;

  @AfterEach
  void close() {
    client.close();
  }

  private HttpTransport transport(RequestListener... extra) {
    FireworksClient.Builder b = FireworksClient.builder().apiKey("fw-listener-key-123456")
        .baseUrl(server.url("/").toString()).requestTimeout(Duration.ofHours(1))
        .scheduler(time).clock(time.clock())
        .addListener(new RequestListener() {
          @Override
          public void onAttempt(RequestEvent event) {
            attempts.add(event);
          }

          @Override
          public void onCall(RequestEvent event) {
            calls.add(event);
          }
        });
    for (RequestListener l : extra) {
      b.addListener(l);
    }
    client = b.build();
    return ClientAccess.transport(client);
  }

  private static MockResponse json(int code, String body, String requestId) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .setHeader("x-request-id", requestId).body(body).build();
  }

  @Test
  void aRetriedCallReportsEachAttemptAndOneCall() throws Exception {
    HttpTransport t = transport();
    server.enqueue(json(503, "{\"error\":{\"message\":\"busy\"}}", "req-1"));
    server.enqueue(json(200, "{\"ok\":true}", "req-2"));

    CompletableFuture<JsonNode> f = t.send(ApiRequest.get("/v1/x").query("pageSize", 2), RequestOptions.none(), JsonNode.class);
    time.drive(f);
    Blocking.join(f);

    assertEquals(2, attempts.size());
    RequestEvent first = attempts.get(0);
    assertEquals("GET", first.method());
    assertEquals("/v1/x?pageSize=2", first.path());
    assertEquals(1, first.attempt());
    assertEquals(503, first.statusCode().getAsInt());
    assertEquals("req-1", first.requestId().orElseThrow());
    assertInstanceOf(ServerException.class, first.failure().orElseThrow());
    assertTrue(attempts.get(1).isSuccess());
    assertEquals(200, attempts.get(1).statusCode().getAsInt());
    assertEquals(1, calls.size());
    assertEquals(2, calls.get(0).attempt());
    assertEquals("req-2", calls.get(0).requestId().orElseThrow());
    assertTrue(calls.get(0).isSuccess());
  }

  @Test
  void aFailedCallReportsItsFailureAndAThrowingListenerChangesNothing() throws Exception {
    HttpTransport t = transport(new RequestListener() {
      @Override
      public void onCall(RequestEvent event) {
        throw new IllegalStateException("listener bug");
      }
    });
    server.enqueue(json(404, "{\"error\":{\"message\":\"no such deployment\",\"code\":\"NOT_FOUND\"}}", "req-9"));

    CompletableFuture<JsonNode> f = t.send(ApiRequest.get("/v1/y"), RequestOptions.none(), JsonNode.class);
    time.drive(f);

    assertThrows(NotFoundException.class, () -> Blocking.join(f));
    assertEquals(1, calls.size());
    assertFalse(calls.get(0).isSuccess());
    assertEquals(404, calls.get(0).statusCode().getAsInt());
    assertFalse(calls.get(0).toString().contains("fw-listener-key"));
  }
}
