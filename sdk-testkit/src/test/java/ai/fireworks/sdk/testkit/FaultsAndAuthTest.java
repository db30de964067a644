package ai.fireworks.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fault injection, authentication and the request journal. */
class FaultsAndAuthTest {
  private static final String LLAMA = "accounts/fireworks/models/llama-v3p2-3b-instruct";

  @RegisterExtension
  final FireworksEmulatorExtension ext = new FireworksEmulatorExtension();
  FireworksEmulator fw;
  Http http;

  @BeforeEach
  void setUp() {
    fw = ext.emulator();
    http = new Http(fw);
  }

  private void readyDeployment() {
    http.createDeployment("d", Http.llama("\"minReplicaCount\":1"));
    fw.advance(Duration.ofMinutes(1));
  }

  @Test
  void rateLimitForTheNextNRequestsWithRetryAfter() {
    fw.faults().inject(Fault.rateLimited(Duration.ofMillis(1500)).times(2));

    Http.Resp first = http.get(http.acct("/deployments"));
    Http.Resp second = http.get(http.acct("/deployments"));
    Http.Resp third = http.get(http.acct("/deployments"));

    assertEquals(429, first.status());
    assertEquals("2", first.header("retry-after"));
    assertEquals(8, first.json().get("code").asInt(), "RESOURCE_EXHAUSTED");
    assertEquals(429, second.status());
    assertEquals(200, third.status());
    assertTrue(fw.faults().allUsed());
    assertEquals("Fault{status 429 {Retry-After=2}, times 2}", fw.journal().requests().get(0).fault().orElseThrow());
  }

  @Test
  void inferenceFaultsUseTheInferenceErrorShape() {
    readyDeployment();
    fw.faults().inject(Fault.serverError(502).on("POST", "/inference/**"));

    Http.Resp r = http.post("/inference/v1/completions", "{\"model\":\"" + LLAMA + "\",\"prompt\":\"x\"}");

    assertEquals(502, r.status());
    assertEquals("error", r.json().at("/error/object").asText());
    assertTrue(r.json().at("/error/message").asText().contains("injected"));
  }

  @Test
  void faultsMatchByMethodAndPathGlob() {
    http.createDeployment("a", Http.llama(""));
    fw.faults().inject(Fault.status(503).on("GET", "/v1/accounts/*/deployments/*").always());

    assertEquals(200, http.get(http.acct("/deployments")).status(), "the list is not matched by the single-resource glob");
    assertEquals(503, http.get(http.acct("/deployments/a")).status());
    assertEquals(503, http.get(http.acct("/deployments/a")).status());
    assertEquals(200, http.delete(http.acct("/deployments/a")).status());
    assertEquals(1, fw.faults().pending().size());

    fw.faults().clear();
    assertEquals(200, http.get(http.acct("/deployments/a")).status());
  }

  @Test
  void faultsCanMatchAPredicateOnTheRequest() {
    fw.faults().inject(Fault.status(500).when(r -> r.queryParameter("showDeleted").isPresent()));

    assertEquals(200, http.get(http.acct("/deployments")).status());
    assertEquals(500, http.get(http.acct("/deployments?showDeleted=true")).status());
  }

  @Test
  void droppedConnectionGivesTheClientAnIoError() throws Exception {
    fw.faults().inject(Fault.dropConnection().times(3));
    HttpRequest post = HttpRequest.newBuilder(URI.create(fw.baseUrl() + "/inference/v1/completions"))
        .header("Authorization", "Bearer " + fw.apiKey())
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

    assertThrows(IOException.class, () -> Http.CLIENT.send(post, HttpResponse.BodyHandlers.ofString()));
    assertEquals(-1, fw.journal().last().status());
  }

  @Test
  void delayedHeadersTripTheClientsTimeout() {
    fw.faults().inject(Fault.delay(Duration.ofSeconds(5)));
    HttpRequest get = HttpRequest.newBuilder(URI.create(fw.baseUrl() + http.acct("/deployments")))
        .header("Authorization", "Bearer " + fw.apiKey()).timeout(Duration.ofMillis(300)).build();

    assertThrows(HttpTimeoutException.class, () -> Http.CLIENT.send(get, HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void slowBodyArrivesCompleteButLate() {
    fw.faults().inject(Fault.slowBody(Duration.ofMillis(100)));

    long start = System.nanoTime();
    Http.Resp r = http.get("/v1/accounts/fireworks/models/llama-v3p2-3b-instruct");

    assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "three pauses between four pieces");
    assertEquals(200, r.status());
    assertEquals("HF_BASE_MODEL", r.json().get("kind").asText());
  }

  @Test
  void stalledBodyHoldsTheRestUntilTheEmulatorCloses() throws Exception {
    fw.faults().inject(Fault.stallBody());
    HttpRequest get = HttpRequest.newBuilder(URI.create(fw.baseUrl() + "/v1/accounts/fireworks/models/mixtral-8x7b"))
        .header("Authorization", "Bearer " + fw.apiKey()).build();
    HttpResponse<InputStream> r = Http.CLIENT.send(get, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    InputStream body = r.body();
    byte[] first = body.readNBytes(10);
    assertEquals("{\"name\":\"a", new String(first, StandardCharsets.UTF_8));

    fw.close();

    assertThrows(IOException.class, body::readAllBytes);
  }

  @Test
  void truncatedStreamEndsWithoutDone() {
    readyDeployment();
    fw.faults().inject(Fault.truncateStream(2));

    Http.Resp r = http.post("/inference/v1/completions",
        "{\"model\":\"" + LLAMA + "\",\"prompt\":\"one two three four\",\"stream\":true}");

    assertEquals(200, r.status());
    String[] events = r.body().split("\n\n");
    assertEquals(2, events.length);
    assertFalse(r.body().contains("[DONE]"));
    assertFalse(r.body().contains("finish_reason\":\"stop"));
  }

  @Test
  void truncatedJsonBodyDropsTheConnection() {
    fw.faults().inject(Fault.truncateStream(0));

    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> http.get(http.acct("/models/my-lora")));

    assertTrue(e.getCause().getMessage().contains("content-length") || e.getCause().getMessage().contains("EOF"),
        e.getCause().getMessage());
  }

  @Test
  void missingOrWrongKeyIs401InBothShapes() {
    Http.Resp none = http.send("GET", http.acct("/deployments"), null, null);
    Http.Resp wrong = http.send("GET", http.acct("/deployments"), null, "Bearer not-the-key");
    Http.Resp basic = http.send("GET", http.acct("/deployments"), null, "Basic " + fw.apiKey());
    Http.Resp inference = http.send("POST", "/inference/v1/completions", "{}", "Bearer nope");

    assertEquals(401, none.status());
    assertEquals(16, none.json().get("code").asInt());
    assertTrue(none.json().get("message").asText().contains("Authorization: Bearer"));
    assertEquals(401, wrong.status());
    assertEquals(401, basic.status());
    assertEquals(401, inference.status());
    assertEquals("UNAUTHENTICATED", inference.json().at("/error/code").asText());
    assertEquals(200, http.send("GET", http.acct("/deployments"), null, "bearer " + fw.apiKey()).status());
  }

  @Test
  void journalRecordsRequestsWithoutTheKey() {
    http.post(http.acct("/deployments?deploymentId=j&validateOnly=true"), Http.llama("\"displayName\":\"journal\""));

    RecordedRequest r = fw.journal().last();

    assertEquals("POST", r.method());
    assertEquals("/v1/accounts/acme/deployments", r.path());
    assertEquals("deploymentId=j&validateOnly=true", r.query());
    assertEquals("/v1/accounts/acme/deployments?deploymentId=j&validateOnly=true", r.target());
    assertEquals("true", r.queryParameter("validateOnly").orElseThrow());
    assertEquals("journal", r.bodyJson().get("displayName").asText());
    assertEquals("application/json", r.header("Content-Type").orElseThrow());
    assertEquals("Bearer <redacted>", r.header("authorization").orElseThrow());
    assertFalse(r.headers().toString().contains(fw.apiKey()));
    assertFalse(r.toString().contains(fw.apiKey()));
    assertEquals(200, r.status());
    assertEquals(fw.now(), r.receivedAt());
    assertEquals(1, fw.journal().requests("POST", "/v1/accounts/acme/deployments").size());
    assertFalse(fw.toString().contains(fw.apiKey()));
  }

  @Test
  void responseRequestIdMatchesTheJournal() {
    Http.Resp r = http.get(http.acct("/deployments"));

    assertEquals(r.header("x-request-id"), fw.journal().last().requestId());
  }

  @Test
  void journalIsConsistentUnderConcurrentRequests() throws Exception {
    List<Thread> threads = new java.util.ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < 25; i++) {
          http.get(http.acct("/models"));
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }

    List<RecordedRequest> all = fw.journal().requests();
    assertEquals(200, all.size());
    for (int i = 0; i < all.size(); i++) {
      assertEquals(i, all.get(i).sequence());
      assertEquals(200, all.get(i).status());
    }
  }

  @Test
  void faultArgumentsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> Fault.status(200));
    assertThrows(IllegalArgumentException.class, () -> Fault.serverError(404));
    assertThrows(IllegalArgumentException.class, () -> Fault.dropConnection().times(0));
    assertThrows(IllegalArgumentException.class, () -> Fault.delay(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> Fault.truncateStream(-1));
  }
}
