package ai.fireworks.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The deployment endpoints against the reference, section 1. */
class DeploymentsApiTest {
  @RegisterExtension
  final FireworksEmulatorExtension ext = new FireworksEmulatorExtension();
  Http http;
  FireworksEmulator fw;

  @BeforeEach
  void setUp() {
    fw = ext.emulator();
    http = new Http(fw);
  }

  @Test
  void createFillsServerDefaultsAndReadOnlyFields() {
    JsonNode d = http.createDeployment("my-llama", Http.llama(""));

    assertEquals("accounts/acme/deployments/my-llama", d.get("name").asText());
    assertEquals("CREATING", d.get("state").asText());
    assertEquals("accounts/fireworks/models/llama-v3p2-3b-instruct", d.get("baseModel").asText());
    assertEquals(0, d.get("minReplicaCount").asInt());
    assertEquals(1, d.get("maxReplicaCount").asInt());
    assertEquals("30s", d.at("/autoscalingPolicy/scaleUpWindow").asText());
    assertEquals("600s", d.at("/autoscalingPolicy/scaleDownWindow").asText());
    assertEquals("3600s", d.at("/autoscalingPolicy/scaleToZeroWindow").asText());
    assertEquals("NVIDIA_A100_80GB", d.get("acceleratorType").asText());
    assertEquals(1, d.get("acceleratorCount").asInt());
    assertFalse(d.get("enableAddons").asBoolean());
    assertEquals(0, d.get("replicaCount").asInt());
    assertEquals(1, d.at("/replicaStats/pendingSchedulingReplicaCount").asInt());
    assertEquals("2025-01-01T00:00:00Z", d.get("createTime").asText());
    assertEquals(Instant.parse(d.get("updateTime").asText()), fw.now());
    assertFalse(d.has("deleteTime"));
  }

  @Test
  void acceleratorCountDefaultsToTheModelsWorldSize() {
    JsonNode d = http.createDeployment("big", "{\"baseModel\":\"accounts/fireworks/models/llama-v3p1-70b-instruct\"}");

    assertEquals(4, d.get("acceleratorCount").asInt());
  }

  @Test
  void createKeepsWhatTheCallerSetAndIgnoresOutputOnlyFields() {
    JsonNode d = http.createDeployment("support", Fixtures.read("create-deployment-full.json"));

    assertEquals("Support bot (llama 3B)", d.get("displayName").asText());
    assertEquals(1, d.get("minReplicaCount").asInt());
    assertEquals(3, d.get("maxReplicaCount").asInt());
    assertEquals("300s", d.at("/autoscalingPolicy/scaleToZeroWindow").asText());
    assertEquals(0.7, d.at("/autoscalingPolicy/loadTargets/default").asDouble());
    assertEquals("NVIDIA_H100_80GB", d.get("acceleratorType").asText());
    assertEquals(2, d.get("acceleratorCount").asInt());
    assertEquals("FP8", d.get("precision").asText());
    assertTrue(d.at("/autoTune/longPrompt").asBoolean());
    assertEquals("US", d.at("/placement/multiRegion").asText());
    assertEquals("support", d.at("/annotations/custom~1team").asText());
    assertEquals("CREATING", d.get("state").asText(), "state in the body is output only");
    assertEquals(0, d.get("replicaCount").asInt());
    assertEquals("2025-01-01T00:00:00Z", d.get("createTime").asText());
  }

  @Test
  void createWithoutIdMakesARandomServerId() {
    Http.Resp r = http.post(http.acct("/deployments"), Http.llama(""));

    assertEquals(200, r.status());
    String name = r.json().get("name").asText();
    assertTrue(name.matches("accounts/acme/deployments/[0-9a-f]{12}"), name);
  }

  @Test
  void createWithAnExistingIdIsAlreadyExists() {
    http.createDeployment("dup", Http.llama(""));

    Http.Resp r = http.post(http.acct("/deployments?deploymentId=dup"), Http.llama(""));

    assertEquals(409, r.status());
    assertEquals(6, r.json().get("code").asInt());
    assertTrue(r.json().get("message").asText().contains("already exists"));
    assertTrue(r.json().get("details").isArray());
  }

  @Test
  void validateOnlyReturnsTheWouldBeDeploymentAndCreatesNothing() {
    Http.Resp r = http.post(http.acct("/deployments?deploymentId=dry&validateOnly=true"), Http.llama("\"minReplicaCount\":2"));

    assertEquals(200, r.status());
    assertEquals(2, r.json().get("maxReplicaCount").asInt());
    assertEquals(404, http.get(http.acct("/deployments/dry")).status());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing baseModel|{}|base_model is required",
      "bad model name|{\"baseModel\":\"llama\"}|invalid base_model",
      "scale to zero under 5m|" + "{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"autoscalingPolicy\":{\"scaleToZeroWindow\":\"299s\"}}|at least 300s",
      "scale up over 1h|{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"autoscalingPolicy\":{\"scaleUpWindow\":\"3601s\"}}|at most 3600s",
      "scale down over 1h|{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"autoscalingPolicy\":{\"scaleDownWindow\":\"2h\"}}|google.protobuf.Duration",
      "min over max|{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"minReplicaCount\":3,\"maxReplicaCount\":2}|must not be greater than max_replica_count",
      "negative min|{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"minReplicaCount\":-1}|min_replica_count must be non-negative",
      "negative max|{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"maxReplicaCount\":-2}|max_replica_count must be non-negative",
      "negative accelerator count|{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"acceleratorCount\":-1}|accelerator_count",
      "unknown accelerator|{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"acceleratorType\":\"TPU_V5\"}|invalid value for enum field acceleratorType",
      "unknown field|{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"minReplicas\":1}|unknown field \"minReplicas\"",
      "wrong type|{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"enableAddons\":\"yes\"}|expected true or false",
      "long display name|{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"displayName\":\"0123456789012345678901234567890123456789012345678901234567890123\"}|fewer than 64",
      "two placements|{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\",\"placement\":{\"region\":\"US_IOWA_1\",\"multiRegion\":\"US\"}}|exactly one",
      "not JSON|{baseModel|invalid JSON body"
  })
  void invalidCreatesAnswer400InvalidArgument(String caseName, String body, String expected) {
    Http.Resp r = http.post(http.acct("/deployments?deploymentId=bad"), body);

    assertEquals(400, r.status(), r.body());
    assertEquals(3, r.json().get("code").asInt());
    assertTrue(r.json().get("message").asText().contains(expected), r.json().get("message").asText());
    assertEquals(404, http.get(http.acct("/deployments/bad")).status(), "nothing was created");
  }

  @ParameterizedTest
  @CsvSource({"Upper", "9starts-with-digit", "ends-with-", "has_underscore"})
  void invalidDeploymentIdsAreRejected(String id) {
    Http.Resp r = http.post(http.acct("/deployments?deploymentId=" + id), Http.llama(""));

    assertEquals(400, r.status());
    assertTrue(r.json().get("message").asText().contains("invalid deployment_id"));
  }

  @Test
  void unknownBaseModelIsNotFound() {
    Http.Resp r = http.post(http.acct("/deployments?deploymentId=x"), "{\"baseModel\":\"accounts/fireworks/models/gpt-9\"}");

    assertEquals(404, r.status());
    assertEquals(5, r.json().get("code").asInt());
    assertTrue(r.json().get("message").asText().contains("accounts/fireworks/models/gpt-9"));
  }

  @Test
  void getOfAMissingDeploymentIsNotFoundInGoogleRpcShape() {
    Http.Resp r = http.get(http.acct("/deployments/nope"));

    assertEquals(404, r.status());
    assertEquals(5, r.json().get("code").asInt());
    assertEquals("deployment accounts/acme/deployments/nope not found", r.json().get("message").asText());
    assertEquals(0, r.json().get("details").size());
    assertTrue(r.header("x-request-id") != null && !r.header("x-request-id").isEmpty());
  }

  @Test
  void listPagesWithOpaqueTokensAndTotalSize() {
    for (int i = 0; i < 5; i++) {
      http.createDeployment("d" + i, Http.llama(""));
      fw.advance(Duration.ofSeconds(1));
    }
    List<String> names = new ArrayList<>();
    Set<String> tokens = new HashSet<>();
    String token = "";
    int pages = 0;
    do {
      JsonNode page = http.get(http.acct("/deployments?pageSize=2" + (token.isEmpty() ? "" : "&pageToken=" + token))).json();
      assertEquals(5, page.get("totalSize").asInt());
      page.get("deployments").forEach(d -> names.add(d.get("name").asText().replaceAll(".*/", "")));
      token = page.get("nextPageToken").asText();
      tokens.add(token);
      pages++;
    } while (!token.isEmpty());

    assertEquals(List.of("d0", "d1", "d2", "d3", "d4"), names);
    assertEquals(3, pages);
    assertEquals(3, tokens.size());
  }

  @Test
  void listDefaultsTo50PerPageAndCoercesLargePageSizesTo200() {
    for (int i = 0; i < 210; i++) {
      http.post(http.acct("/deployments"), Http.llama(""));
    }

    assertEquals(50, http.get(http.acct("/deployments")).json().get("deployments").size());
    JsonNode big = http.get(http.acct("/deployments?pageSize=1000")).json();
    assertEquals(200, big.get("deployments").size());
    assertEquals(210, big.get("totalSize").asInt());
    assertFalse(big.get("nextPageToken").asText().isEmpty());
  }

  @Test
  void pageTokensAreOnlyValidWithTheSameFilter() {
    http.createDeployment("a", Http.llama(""));
    http.createDeployment("b", Http.llama(""));
    String token = http.get(http.acct("/deployments?pageSize=1")).json().get("nextPageToken").asText();

    Http.Resp other = http.get(http.acct("/deployments?pageSize=1&showDeleted=true&pageToken=" + token));
    Http.Resp garbage = http.get(http.acct("/deployments?pageToken=not-a-token"));

    assertEquals(400, other.status());
    assertEquals(400, garbage.status());
    assertEquals(3, garbage.json().get("code").asInt());
  }

  @Test
  void filterSupportsSnakeCaseFieldsJoinedByAnd() {
    http.createDeployment("one", Http.llama("\"displayName\":\"bot\""));
    http.createDeployment("two", Http.llama("\"displayName\":\"other\""));
    http.createDeployment("three", "{\"baseModel\":\"accounts/fireworks/models/qwen2p5-7b-instruct\",\"displayName\":\"bot\"}");

    JsonNode page = http.get(http.acct("/deployments?filter=" + enc(
        "display_name=\"bot\" AND base_model=\"accounts/fireworks/models/llama-v3p2-3b-instruct\""))).json();

    assertEquals(1, page.get("totalSize").asInt());
    assertEquals("accounts/acme/deployments/one", page.at("/deployments/0/name").asText());
    fw.advance(Duration.ofMinutes(1));
    assertEquals(3, http.get(http.acct("/deployments?filter=" + enc("state=\"READY\""))).json().get("totalSize").asInt());
    assertEquals(0, http.get(http.acct("/deployments?filter=" + enc("state=CREATING"))).json().get("totalSize").asInt());
    Http.Resp bad = http.get(http.acct("/deployments?filter=" + enc("displayName=\"bot\"")));
    assertEquals(400, bad.status());
    assertTrue(bad.json().get("message").asText().contains("snake_case"));
  }

  @Test
  void orderByAcceptsDescending() {
    http.createDeployment("first", Http.llama(""));
    fw.advance(Duration.ofSeconds(5));
    http.createDeployment("second", Http.llama(""));

    JsonNode page = http.get(http.acct("/deployments?orderBy=" + enc("create_time desc"))).json();

    assertEquals("accounts/acme/deployments/second", page.at("/deployments/0/name").asText());
  }

  @Test
  void patchWithMaskChangesOnlyMaskedFields() {
    http.createDeployment("p", Http.llama("\"displayName\":\"keep\",\"maxReplicaCount\":4"));
    fw.advance(Duration.ofMinutes(1));

    Http.Resp r = http.patch(http.acct("/deployments/p?updateMask=min_replica_count,autoscaling_policy.scale_to_zero_window"),
        "{\"minReplicaCount\":2,\"displayName\":\"ignored\",\"autoscalingPolicy\":{\"scaleToZeroWindow\":\"900s\",\"scaleUpWindow\":\"90s\"}}");

    assertEquals(200, r.status(), r.body());
    JsonNode d = r.json();
    assertEquals(2, d.get("minReplicaCount").asInt());
    assertEquals(4, d.get("maxReplicaCount").asInt());
    assertEquals("keep", d.get("displayName").asText());
    assertEquals("900s", d.at("/autoscalingPolicy/scaleToZeroWindow").asText());
    assertEquals("30s", d.at("/autoscalingPolicy/scaleUpWindow").asText());
    assertEquals("UPDATING", d.get("state").asText());
    fw.advance(Duration.ofSeconds(10));
    JsonNode after = http.get(http.acct("/deployments/p")).json();
    assertEquals("READY", after.get("state").asText());
    assertEquals(2, after.get("replicaCount").asInt());
  }

  @Test
  void maskedFieldAbsentFromTheBodyIsResetToItsDefault() {
    http.createDeployment("r", Http.llama("\"autoscalingPolicy\":{\"scaleUpWindow\":\"90s\"}"));

    JsonNode d = http.patch(http.acct("/deployments/r?updateMask=autoscaling_policy.scale_up_window"), "{}").json();

    assertEquals("30s", d.at("/autoscalingPolicy/scaleUpWindow").asText());
  }

  @Test
  void patchWithoutMaskDerivesItFromTheBodyKeys() {
    http.createDeployment("q", Http.llama("\"maxReplicaCount\":3,\"displayName\":\"old\""));
    fw.advance(Duration.ofMinutes(1));

    JsonNode d = http.patch(http.acct("/deployments/q"), "{\"maxReplicaCount\":0,\"minReplicaCount\":0}").json();

    assertEquals(0, d.get("maxReplicaCount").asInt());
    assertEquals("old", d.get("displayName").asText());
    assertEquals("UPDATING", d.get("state").asText());
  }

  @Test
  void metadataOnlyChangesNeedNoRollout() {
    http.createDeployment("m", Http.llama(""));
    fw.advance(Duration.ofMinutes(1));

    JsonNode d = http.patch(http.acct("/deployments/m?updateMask=display_name"), "{\"displayName\":\"renamed\"}").json();

    assertEquals("renamed", d.get("displayName").asText());
    assertEquals("READY", d.get("state").asText());
    assertEquals(fw.now(), Instant.parse(d.get("updateTime").asText()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "state|output-only",
      "replica_count|output-only",
      "minReplicaCount|snake_case proto names: min_replica_count",
      "no_such_field|does not exist",
      "base_model|cannot be changed"
  })
  void patchRejectsBadMasks(String mask, String expected) {
    http.createDeployment("x", Http.llama(""));

    Http.Resp r = http.patch(http.acct("/deployments/x?updateMask=" + mask),
        "{\"state\":\"READY\",\"baseModel\":\"accounts/fireworks/models/qwen2p5-7b-instruct\"}");

    assertEquals(400, r.status(), r.body());
    assertTrue(r.json().get("message").asText().contains(expected), r.json().get("message").asText());
  }

  @Test
  void patchThatBreaksARuleIsRejectedAndChangesNothing() {
    http.createDeployment("rule", Http.llama("\"maxReplicaCount\":1"));

    Http.Resp r = http.patch(http.acct("/deployments/rule?updateMask=min_replica_count"), "{\"minReplicaCount\":2}");

    assertEquals(400, r.status());
    assertEquals(0, http.get(http.acct("/deployments/rule")).json().get("minReplicaCount").asInt());
  }

  @Test
  void scaleAnswersAnEmptyObjectAndChangesReplicas() {
    http.createDeployment("s", Http.llama("\"maxReplicaCount\":3"));
    fw.advance(Duration.ofMinutes(1));

    Http.Resp r = http.patch(http.acct("/deployments/s:scale"), "{\"replicaCount\":3}");

    assertEquals(200, r.status());
    assertEquals("{}", r.body());
    assertEquals(3, http.get(http.acct("/deployments/s")).json().get("desiredReplicaCount").asInt());
    fw.advance(Duration.ofSeconds(30));
    assertEquals(3, http.get(http.acct("/deployments/s")).json().get("replicaCount").asInt());
    assertEquals(200, http.patch(http.acct("/deployments/s:scale"), "{\"replicaCount\":0}").status());
    assertEquals(0, http.get(http.acct("/deployments/s")).json().get("replicaCount").asInt());
    assertEquals(400, http.patch(http.acct("/deployments/s:scale"), "{\"replicaCount\":-1}").status());
  }

  @Test
  void customMethodsNeedALiteralColonAndTheirOwnHttpMethod() {
    http.createDeployment("c", Http.llama(""));

    assertEquals(404, http.patch(http.acct("/deployments/c%3Ascale"), "{\"replicaCount\":1}").status());
    assertEquals(405, http.post(http.acct("/deployments/c:scale"), "{\"replicaCount\":1}").status());
    assertEquals(404, http.post(http.acct("/deployments/c:explode"), "{}").status());
  }

  @Test
  void softDeleteHidesFromListUntilShowDeletedAndUndeleteRestores() {
    http.createDeployment("gone", Http.llama(""));
    fw.advance(Duration.ofMinutes(1));

    Http.Resp del = http.delete(http.acct("/deployments/gone"));

    assertEquals(200, del.status());
    assertEquals("{}", del.body());
    JsonNode d = http.get(http.acct("/deployments/gone")).json();
    assertEquals("DELETED", d.get("state").asText());
    assertEquals(fw.now(), Instant.parse(d.get("deleteTime").asText()));
    assertTrue(Instant.parse(d.get("purgeTime").asText()).isAfter(fw.now()));
    assertEquals(0, http.get(http.acct("/deployments")).json().get("totalSize").asInt());
    assertEquals(1, http.get(http.acct("/deployments?showDeleted=true")).json().get("totalSize").asInt());
    assertEquals(409, http.post(http.acct("/deployments?deploymentId=gone"), Http.llama("")).status(),
        "a soft-deleted id is still taken");

    Http.Resp un = http.post(http.acct("/deployments/gone:undelete"), "{}");

    assertEquals(200, un.status());
    assertEquals("READY", un.json().get("state").asText());
    assertFalse(un.json().has("deleteTime"));
    assertEquals(1, http.get(http.acct("/deployments")).json().get("totalSize").asInt());
    assertEquals(400, http.post(http.acct("/deployments/gone:undelete"), "{}").status(), "not deleted any more");
  }

  @Test
  void hardDeleteRemovesAndFreesTheId() {
    http.createDeployment("h", Http.llama(""));

    assertEquals(200, http.delete(http.acct("/deployments/h?hard=true&ignoreChecks=true")).status());

    assertEquals(404, http.get(http.acct("/deployments/h")).status());
    assertEquals(200, http.post(http.acct("/deployments?deploymentId=h"), Http.llama("")).status());
  }

  @Test
  void softDeletedDeploymentsArePurgedAfterRetention() {
    http.createDeployment("old", Http.llama(""));
    http.delete(http.acct("/deployments/old"));

    fw.advance(Duration.ofDays(8));

    assertEquals(404, http.get(http.acct("/deployments/old")).status());
  }

  @Test
  void otherAccountsArePermissionDeniedButFireworksModelsAreReadable() {
    assertEquals(403, http.get("/v1/accounts/someone-else/deployments").status());
    assertEquals(7, http.get("/v1/accounts/someone-else/deployments").json().get("code").asInt());
    assertEquals(200, http.get("/v1/accounts/fireworks/models/llama-v3p2-3b-instruct").status());
    assertEquals(404, http.get("/v1/nothing/here").status());
  }

  @Test
  void omitZeroValuesLeavesOutZerosLikeProto3Json() {
    try (FireworksEmulator sparse = FireworksEmulator.builder().omitZeroValues(true).start()) {
      JsonNode d = new Http(sparse).createDeployment("z", Http.llama(""));

      assertFalse(d.has("minReplicaCount"));
      assertFalse(d.has("replicaCount"));
      assertFalse(d.has("enableAddons"));
      assertEquals(1, d.get("maxReplicaCount").asInt());
    }
  }

  @Test
  void serverIdsAreDeterministicForASeed() {
    String first;
    try (FireworksEmulator a = FireworksEmulator.builder().seed(7).start()) {
      first = new Http(a).post(new Http(a).acct("/deployments"), Http.llama("")).json().get("name").asText();
    }
    try (FireworksEmulator b = FireworksEmulator.builder().seed(7).start()) {
      assertEquals(first, new Http(b).post(new Http(b).acct("/deployments"), Http.llama("")).json().get("name").asText());
    }
    assertNotEquals("", first);
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
