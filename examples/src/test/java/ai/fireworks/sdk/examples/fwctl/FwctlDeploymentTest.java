package ai.fireworks.sdk.examples.fwctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.testkit.FireworksEmulator;
import ai.fireworks.sdk.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** fwctl's deployment commands against the emulator: exit codes, output, and what was sent. */
class FwctlDeploymentTest extends FwctlEmulatorTest {
  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private List<RecordedRequest> sent(String method, String pathSuffix) {
    return fw.requests().stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix))
        .collect(Collectors.toList());
  }

  @Test
  void createSendsOnlyTheGivenFlagsWithDurationsInProtobufForm() throws Exception {
    FwctlHarness.Result r = ok("create", "deployment", "llama-v3p2-3b-instruct", "--deployment-id", "my-llama",
        "--min-replica-count", "0", "--max-replica-count", "2", "--scale-up-window", "30s",
        "--scale-to-zero-window", "1.5h", "--accelerator-type", "NVIDIA_H100_80GB", "--accelerator-count", "1",
        "--long-prompt", "--enable-addons", "-o", "json");

    RecordedRequest post = sent("POST", "/v1/accounts/acme/deployments").get(0);
    assertEquals("my-llama", post.queryParameter("deploymentId").orElseThrow());
    JsonNode body = post.bodyJson();
    assertEquals(LLAMA, body.path("baseModel").asText());
    assertEquals(0, body.path("minReplicaCount").asInt(-1));
    assertEquals(2, body.path("maxReplicaCount").asInt());
    assertEquals("30s", body.at("/autoscalingPolicy/scaleUpWindow").asText());
    assertEquals("5400s", body.at("/autoscalingPolicy/scaleToZeroWindow").asText());
    assertTrue(body.at("/autoscalingPolicy/scaleDownWindow").isMissingNode(), body::toString);
    assertEquals("NVIDIA_H100_80GB", body.path("acceleratorType").asText());
    assertTrue(body.at("/autoTune/longPrompt").asBoolean());
    assertTrue(body.path("enableAddons").asBoolean());
    assertTrue(body.path("precision").isMissingNode(), body::toString);
    assertTrue(body.path("displayName").isMissingNode(), body::toString);

    JsonNode printed = json(r.out);
    assertEquals("accounts/acme/deployments/my-llama", printed.path("name").asText());
    assertEquals(LLAMA, printed.path("baseModel").asText());
  }

  @Test
  void createWithWaitPrintsTheReadyDeploymentAsTheApiReturnedIt() throws Exception {
    FwctlHarness.Result r = ok("create", "deployment", LLAMA, "--deployment-id", "waited", "--wait", "-o", "json");

    JsonNode printed = json(r.out);
    assertEquals("READY", printed.path("state").asText());
    assertEquals(emulator.deployment("waited").orElseThrow(), printed);
    assertTrue(r.err.contains("waiting: waited: READY"), r.err);
    assertTrue(r.err.contains("elapsed"), r.err);
  }

  @Test
  void waitShowsProgressLinesWithStateReplicasAndElapsedTime() {
    try (FireworksEmulator slow = FwctlHarness.fastEmulator().creatingDelay(Duration.ofHours(1))
        .readyAfterPolls(3).start()) {
      FwctlHarness h = new FwctlHarness(slow);
      FwctlHarness.Result r = h.run("create", "deployment", LLAMA, "--deployment-id", "slow", "--wait");

      assertEquals(0, r.exit, r::toString);
      List<String> lines = r.err.lines().filter(l -> l.startsWith("waiting: slow: ")).collect(Collectors.toList());
      assertTrue(lines.size() >= 2, r.err);
      assertTrue(lines.get(0).matches("waiting: slow: CREATING, replicas 0/\\d \\(min 0, max \\d\\), elapsed \\d+m?s"),
          lines.get(0));
      assertTrue(lines.get(lines.size() - 1).startsWith("waiting: slow: READY"), r.err);
      assertTrue(r.out.contains("state:") && r.out.contains("READY"), r.out);
      assertFalse(r.err.contains("\r"), "no carriage returns when stderr is not a terminal");
    }
  }

  @Test
  void waitTimeoutExitsOneWithAClearMessage() {
    try (FireworksEmulator slow = FwctlHarness.fastEmulator().creatingDelay(Duration.ofHours(1)).start()) {
      FwctlHarness h = new FwctlHarness(slow);
      FwctlHarness.Result r = h.run("create", "deployment", LLAMA, "--deployment-id", "never", "--wait",
          "--wait-timeout", "50ms");

      assertEquals(1, r.exit, r::toString);
      assertTrue(r.err.contains("timed out"), r.err);
      assertTrue(r.err.contains("--wait-timeout"), r.err);
    }
  }

  @Test
  void aBareModelIdIsFireworksModelIfThereIsOneElseTheCallersOwn() throws Exception {
    emulator.addBaseModel("accounts/acme/models/house-model", 1, true);

    FwctlHarness.Result own = ok("create", "deployment", "house-model", "--deployment-id", "own", "-o", "json");
    FwctlHarness.Result theirs = ok("create", "deployment", "qwen2p5-7b-instruct", "--deployment-id", "theirs",
        "-o", "json");

    assertEquals("accounts/acme/models/house-model", json(own.out).path("baseModel").asText());
    assertEquals("accounts/fireworks/models/qwen2p5-7b-instruct", json(theirs.out).path("baseModel").asText());
    List<String> posted = sent("POST", "/v1/accounts/acme/deployments").stream()
        .map(p -> p.bodyJson().path("baseModel").asText()).collect(Collectors.toList());
    assertEquals(List.of("accounts/acme/models/house-model", "accounts/fireworks/models/qwen2p5-7b-instruct"), posted);
  }

  @Test
  void validateOnlySendsTheFlagAndCreatesNothing() throws Exception {
    FwctlHarness.Result r = ok("create", "deployment", "qwen2p5-7b-instruct", "--deployment-id", "dry", "--validate-only",
        "-o", "json");

    RecordedRequest post = sent("POST", "/deployments").get(0);
    assertEquals("true", post.queryParameter("validateOnly").orElseThrow());
    assertEquals("accounts/fireworks/models/qwen2p5-7b-instruct", json(r.out).path("baseModel").asText());
    assertTrue(emulator.deployment("dry").isEmpty());
  }

  @Test
  void getPrintsAKeyValueListingOrTheRawResource() throws Exception {
    ok("create", "deployment", LLAMA, "--deployment-id", "shown", "--scale-down-window", "10m", "--wait");

    FwctlHarness.Result text = ok("get", "deployment", "shown");
    assertTrue(text.out.contains("name:"), text.out);
    assertTrue(text.out.lines().anyMatch(l -> l.matches("state:\\s+READY")), text.out);
    assertTrue(text.out.lines().anyMatch(l -> l.matches("base model:\\s+" + LLAMA)), text.out);
    assertTrue(text.out.lines().anyMatch(l -> l.matches("scale down window:\\s+10m0s")), text.out);

    FwctlHarness.Result full = ok("get", "deployment", "accounts/acme/deployments/shown", "-o", "json");
    assertEquals(emulator.deployment("shown").orElseThrow(), json(full.out));
    assertEquals("/v1/accounts/acme/deployments/shown", fw.requests().get(fw.requests().size() - 1).path());
  }

  @Test
  void deploymentShapeShorthandIsSentAsGivenAndABadShapeIsRefusedBeforeSending() {
    FwctlHarness.Result r = ok("create", "deployment", "llama-v3p2-3b-instruct", "--deployment-id", "shaped",
        "--deployment-shape", "fast");
    int sentBefore = fw.requests().size();
    FwctlHarness.Result bad = fw.run("create", "deployment", "llama-v3p2-3b-instruct", "--deployment-shape", "speedy");

    assertEquals("fast", sent("POST", "/v1/accounts/acme/deployments").get(0).bodyJson().path("deploymentShape").asText());
    assertTrue(r.out.lines().anyMatch(l -> l.matches("deployment shape:\\s+accounts/fireworks/deploymentShapes/"
        + "llama-v3p2-3b-instruct-fast/versions/1")), r.out);
    assertEquals(2, bad.exit, bad::toString);
    assertTrue(bad.err.contains("deploymentShape must be fast, throughput, minimal"), bad.err);
    assertEquals(sentBefore, fw.requests().size(), "the bad shape sent nothing");
  }

  @Test
  void directRouteKeysAreCountedInTextButNeverPrintedExceptInTheRawJson() throws Exception {
    String[] keys = {"dr-SENTINEL-1111-aaaa", "dr-SENTINEL-2222-bbbb"};
    java.net.http.HttpResponse<String> created = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(emulator.baseUrl().resolve("/v1/accounts/acme/deployments?deploymentId=direct"))
            .header("Authorization", "Bearer " + emulator.apiKey()).header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"baseModel\": \"" + LLAMA
                + "\", \"directRouteType\": \"INTERNET\", \"directRouteApiKeys\": [\"" + keys[0] + "\", \""
                + keys[1] + "\"]}")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, created.statusCode(), created::body);

    FwctlHarness.Result text = ok("--verbose", "get", "deployment", "direct");
    FwctlHarness.Result listed = ok("--verbose", "list", "deployments");
    FwctlHarness.Result updated = ok("update", "deployment", "direct", "--display-name", "renamed", "--wait");
    FwctlHarness.Result json = ok("get", "deployment", "direct", "-o", "json");

    assertTrue(text.out.lines().anyMatch(l -> l.matches("direct route:\\s+INTERNET, 2 keys")), text.out);
    for (FwctlHarness.Result r : List.of(text, listed, updated)) {
      for (String key : keys) {
        assertFalse(r.out.contains(key) || r.err.contains(key), "a direct-route key was printed:\n" + r);
      }
    }
    assertEquals(keys[1], json(json.out).at("/directRouteApiKeys/1").asText(), "-o json prints what the API returned");
  }

  @Test
  void apiErrorsExitOneWithStatusCodeMessageAndRequestId() {
    FwctlHarness.Result r = fw.run("get", "deployment", "missing");

    assertEquals(1, r.exit, r::toString);
    RecordedRequest get = fw.requests().get(0);
    assertTrue(r.err.contains("HTTP 404"), r.err);
    assertTrue(r.err.contains("NOT_FOUND"), r.err);
    assertTrue(r.err.contains("request id: " + get.requestId()), r.err);
    assertEquals("", r.out);
  }

  @Test
  void listFollowsPageTokensToTheEnd() throws Exception {
    for (String id : List.of("alpha", "bravo", "charlie")) {
      ok("create", "deployment", LLAMA, "--deployment-id", id);
    }
    fw.emulator.journal().clear();

    FwctlHarness.Result r = ok("list", "deployments", "--page-size", "2", "-o", "json");

    JsonNode all = json(r.out).path("deployments");
    assertEquals(3, all.size(), r.out);
    assertEquals(1, json(r.out).size(), "only the deployments field");
    List<RecordedRequest> pages = sent("GET", "/v1/accounts/acme/deployments");
    assertEquals(2, pages.size(), fw::journalSummary);
    assertEquals("2", pages.get(0).queryParameter("pageSize").orElseThrow());
    assertTrue(pages.get(1).queryParameter("pageToken").isPresent(), fw::journalSummary);

    FwctlHarness.Result table = ok("list", "deployments");
    List<String> lines = table.out.lines().collect(Collectors.toList());
    assertTrue(lines.get(0).matches("ID\\s+BASE MODEL\\s+STATE\\s+REPLICAS\\s+MIN/MAX\\s+ACCELERATOR\\s+AGE"), lines.get(0));
    assertEquals(4, lines.size(), table.out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("charlie ") && l.contains("fireworks/llama-v3p2-3b-instruct")),
        table.out);
  }

  @Test
  void listPassesFilterAndShowDeleted() {
    ok("create", "deployment", LLAMA, "--deployment-id", "gone");
    ok("delete", "deployment", "gone");
    fw.emulator.journal().clear();

    FwctlHarness.Result hidden = ok("list", "deployments");
    assertTrue(hidden.out.contains("No deployments."), hidden.out);
    FwctlHarness.Result shown = ok("list", "deployments", "--show-deleted", "--filter", "state=\"DELETED\"");
    assertTrue(shown.out.contains("gone") && shown.out.contains("DELETED"), shown.out);
    RecordedRequest last = fw.requests().get(fw.requests().size() - 1);
    assertEquals("true", last.queryParameter("showDeleted").orElseThrow());
    assertEquals("state=\"DELETED\"", last.queryParameter("filter").orElseThrow());
  }

  @Test
  void updateSendsOnlyChangedFieldsWithAnUpdateMask() throws Exception {
    ok("create", "deployment", LLAMA, "--deployment-id", "tuned", "--long-prompt", "--wait");

    FwctlHarness.Result r = ok("update", "deployment", "tuned", "--long-prompt=false", "--max-replica-count", "3",
        "-o", "json");

    RecordedRequest patch = sent("PATCH", "/v1/accounts/acme/deployments/tuned").get(0);
    JsonNode body = patch.bodyJson();
    assertFalse(body.at("/autoTune/longPrompt").asBoolean(true), body::toString);
    assertEquals(3, body.path("maxReplicaCount").asInt());
    assertTrue(body.path("minReplicaCount").isMissingNode(), body::toString);
    assertTrue(body.path("acceleratorType").isMissingNode(), body::toString);
    String mask = patch.queryParameter("updateMask").orElseThrow();
    assertTrue(mask.contains("max_replica_count") && mask.contains("auto_tune.long_prompt"), mask);
    assertFalse(mask.contains("min_replica_count"), mask);
    assertEquals(3, json(r.out).path("maxReplicaCount").asInt());
  }

  @Test
  void updateTakesADeploymentShape() throws Exception {
    ok("create", "deployment", LLAMA, "--deployment-id", "reshaped", "--deployment-shape", "fast", "--wait");

    ok("update", "deployment", "reshaped", "--deployment-shape", "throughput");

    RecordedRequest patch = sent("PATCH", "/v1/accounts/acme/deployments/reshaped").get(0);
    assertEquals("deployment_shape", patch.queryParameter("updateMask").orElseThrow());
    assertEquals(json("{\"deploymentShape\":\"throughput\"}"), patch.bodyJson());
  }

  @Test
  void aPageSizeAbove200IsSentAs200() {
    ok("list", "deployments", "--page-size", "500");

    assertEquals("200", sent("GET", "/v1/accounts/acme/deployments").get(0).queryParameter("pageSize").orElseThrow());
  }

  @Test
  void updateWithWaitPrintsTheDeploymentReadyAgain() throws Exception {
    ok("create", "deployment", LLAMA, "--deployment-id", "grow", "--accelerator-count", "1", "--wait");

    FwctlHarness.Result r = ok("update", "deployment", "grow", "--accelerator-count", "2", "--wait", "-o", "json");

    assertEquals("READY", json(r.out).path("state").asText());
    assertEquals(2, json(r.out).path("acceleratorCount").asInt());
    assertEquals("accelerator_count", sent("PATCH", "/deployments/grow").get(0).queryParameter("updateMask").orElseThrow());
  }

  @Test
  void scaleSendsTheReplicaCount() throws Exception {
    ok("create", "deployment", LLAMA, "--deployment-id", "scaled", "--max-replica-count", "4", "--wait");

    FwctlHarness.Result r = ok("scale", "scaled", "--replica-count", "2");

    RecordedRequest patch = sent("PATCH", "/v1/accounts/acme/deployments/scaled:scale").get(0);
    assertEquals(2, patch.bodyJson().path("replicaCount").asInt());
    assertTrue(r.out.contains("2 replicas"), r.out);
    assertEquals("{ }", ok("scale", "scaled", "--replica-count", "0", "-o", "json").out.strip());
  }

  @Test
  void deleteSoftThenUndeleteThenHardDelete() throws Exception {
    ok("create", "deployment", LLAMA, "--deployment-id", "phoenix", "--wait");

    FwctlHarness.Result soft = ok("delete", "deployment", "phoenix", "--wait");
    assertTrue(soft.out.contains("undelete"), soft.out);
    assertEquals("DELETED", emulator.deployment("phoenix").orElseThrow().path("state").asText());

    FwctlHarness.Result back = ok("undelete", "deployment", "phoenix", "--wait", "-o", "json");
    assertEquals("READY", json(back.out).path("state").asText());
    assertEquals(1, sent("POST", "/v1/accounts/acme/deployments/phoenix:undelete").size());

    ok("delete", "deployment", "phoenix", "--hard", "--ignore-checks");
    RecordedRequest delete = sent("DELETE", "/v1/accounts/acme/deployments/phoenix").get(1);
    assertEquals("true", delete.queryParameter("hard").orElseThrow());
    assertEquals("true", delete.queryParameter("ignoreChecks").orElseThrow());
    assertTrue(emulator.deployment("phoenix").isEmpty());
  }

  @Test
  void deleteWithWaitPrintsTheDeploymentAsTheWaitLastReadIt() throws Exception {
    ok("create", "deployment", LLAMA, "--deployment-id", "soft", "--wait");

    JsonNode soft = json(ok("delete", "deployment", "soft", "--wait", "-o", "json").out);

    assertEquals("accounts/acme/deployments/soft", soft.path("name").asText(), soft::toString);
    assertEquals("DELETED", soft.path("state").asText(), soft::toString);
    assertTrue(soft.has("deleteTime"), soft::toString);
  }

  @Test
  void hardDeleteWithWaitPrintsTheLastReadBeforeItWasGoneOrWhatDeleteReturned() throws Exception {
    ok("create", "deployment", LLAMA, "--deployment-id", "at-once", "--wait");
    // gone at once: nothing was read after the DELETE, whose reply is the API's empty body
    assertEquals("{ }", ok("delete", "deployment", "at-once", "--hard", "--wait", "-o", "json").out.strip());

    try (FireworksEmulator slow = FwctlHarness.fastEmulator().deletingDelay(Duration.ofSeconds(1)).start()) {
      FwctlHarness slowFw = new FwctlHarness(slow);
      assertEquals(0, slowFw.run("create", "deployment", LLAMA, "--deployment-id", "lingers", "--wait").exit);

      FwctlHarness.Result r = slowFw.run("delete", "deployment", "lingers", "--hard", "--wait", "-o", "json");

      assertEquals(0, r.exit, r::toString);
      JsonNode last = json(r.out);
      assertEquals("accounts/acme/deployments/lingers", last.path("name").asText(), r::toString);
      assertEquals("DELETING", last.path("state").asText(), r::toString);
      assertTrue(slow.deployment("lingers").isEmpty());
    }
  }

  @Test
  void customHeadersFromTheEnvironmentAreSentWithEveryRequestAndNeverPrinted() {
    String value = "hdr-SENTINEL-7f3a9c41";
    fw.env.put("FIREWORKS_CUSTOM_HEADERS", "X-Team: platform\nX-Proxy-Token: " + value + "\n");

    List<FwctlHarness.Result> results = List.of(
        ok("--verbose", "create", "deployment", LLAMA, "--deployment-id", "headed", "--wait"),
        ok("--verbose", "get", "deployment", "headed", "-o", "json"),
        fw.run("--verbose", "get", "deployment", "missing"),
        ok("--verbose", "completions", "accounts/acme/deployments/headed", "--prompt", "hi"));

    assertEquals(1, results.get(2).exit, results.get(2)::toString);
    assertTrue(fw.requests().size() >= 4, fw::journalSummary);
    for (RecordedRequest r : fw.requests()) {
      assertEquals(value, r.header("X-Proxy-Token").orElse(null), r::toString);
      assertEquals("platform", r.header("X-Team").orElse(null), r::toString);
    }
    for (FwctlHarness.Result r : results) {
      assertFalse(r.out.contains(value) || r.err.contains(value), r::toString);
    }
  }

  @Test
  void aMalformedCustomHeaderLineIsAUsageErrorThatNamesTheLineButNotItsText() {
    // the leading blank line counts: the number is the line of the variable as the user wrote it
    fw.env.put("FIREWORKS_CUSTOM_HEADERS", "\nX-Team: platform\nno colon hdr-SENTINEL-0b7e");

    FwctlHarness.Result r = fw.run("get", "deployment", "anything");

    assertEquals(2, r.exit, r::toString);
    assertEquals(0, emulator.journal().size(), fw::journalSummary);
    assertTrue(r.err.contains("FIREWORKS_CUSTOM_HEADERS line 3"), r.err);
    assertFalse(r.err.contains("hdr-SENTINEL"), r.err);
  }

  @Test
  void flagsOverrideTheEnvironmentTheClientIsBuiltFrom() {
    ok("create", "deployment", LLAMA, "--deployment-id", "flagged");
    Map<String, String> wrong = Map.of("FIREWORKS_API_KEY", "fw-wrong-key-000000",
        "FIREWORKS_ACCOUNT_ID", "someone-else", "FIREWORKS_BASE_URL", "http://127.0.0.1:9");

    FwctlHarness.Result r = FwctlHarness.run(wrong, "get", "deployment", "flagged", "--api-key", emulator.apiKey(),
        "-a", "acme", "--base-url", emulator.baseUrl().toString(), "-o", "json");

    assertEquals(0, r.exit, r::toString);
    assertTrue(r.out.contains("accounts/acme/deployments/flagged"), r.out);
  }

  @Test
  void globalOptionsWorkBeforeOrAfterTheSubcommand() {
    ok("create", "deployment", LLAMA, "--deployment-id", "anywhere");
    Map<String, String> empty = Map.of();

    FwctlHarness.Result after = FwctlHarness.run(empty, "get", "deployment", "anywhere", "--api-key",
        emulator.apiKey(), "-a", "acme", "--base-url", emulator.baseUrl().toString());
    FwctlHarness.Result before = FwctlHarness.run(empty, "--api-key", emulator.apiKey(), "--account-id", "acme",
        "--base-url", emulator.baseUrl().toString(), "-o", "json", "get", "deployment", "anywhere");

    assertEquals(0, after.exit, after::toString);
    assertEquals(0, before.exit, before::toString);
    assertTrue(before.out.startsWith("{"), before.out);
  }
}
