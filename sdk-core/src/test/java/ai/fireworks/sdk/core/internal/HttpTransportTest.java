package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.AuthenticationException;
import ai.fireworks.sdk.core.BadRequestException;
import ai.fireworks.sdk.core.ConflictException;
import ai.fireworks.sdk.core.ConnectionException;
import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.PermissionDeniedException;
import ai.fireworks.sdk.core.RateLimitException;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RequestTimeoutException;
import ai.fireworks.sdk.core.RetryPolicy;
import ai.fireworks.sdk.core.ServerException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries, timeouts, headers and error mapping of the one transport, driven through a client and virtual time. */
class HttpTransportTest {
  private static final String KEY = "fw-test-key-0123456789";
  /** Long enough that the attempt timer (on virtual time) never fires unless a test moves the clock that far. */
  private static final Duration LONG_REQUEST_TIMEOUT = Duration.ofHours(1);

  @StartStop final MockWebServer server = new MockWebServer();
  private final ManualScheduler time = new ManualScheduler();
  private FireworksClient client;

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  private HttpTransport transport(UnaryOperator<FireworksClient.Builder> customize) {
    client = customize.apply(FireworksClient.builder()
        .apiKey(KEY)
        .baseUrl(server.url("/").toString())
        .requestTimeout(LONG_REQUEST_TIMEOUT)
        .scheduler(time)
        .clock(time.clock())).build();
    return ClientAccess.transport(client);
  }

  private HttpTransport transport() {
    return transport(b -> b);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse ok() {
    return json(200, "{\"ok\":true,\"unknownField\":[1,2]}");
  }

  private CompletableFuture<JsonNode> get(HttpTransport t) {
    return t.send(ApiRequest.get("/v1/x"), RequestOptions.none(), JsonNode.class);
  }

  private <T> T run(CompletableFuture<T> f) throws InterruptedException {
    time.drive(f);
    return Blocking.join(f);
  }

  private <E extends Throwable> E fails(Class<E> type, CompletableFuture<?> f) throws InterruptedException {
    time.drive(f);
    return assertThrows(type, () -> Blocking.join(f));
  }

  // ---- which failures are retried ------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504, 520})
  void retriesRetryableStatusOnGet(int status) throws Exception {
    HttpTransport t = transport();
    server.enqueue(json(status, "{\"error\":{\"message\":\"try again\"}}"));
    server.enqueue(ok());

    JsonNode body = run(get(t));

    assertTrue(body.get("ok").asBoolean());
    assertEquals(2, server.getRequestCount());
    assertNull(server.takeRequest().getHeaders().get("X-Retry-Count"));
    assertEquals("1", server.takeRequest().getHeaders().get("X-Retry-Count"));
    Duration delay = time.requestedWaits().get(0);
    assertTrue(delay.compareTo(RetryPolicy.defaults().initialBackoff()) <= 0, "first backoff within 0.5 s, was " + delay);
  }

  private static MockResponse shouldRetry(int code, String advice) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .setHeader("x-should-retry", advice).body("{\"error\":{\"message\":\"advice\"}}").build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "FALSE", " False "})
  void xShouldRetryFalseStopsARetryableStatus(String advice) throws Exception {
    HttpTransport t = transport();
    server.enqueue(shouldRetry(503, advice));
    server.enqueue(ok());

    ServerException e = fails(ServerException.class, get(t));

    assertEquals(503, e.statusCode());
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), time.requestedWaits());
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE"})
  void xShouldRetryTrueRetriesAStatusThatIsNotTransient(String advice) throws Exception {
    assertAGetSucceedsOnItsRetryAfter(shouldRetry(409, advice));
  }

  @Test
  void xShouldRetryTrueStillRespectsMaxAttempts() throws Exception {
    HttpTransport t = transport(b -> b.retryPolicy(RetryPolicy.defaults().withMaxAttempts(2)));
    for (int i = 0; i < 3; i++) {
      server.enqueue(shouldRetry(400, "true"));
    }

    fails(BadRequestException.class, get(t));

    assertEquals(2, server.getRequestCount());
  }

  @Test
  void xShouldRetryTrueRepeatsAPostOnlyWhenItIsSafeToRepeat() throws Exception {
    HttpTransport t = transport();
    server.enqueue(shouldRetry(500, "true"));
    server.enqueue(shouldRetry(500, "true"));
    server.enqueue(ok());
    ApiRequest post = ApiRequest.post("/v1/y", Map.of("a", 1));

    fails(ServerException.class, t.send(post, RequestOptions.none(), JsonNode.class));
    assertEquals(1, server.getRequestCount(), "a POST without an idempotency key is not repeated");
    run(t.send(post, RequestOptions.builder().idempotencyKey("k-1").build(), JsonNode.class));

    assertEquals(3, server.getRequestCount(), "with a key it is");
  }

  @Test
  void xShouldRetryTrueLeavesFailuresTheCallerWaitsOutItselfToTheCaller() throws Exception {
    HttpTransport t = transport();
    server.enqueue(new MockResponse.Builder().code(503).setHeader("x-should-retry", "true")
        .body("{\"error\":{\"message\":\"cold\",\"code\":\"DEPLOYMENT_SCALING_UP\"}}").build());
    server.enqueue(ok());

    fails(DeploymentScalingUpException.class, t.send(ApiRequest.post("/v1/y", Map.of("a", 1)).idempotent()
        .notRetriedOn(DeploymentScalingUpException.class), RequestOptions.none(), JsonNode.class));

    assertEquals(1, server.getRequestCount(), "cold starts are the caller's (ColdStartRetry's) to wait out");
  }

  @Test
  void anUnknownXShouldRetryValueLeavesTheStatusRule() throws Exception {
    HttpTransport t = transport();
    server.enqueue(shouldRetry(404, "maybe"));
    server.enqueue(shouldRetry(502, "maybe"));
    server.enqueue(ok());

    fails(NotFoundException.class, get(t));
    run(get(t));

    assertEquals(3, server.getRequestCount());
  }

  @Test
  void retriesAGetWhenTheConnectionDropsBeforeTheResponse() throws Exception {
    HttpTransport t = transport();
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(ok());

    JsonNode body = run(get(t));

    assertTrue(body.get("ok").asBoolean());
    assertTrue(server.getRequestCount() >= 2, "the dropped request and its retry reached the server");
  }

  @Test
  void retriesAGetWhenTheConnectionDropsMidBody() throws Exception {
    assertAGetSucceedsOnItsRetryAfter(new MockResponse.Builder().code(200).body("{\"partial\":")
        .setHeader("Content-Length", "1000").onResponseEnd(new SocketEffect.CloseSocket()).build());
  }

  /** A GET answered by {@code first} and then by a success is retried once and succeeds. */
  private void assertAGetSucceedsOnItsRetryAfter(MockResponse first) throws Exception {
    HttpTransport t = transport();
    server.enqueue(first);
    server.enqueue(ok());

    JsonNode body = run(get(t));

    assertTrue(body.get("ok").asBoolean());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aTimedOutPostIsNotRetried() throws Exception {
    HttpTransport t = transport(b -> b.requestTimeout(Duration.ofSeconds(30)));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    server.enqueue(ok());

    CompletableFuture<JsonNode> f = t.send(ApiRequest.post("/v1/y", Map.of("a", 1)), RequestOptions.none(), JsonNode.class);
    server.takeRequest(10, TimeUnit.SECONDS);
    time.advance(Duration.ofSeconds(30));

    assertThrows(RequestTimeoutException.class, () -> Blocking.join(f));
    assertEquals(List.of(), time.pendingWaits(), "no retry: the POST may have reached the server");
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409})
  void doesNotRetryClientErrors(int status) throws Exception {
    HttpTransport t = transport();
    server.enqueue(json(status, "{\"error\":{\"message\":\"no\",\"code\":\"X\"}}"));
    server.enqueue(ok());

    ApiException e = fails(ApiException.class, get(t));

    assertEquals(status, e.statusCode());
    Class<?> expected = Map.<Integer, Class<?>>of(400, BadRequestException.class, 401, AuthenticationException.class,
        403, PermissionDeniedException.class, 404, NotFoundException.class, 409, ConflictException.class).get(status);
    assertEquals(expected, e.getClass());
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), time.pendingWaits());
  }

  @Test
  void doesNotRetryANonIdempotentPostAfter500() throws Exception {
    HttpTransport t = transport();
    server.enqueue(json(500, "{\"error\":{\"message\":\"boom\"}}"));
    server.enqueue(ok());

    ServerException e = fails(ServerException.class,
        t.send(ApiRequest.post("/v1/y", Map.of("a", 1)), RequestOptions.none(), JsonNode.class));

    assertEquals(500, e.statusCode());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void retriesANonIdempotentPostAfter429() throws Exception {
    HttpTransport t = transport();
    server.enqueue(json(429, "{\"error\":{\"message\":\"slow down\"}}"));
    server.enqueue(ok());

    JsonNode body = run(t.send(ApiRequest.post("/v1/y", Map.of("a", 1)), RequestOptions.none(), JsonNode.class));

    assertTrue(body.get("ok").asBoolean());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void retriesAnIdempotentPostAfter500() throws Exception {
    HttpTransport t = transport();
    server.enqueue(json(500, "{}"));
    server.enqueue(ok());

    run(t.send(ApiRequest.post("/v1/y", Map.of("a", 1)).idempotent(), RequestOptions.none(), JsonNode.class));

    assertEquals(2, server.getRequestCount());
  }

  @Test
  void retriesANonIdempotentPostAfterConnectionRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    client = FireworksClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + port)
        .requestTimeout(LONG_REQUEST_TIMEOUT).scheduler(time).clock(time.clock()).build();
    HttpTransport t = ClientAccess.transport(client);
    try (MockWebServer late = new MockWebServer()) {
      CompletableFuture<JsonNode> f = t.send(ApiRequest.post("/v1/y", Map.of("a", 1)), RequestOptions.none(), JsonNode.class);
      Duration retry = time.awaitWait(d -> true);
      late.enqueue(ok());
      late.start(InetAddress.getLoopbackAddress(), port);

      time.advance(retry);
      time.drive(f);

      assertTrue(Blocking.join(f).get("ok").asBoolean());
      assertEquals(1, late.getRequestCount());
      assertEquals("{\"a\":1}", late.takeRequest().getBody().utf8());
    }
  }

  @Test
  void connectionRefusedWithoutRetriesIsAConnectionException() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    client = FireworksClient.builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + port)
        .retryPolicy(RetryPolicy.none()).requestTimeout(LONG_REQUEST_TIMEOUT).scheduler(time).clock(time.clock()).build();

    ConnectionException e = fails(ConnectionException.class, get(ClientAccess.transport(client)));

    assertTrue(e.getMessage().contains("GET /v1/x could not connect"), e.getMessage());
  }

  // ---- how long between attempts -------------------------------------------------------------

  @Test
  void honoursRetryAfterSeconds() throws Exception {
    HttpTransport t = transport();
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").body("{}").build());
    server.enqueue(ok());

    CompletableFuture<JsonNode> f = get(t);
    assertEquals(Duration.ofSeconds(7), time.awaitWait(d -> true));
    time.advance(Duration.ofMillis(6999));
    assertEquals(1, server.getRequestCount(), "no retry before Retry-After has passed");
    time.advance(Duration.ofMillis(1));
    time.drive(f);

    assertTrue(Blocking.join(f).get("ok").asBoolean());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void honoursRetryAfterHttpDate() throws Exception {
    HttpTransport t = transport();
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.now().plusSeconds(12).atOffset(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", date).body("{}").build());
    server.enqueue(ok());

    CompletableFuture<JsonNode> f = get(t);

    assertEquals(Duration.ofSeconds(12), time.awaitWait(d -> true));
    run(f);
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void retryAfterMsTakesPrecedenceOverRetryAfter() throws Exception {
    HttpTransport t = transport();
    server.enqueue(new MockResponse.Builder().code(429).setHeader("retry-after-ms", "1500")
        .setHeader("Retry-After", "30").body("{}").build());
    server.enqueue(ok());

    CompletableFuture<JsonNode> f = get(t);

    assertEquals(Duration.ofMillis(1500), time.awaitWait(d -> true));
    run(f);
  }

  @Test
  void aRetryAfterBeyondTheCapEndsRetriesWithTheHint() throws Exception {
    HttpTransport t = transport();
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "120").body("{}").build());
    server.enqueue(ok());

    RateLimitException e = fails(RateLimitException.class, get(t));

    assertEquals(Duration.ofSeconds(120), e.retryAfter().orElseThrow());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aRetryAfterWithinALargerCapIsHonoured() throws Exception {
    HttpTransport t = transport(b -> b.retryPolicy(RetryPolicy.defaults().withMaxRetryAfter(Duration.ofMinutes(3))));
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "100").body("{}").build());
    server.enqueue(ok());

    CompletableFuture<JsonNode> f = get(t);

    assertEquals(Duration.ofSeconds(100), time.awaitWait(d -> true));
    run(f);
  }

  @Test
  void stopsRetryingAtTheTotalDeadline() throws Exception {
    HttpTransport t = transport(b -> b.retryPolicy(RetryPolicy.builder().maxAttempts(10)
        .totalTimeout(Duration.ofSeconds(10)).build()));
    for (int i = 0; i < 10; i++) {
      server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "4").body("{}").build());
    }
    java.time.Instant start = time.now();

    ServerException e = fails(ServerException.class, get(t));

    assertEquals(503, e.statusCode());
    assertEquals(3, server.getRequestCount(), "attempts at 0 s, 4 s and 8 s; one at 12 s would pass the 10 s deadline");
    assertEquals(Duration.ofSeconds(8), Duration.between(start, time.now()));
  }

  @Test
  void anAttemptDoesNotOutliveTheTotalDeadline() throws Exception {
    HttpTransport t = transport(b -> b.retryPolicy(RetryPolicy.builder().totalTimeout(Duration.ofSeconds(5)).build()));
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "3").body("{}").build());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    java.time.Instant start = time.now();

    CompletableFuture<JsonNode> f = get(t);
    time.awaitWait(d -> d.equals(Duration.ofSeconds(3)));
    time.advance(Duration.ofSeconds(3));
    server.takeRequest();
    server.takeRequest(); // the second attempt is now stalled waiting for headers
    Duration left = time.awaitRequestTimer();
    assertEquals(Duration.ofSeconds(2), left, "the attempt gets only what is left of the 5 s deadline");
    time.advance(left);

    assertThrows(RequestTimeoutException.class, () -> Blocking.join(f));
    assertEquals(Duration.ofSeconds(5), Duration.between(start, time.now()));
  }

  @Test
  void stopsAfterMaxAttemptsWithGrowingCappedBackoff() throws Exception {
    HttpTransport t = transport(b -> b.retryPolicy(RetryPolicy.defaults().withMaxAttempts(5)
        .withInitialBackoff(Duration.ofSeconds(1)).withMaxBackoff(Duration.ofSeconds(3))));
    for (int i = 0; i < 6; i++) {
      server.enqueue(json(502, "{}"));
    }

    ServerException e = fails(ServerException.class, get(t));

    assertEquals(502, e.statusCode());
    assertEquals(5, server.getRequestCount());
    List<Duration> retries = time.requestedWaits();
    assertEquals(4, retries.size());
    long[] capsMs = {1000, 2000, 3000, 3000};
    for (int i = 0; i < 4; i++) {
      assertTrue(retries.get(i).toMillis() <= capsMs[i], "retry " + (i + 1) + " waited " + retries.get(i));
    }
  }

  @Test
  void cancellingTheCallCancelsThePendingRetry() throws Exception {
    HttpTransport t = transport();
    server.enqueue(json(503, "{}"));

    CompletableFuture<JsonNode> f = get(t);
    time.awaitWait(d -> true);
    f.cancel(true);

    assertEquals(List.of(), time.awaitNoPendingWaits(), "the scheduled retry is cancelled");
    time.advance(Duration.ofMinutes(1));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void cancellingTheRawCallCancelsThePendingRetry() throws Exception {
    HttpTransport t = transport();
    server.enqueue(json(503, "{}"));

    CompletableFuture<ApiResponse> f = t.send(ApiRequest.get("/v1/x"), RequestOptions.none());
    time.awaitWait(d -> true);
    boolean c = f.cancel(true);

    assertTrue(c);
    assertEquals(List.of(), time.awaitNoPendingWaits(), "the scheduled retry is cancelled");
  }

  @Test
  void cancellingTheCallersFutureCancelsTheCall() throws Exception {
    HttpTransport t = transport();
    server.enqueue(json(503, "{}"));

    CompletableFuture<JsonNode> f = t.toCaller(get(t));
    time.awaitWait(d -> true);
    f.cancel(true);

    assertEquals(List.of(), time.awaitNoPendingWaits(), "the scheduled retry is cancelled");
  }

  @Test
  void toCallerCompletesOnTheClientExecutor() throws Exception {
    java.util.List<Runnable> queued = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpTransport t = transport(b -> b.executor(queued::add));
    server.enqueue(ok());

    CompletableFuture<JsonNode> raw = get(t);
    CompletableFuture<JsonNode> f = t.toCaller(raw);
    time.drive(raw);

    assertFalse(f.isDone(), "completion waits for the caller executor");
    assertEquals(1, queued.size());
    queued.get(0).run();
    assertTrue(f.get().get("ok").asBoolean());
  }

  @Test
  void aMalformedSuccessBodyIsAFireworksException() throws Exception {
    HttpTransport t = transport();
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
        .body("<html>maintenance</html>").build());

    ai.fireworks.sdk.core.FireworksException e = fails(ai.fireworks.sdk.core.FireworksException.class, get(t));

    assertTrue(e.getMessage().contains("GET /v1/x"), e.getMessage());
  }

  // ---- what is sent --------------------------------------------------------------------------

  @Test
  void reusesTheIdempotencyKeyOnEveryAttempt() throws Exception {
    HttpTransport t = transport();
    server.enqueue(json(500, "{}"));
    server.enqueue(json(502, "{}"));
    server.enqueue(ok());
    RequestOptions options = RequestOptions.builder().idempotencyKey("create-my-llama-1").build();

    run(t.send(ApiRequest.post("/v1/accounts/acme/deployments", Map.of("a", 1)), options, JsonNode.class));

    assertEquals(3, server.getRequestCount());
    for (int i = 0; i < 3; i++) {
      RecordedRequest r = server.takeRequest();
      assertEquals("create-my-llama-1", r.getHeaders().get("Idempotency-Key"));
      assertEquals("{\"a\":1}", r.getBody().utf8());
    }
  }

  @Test
  void sendsAuthenticationUserAgentAndHeaders() throws Exception {
    HttpTransport t = transport(b -> b.defaultHeader("X-Team", "ml").defaultHeader("Authorization", "Bearer other"));
    server.enqueue(ok());
    RequestOptions options = RequestOptions.builder().putHeaders("X-Trace", "t-1")
        .putHeaders("authorization", "Bearer stolen").build();

    run(t.send(ApiRequest.patch("/v1/accounts/acme/deployments/d", Map.of("displayName", "x"))
        .query("updateMask", "display_name"), options, JsonNode.class));

    RecordedRequest r = server.takeRequest();
    assertEquals("PATCH", r.getMethod());
    assertEquals("/v1/accounts/acme/deployments/d?updateMask=display_name", r.getTarget());
    assertEquals("Bearer " + KEY, r.getHeaders().get("Authorization"));
    assertEquals(1, r.getHeaders().values("Authorization").size());
    String ua = r.getHeaders().get("User-Agent");
    assertTrue(ua.matches("fireworks-java/\\S+ java/\\d+"), ua);
    assertTrue(ua.endsWith(" java/" + Runtime.version().feature()), ua);
    assertEquals("application/json", r.getHeaders().get("Accept"));
    assertEquals("application/json", r.getHeaders().get("Content-Type"));
    assertEquals("ml", r.getHeaders().get("X-Team"));
    assertEquals("t-1", r.getHeaders().get("X-Trace"));
  }

  @Test
  void customHeadersFromTheEnvironmentAreSentAndTheOwnedOnesAreNot() throws Exception {
    Map<String, String> env = Map.of("FIREWORKS_API_KEY", KEY, "FIREWORKS_CUSTOM_HEADERS",
        "X-Team: ml\r\n\n  X-Cost-Center :  42 \nAuthorization: Bearer other\nX-Team: ml-infra");
    HttpTransport t = transport(b -> b.fromEnv(env::get));
    server.enqueue(ok());

    run(get(t));

    RecordedRequest r = server.takeRequest();
    assertEquals(List.of("ml-infra"), r.getHeaders().values("X-Team"));
    assertEquals("42", r.getHeaders().get("X-Cost-Center"));
    assertEquals(List.of("Bearer " + KEY), r.getHeaders().values("Authorization"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-Team ml-secret-value", ": ml-secret-value", "X Team: ml-secret-value"})
  void aMalformedCustomHeaderLineIsRefusedWithoutShowingIt(String line) {
    Map<String, String> env = Map.of("FIREWORKS_CUSTOM_HEADERS", "X-Ok: 1\n" + line);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FireworksClient.builder().fromEnv(env::get));

    assertTrue(e.getMessage().startsWith("FIREWORKS_CUSTOM_HEADERS line 2 must read 'Name: value'"), e.getMessage());
    assertFalse(e.getMessage().contains("ml-secret-value"), e.getMessage());
  }

  @Test
  void aGetHasNoBodyAndNoContentType() throws Exception {
    HttpTransport t = transport();
    server.enqueue(ok());

    run(get(t));

    RecordedRequest r = server.takeRequest();
    assertEquals(0, r.getBodySize());
    assertNull(r.getHeaders().get("Content-Type"));
  }

  @Test
  void anEmptySuccessBodyDecodesAsAnEmptyObject() throws Exception {
    HttpTransport t = transport();
    server.enqueue(new MockResponse.Builder().code(200).build());

    JsonNode body = run(get(t));

    assertTrue(body.isObject());
    assertEquals(0, body.size());
  }

  // ---- timeouts ------------------------------------------------------------------------------

  @Test
  void requestTimeoutFiresWhenHeadersAreSlow() throws Exception {
    HttpTransport t = transport(b -> b.requestTimeout(Duration.ofSeconds(30)).retryPolicy(RetryPolicy.none()));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    CompletableFuture<JsonNode> f = get(t);
    server.takeRequest(10, TimeUnit.SECONDS);
    assertFalse(f.isDone());
    time.advance(Duration.ofSeconds(30));

    RequestTimeoutException e = assertThrows(RequestTimeoutException.class, () -> Blocking.join(f));
    assertTrue(e.getMessage().contains("GET /v1/x"), e.getMessage());
  }

  @Test
  void perCallTimeoutOverridesTheClientTimeout() throws Exception {
    HttpTransport t = transport(b -> b.retryPolicy(RetryPolicy.none()));
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    CompletableFuture<JsonNode> f = t.send(ApiRequest.get("/v1/x"),
        RequestOptions.builder().timeout(Duration.ofSeconds(2)).build(), JsonNode.class);
    server.takeRequest(10, TimeUnit.SECONDS);
    time.advance(Duration.ofSeconds(2));

    assertThrows(RequestTimeoutException.class, () -> Blocking.join(f));
  }

  @Test
  void streamBodyIdleTimeoutFiresWhenTheBodyStalls() throws Exception {
    HttpTransport t = transport(b -> b.bodyIdleTimeout(Duration.ofMillis(200)));
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
        .body("data: {\"a\":1}\n\n").onResponseBody(SocketEffect.Stall.INSTANCE).build());

    CompletableFuture<StreamingResponse> f = t.stream(ApiRequest.post("/inference/v1/completions", Map.of("stream", true))
        .idempotent(), RequestOptions.none());
    time.drive(f);
    try (StreamingResponse response = Blocking.join(f)) {
      assertEquals(200, response.status());
      InputStream body = response.body();
      long started = System.nanoTime();
      HttpTimeoutException e = assertThrows(HttpTimeoutException.class, () -> body.readAllBytes());
      long ms = (System.nanoTime() - started) / 1_000_000;
      assertTrue(ms >= 150 && ms < 5000, "idle timeout after " + ms + " ms");
      assertTrue(e.getMessage().contains("200 ms"), e.getMessage());
    }
  }

  @Test
  void streamDeliversTheBodyAsItArrives() throws Exception {
    HttpTransport t = transport();
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
        .setHeader("x-request-id", "req-7").chunkedBody("data: one\n\ndata: [DONE]\n\n", 5).build());

    CompletableFuture<StreamingResponse> f = t.stream(ApiRequest.get("/v1/s"), RequestOptions.none());
    time.drive(f);
    try (StreamingResponse response = Blocking.join(f)) {
      assertEquals("req-7", response.requestId().orElseThrow());
      assertEquals("data: one\n\ndata: [DONE]\n\n", new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aStreamAcceptsEventStreamAndABufferedCallJson() throws Exception {
    HttpTransport t = transport();
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
        .body("data: [DONE]\n\n").build());
    server.enqueue(ok());

    CompletableFuture<StreamingResponse> f = t.stream(ApiRequest.get("/v1/s"), RequestOptions.none());
    time.drive(f);
    Blocking.join(f).close();
    run(get(t));

    assertEquals("text/event-stream", server.takeRequest().getHeaders().get("Accept"));
    assertEquals("application/json", server.takeRequest().getHeaders().get("Accept"));
  }

  @Test
  void streamOpeningErrorsAreDecodedAndRetried() throws Exception {
    HttpTransport t = transport();
    server.enqueue(json(502, "{\"error\":{\"message\":\"bad gateway\"}}"));
    server.enqueue(json(404, "{\"error\":{\"message\":\"Model not found\",\"code\":\"NOT_FOUND\"}}"));

    NotFoundException e = fails(NotFoundException.class, t.stream(ApiRequest.get("/v1/s"), RequestOptions.none()));

    assertEquals("Model not found", e.errorMessage());
    assertEquals(2, server.getRequestCount());
  }
}
