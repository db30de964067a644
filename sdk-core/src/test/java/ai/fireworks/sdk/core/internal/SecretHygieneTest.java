package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.ErrorDetails;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RetryPolicy;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.WaiterTimeoutException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a sentinel API key, drives the client through successes, every error status, retries,
 * timeouts, a refused connection, a stalled stream and a timed-out wait, at the most verbose log
 * level, and scans every log line, exception message and stack trace and every {@code toString}
 * for the key.
 */
class SecretHygieneTest {
  private static final String KEY = "fw-SENTINEL-3f9c2a7e51d4b8a6";

  @StartStop final MockWebServer server = new MockWebServer();
  private final ManualScheduler time = new ManualScheduler();
  private final List<String> logLines = new ArrayList<>();
  private final List<String> scanned = new ArrayList<>();
  /** Held strongly: java.util.logging keeps loggers only weakly. */
  private Logger sdkLogger;
  private Level previousLevel;
  private Handler handler;
  private FireworksClient client;

  @BeforeEach
  void captureAllLogs() {
    sdkLogger = Logger.getLogger("ai.fireworks.sdk");
    previousLevel = sdkLogger.getLevel();
    SimpleFormatter formatter = new SimpleFormatter();
    handler = new Handler() {
      @Override
      public synchronized void publish(LogRecord r) {
        logLines.add(formatter.format(r) + " " + r.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    handler.setLevel(Level.ALL);
    sdkLogger.setLevel(Level.ALL);
    sdkLogger.addHandler(handler);
  }

  @AfterEach
  void restore() {
    sdkLogger.removeHandler(handler);
    sdkLogger.setLevel(previousLevel);
    if (client != null) {
      client.close();
    }
  }

  private HttpTransport transport(RetryPolicy policy) {
    FireworksClient.Builder b = FireworksClient.builder().apiKey(KEY).accountId("acme")
        .baseUrl(server.url("/").toString()).requestTimeout(Duration.ofHours(1)).retryPolicy(policy)
        .bodyIdleTimeout(Duration.ofMillis(200)).scheduler(time).clock(time.clock());
    scan("builder.toString", b.toString());
    client = b.build();
    scan("client.toString", client.toString());
    HttpTransport t = ClientAccess.transport(client);
    scan("transport.toString", t.toString());
    return t;
  }

  private void scan(String what, String text) {
    scanned.add(what);
    assertFalse(text != null && text.contains(KEY), what + " contains the API key: " + text);
  }

  private void scan(String what, Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    scan(what + " message", e.getMessage());
    scan(what + " toString", e.toString());
    scan(what + " stack trace", trace.toString());
    if (e instanceof ApiException) {
      scan(what + " errorMessage", ((ApiException) e).errorMessage());
      scan(what + " body", ((ApiException) e).body());
    }
  }

  private Throwable failure(CompletableFuture<?> f) throws InterruptedException {
    time.drive(f);
    return assertThrows(FireworksException.class, () -> Blocking.join(f));
  }

  /** Waits until the server has received a request for {@code target}, skipping earlier ones. */
  private void awaitRequest(String target) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      mockwebserver3.RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
      assertTrue(r != null, "no request for " + target);
      if (r.getTarget().equals(target)) {
        return;
      }
    }
    throw new AssertionError("no request for " + target);
  }

  private static MockResponse error(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("x-request-id", "req-" + status).body(body).build();
  }

  @Test
  void theKeyNeverLeaks() throws Exception {
    HttpTransport t = transport(RetryPolicy.defaults());

    // a success, then a 429 and a 503 that are retried
    server.enqueue(new MockResponse.Builder().body("{\"ok\":true}").build());
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").body("{}").build());
    server.enqueue(error(503, "{\"error\":{\"message\":\"overloaded\"}}"));
    server.enqueue(new MockResponse.Builder().body("{\"ok\":true}").build());
    CompletableFuture<JsonNode> ok = t.send(ApiRequest.get("/v1/accounts/acme/deployments"), RequestOptions.none(),
        JsonNode.class);
    time.drive(ok);
    Blocking.join(ok);
    CompletableFuture<JsonNode> retried = t.send(ApiRequest.get("/v1/x"), RequestOptions.none(), JsonNode.class);
    time.drive(retried);
    Blocking.join(retried);
    assertEquals("Bearer " + KEY, server.takeRequest().getHeaders().get("Authorization"), "the sentinel is in play");

    // every error status, including servers that echo the key back
    int[] statuses = {400, 401, 403, 404, 409, 412, 500};
    for (int status : statuses) {
      server.enqueue(error(status, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
          + "\",\"code\":\"E" + status + "\"}}"));
      scan("HTTP " + status, failure(t.send(ApiRequest.post("/v1/y", Map.of("k", 1)), RequestOptions.none())));
    }
    server.enqueue(error(503, "{\"error\":{\"message\":\"scaling up\",\"code\":\"DEPLOYMENT_SCALING_UP\"}}"));
    // sent as inference sends it: cold starts are left to inference's own loop, not retried here
    scan("scaling up", failure(t.send(ApiRequest.get("/v1/z").notRetriedOn(DeploymentScalingUpException.class),
        RequestOptions.none())));
    server.enqueue(error(502, "<html>bad gateway for key " + KEY + "</html>"));
    scan("html", failure(t.send(ApiRequest.post("/v1/y", Map.of()), RequestOptions.none())));
    server.enqueue(new MockResponse.Builder().code(401).setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
        .body("{\"message\":\"bad key " + KEY.substring(0, 10) + "...\"}").build());
    scan("401 partial", failure(t.send(ApiRequest.get("/v1/z"), RequestOptions.none())));

    // a request timeout and a stalled stream
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CompletableFuture<ApiResponse> slow = t.send(ApiRequest.get("/v1/slow"),
        RequestOptions.builder().retryPolicy(RetryPolicy.none()).timeout(Duration.ofSeconds(5)).build());
    awaitRequest("/v1/slow");
    time.advance(Duration.ofSeconds(5));
    scan("request timeout", assertThrows(FireworksException.class, () -> Blocking.join(slow)));
    server.enqueue(new MockResponse.Builder().body("data: x\n\n").onResponseBody(SocketEffect.Stall.INSTANCE).build());
    CompletableFuture<StreamingResponse> stream = t.stream(ApiRequest.get("/v1/stream"), RequestOptions.none());
    time.drive(stream);
    try (StreamingResponse r = Blocking.join(stream)) {
      scan("idle timeout", assertThrows(IOException.class, () -> r.body().readAllBytes()));
    }

    // a wait that times out, polling through the transport
    for (int i = 0; i < 20; i++) {
      server.enqueue(new MockResponse.Builder().body("{\"state\":\"CREATING\"}").build());
    }
    CompletableFuture<JsonNode> wait = new Waiter<JsonNode>("deployment accounts/acme/deployments/d to be READY",
        () -> t.send(ApiRequest.get("/v1/accounts/acme/deployments/d"), RequestOptions.none(), JsonNode.class),
        (v, elapsed) -> Waiter.Verdict.retry(), v -> v.path("state").asText(), v -> Optional.empty(),
        WaitOptions.builder().timeout(Duration.ofSeconds(5)).build(), t.time()).start();
    scan("waiter timeout", (WaiterTimeoutException) failure(wait));

    // requests and options that might be printed
    scan("request", ApiRequest.post("/v1/y", Map.of("a", 1)).query("q", "v").toString());
    scan("options", RequestOptions.builder().idempotencyKey("k").timeout(Duration.ofSeconds(1)).build().toString());
    scan("error details", ErrorDetails.builder().statusCode(400).message("m").build().toString());

    assertTrue(logLines.size() >= 20, "verbose logging captured " + logLines.size() + " lines");
    for (String line : logLines) {
      scan("log line", line);
      assertFalse(line.contains("Bearer"), "log line shows the Authorization header: " + line);
    }
  }

  @Test
  void aRefusedConnectionDoesNotLeakTheKey() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    client = FireworksClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + port)
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).requestTimeout(Duration.ofHours(1))
        .scheduler(time).clock(time.clock()).build();

    scan("connection refused", failure(ClientAccess.transport(client).send(ApiRequest.get("/v1/x"), RequestOptions.none())));

    assertFalse(logLines.isEmpty());
    logLines.forEach(l -> scan("log line", l));
  }

  @Test
  void credentialHeadersInRequestOptionsAreMaskedInToStringButSent() throws Exception {
    HttpTransport t = transport(RetryPolicy.none());
    RequestOptions options = RequestOptions.builder().putHeaders("X-Api-Key", KEY)
        .putHeaders("Proxy-Authorization", "Basic " + KEY).putHeaders("X-Trace", "trace-1").build();
    server.enqueue(new MockResponse.Builder().body("{}").build());

    Blocking.join(t.send(ApiRequest.get("/v1/h"), options));

    scan("options with credential headers", options.toString());
    assertTrue(options.toString().contains("X-Api-Key=****") && options.toString().contains("X-Trace=trace-1"),
        options.toString());
    assertEquals(KEY, options.headers().get("X-Api-Key"), "the accessor still returns the value");
    assertEquals(KEY, server.takeRequest().getHeaders().get("X-Api-Key"), "the header is sent as given");
  }

  @Test
  void customHeaderValuesFromTheEnvironmentNeverLeak() throws Exception {
    Map<String, String> env = Map.of("FIREWORKS_API_KEY", "fw-other-key-0000", "FIREWORKS_CUSTOM_HEADERS",
        "X-Team: ml\nX-Proxy-Token: " + KEY);
    FireworksClient.Builder b = FireworksClient.builder().fromEnv(env::get).baseUrl(server.url("/").toString())
        .requestTimeout(Duration.ofHours(1)).retryPolicy(RetryPolicy.none()).scheduler(time).clock(time.clock());
    scan("env builder with custom headers", b.toString());
    client = b.build();
    scan("client with custom headers", client.toString());
    HttpTransport t = ClientAccess.transport(client);
    scan("transport with custom headers", t.toString());
    server.enqueue(new MockResponse.Builder().body("{}").build());
    server.enqueue(error(500, "{\"error\":{\"message\":\"boom\"}}"));

    Blocking.join(t.send(ApiRequest.get("/v1/h"), RequestOptions.none()));
    scan("HTTP 500 with custom headers", failure(t.send(ApiRequest.get("/v1/h"), RequestOptions.none())));
    scan("malformed custom headers", assertThrows(IllegalArgumentException.class,
        () -> FireworksClient.builder().fromEnv(Map.of("FIREWORKS_CUSTOM_HEADERS", "X-Proxy-Token " + KEY)::get)));

    assertEquals(KEY, server.takeRequest().getHeaders().get("X-Proxy-Token"), "the sentinel is sent");
    assertFalse(logLines.isEmpty());
    logLines.forEach(l -> scan("log line", l));
  }

  @Test
  void invalidKeysAreRefusedWithoutEchoingThem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FireworksClient.builder().apiKey(KEY + " trailing words").build());

    scan("invalid key", e);
    FireworksClient.Builder b = FireworksClient.builder().apiKey(KEY);
    scan("builder", b.toString());
    scan("env builder", FireworksClient.builder().fromEnv(name -> name.equals("FIREWORKS_API_KEY") ? KEY : null)
        .toString());
  }
}
