package ai.fireworks.sdk.deployments;

import static ai.fireworks.sdk.deployments.AddonFixtures.json;
import static ai.fireworks.sdk.deployments.AddonFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.DeployedModelName;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.Page;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelsClientTest {
  @StartStop final MockWebServer server = new MockWebServer();
  private FireworksClient fw;
  private ModelsClient models;

  @BeforeEach
  void setUp() {
    fw = FireworksClient.builder().apiKey("fw-test-key").accountId("acme").baseUrl(server.url("/").toString()).build();
    models = ModelsClient.of(fw);
  }

  @AfterEach
  void tearDown() {
    fw.close();
  }

  @Test
  void getReadsAPeftAddonWithItsBaseModelAndDeployments() throws Exception {
    server.enqueue(ok("model-lora.json"));

    Model m = models.get(ModelName.parse("accounts/acme/models/support-bot-lora"));

    RecordedRequest sent = server.takeRequest();
    assertEquals("GET", sent.getMethod());
    assertEquals("/v1/accounts/acme/models/support-bot-lora", sent.getTarget());
    assertEquals(ModelKind.HF_PEFT_ADDON, m.kind());
    assertTrue(m.isPeftAddon());
    assertEquals(ModelState.READY, m.state());
    PeftDetails peft = m.peftDetails().orElseThrow();
    assertEquals(ModelName.parse("accounts/fireworks/models/llama-v3p1-8b-instruct"), peft.baseModel());
    assertEquals(16, peft.r().orElseThrow());
    assertEquals(List.of("q_proj", "k_proj", "v_proj", "o_proj"), peft.targetModules());
    assertEquals(1, m.deployedModelRefs().size());
    DeployedModelRef ref = m.deployedModelRefs().get(0);
    assertEquals(DeployedModelName.parse("accounts/acme/deployedModels/support-bot-lora-4f9a1c"), ref.name());
    assertEquals(DeploymentName.parse("accounts/acme/deployments/llama-8b-addons"), ref.deployment().orElseThrow());
    assertEquals(DeployedModelState.DEPLOYED, ref.state());
    assertTrue(ref.isDefault());
    assertFalse(ref.isPublic());
    assertFalse(m.supportsLora());
    assertFalse(m.supportsChat());
    assertEquals(131072, m.contextLength().orElseThrow());
    assertEquals("FULL_SNAPSHOT", m.unknownFields().get("snapshotType").asText());
  }

  @Test
  void getReadsBaseModelDetailsChatSupportAndUnknownPrecisions() {
    server.enqueue(ok("model-base.json"));

    Model m = models.get(ModelName.parse("llama-v3p1-8b-instruct"));

    assertEquals(ModelKind.HF_BASE_MODEL, m.kind());
    assertFalse(m.isPeftAddon());
    assertTrue(m.supportsLora());
    assertTrue(m.supportsChat(), "conversationConfig is present");
    assertEquals("jinja", m.conversationConfig().orElseThrow().get("style").asText());
    BaseModelDetails details = m.baseModelDetails().orElseThrow();
    assertEquals(8030261248L, details.parameterCount().orElseThrow(), "int64 arrives as a JSON string");
    assertEquals(1, details.worldSize().orElseThrow());
    assertEquals(Precision.FP8, details.defaultPrecision().orElseThrow());
    assertTrue(details.supportsFireattention());
    assertFalse(details.moe());
    assertEquals(4, m.supportedPrecisions().size());
    Precision future = m.supportedPrecisions().get(3);
    assertEquals("FP4_NEW_FANCY", future.value());
    assertFalse(future.isKnown());
    assertTrue(m.isPublic());
  }

  @Test
  void unknownKindKeepsItsString() {
    server.enqueue(json(200, "{\"name\":\"accounts/acme/models/x\",\"kind\":\"HF_MOE_ADDON\",\"state\":\"READYING\"}"));

    Model m = models.get(ModelName.parse("accounts/acme/models/x"));

    assertEquals("HF_MOE_ADDON", m.kind().value());
    assertFalse(m.kind().isKnown());
    assertEquals("READYING", m.state().value());
  }

  @Test
  void getOfAMissingModelThrowsNotFound() {
    server.enqueue(json(404, "{\"error\":{\"code\":5,\"message\":\"model not found\",\"status\":\"NOT_FOUND\"}}"));

    NotFoundException e = assertThrows(NotFoundException.class, () -> models.get(ModelName.parse("acme/nope")));

    assertEquals(404, e.statusCode());
  }

  @Test
  void listFollowsPageTokensWithTheSameParameters() throws Exception {
    server.enqueue(ok("models-page1.json"));
    server.enqueue(ok("models-page2.json"));

    Page<Model> first = models.list(ListModelsRequest.builder().account(AccountId.FIREWORKS)
        .filter("kind=\"HF_BASE_MODEL\"").orderBy("create_time desc").pageSize(2).build());
    List<String> ids = first.stream().map(m -> m.name().id()).collect(Collectors.toList());

    assertEquals(List.of("llama-v3p1-8b-instruct", "qwen3-235b-a22b", "flux-1-dev-fp8"), ids);
    assertEquals(3, first.totalSize().orElseThrow());
    assertEquals("/v1/accounts/fireworks/models?pageSize=2&filter=kind%3D%22HF_BASE_MODEL%22&orderBy=create_time%20desc",
        server.takeRequest().getTarget());
    assertEquals("/v1/accounts/fireworks/models?pageSize=2&pageToken=bGxhbWEtdjNwMS04Yi1pbnN0cnVjdA%3D%3D"
        + "&filter=kind%3D%22HF_BASE_MODEL%22&orderBy=create_time%20desc", server.takeRequest().getTarget());
    assertTrue(first.items().get(1).baseModelDetails().orElseThrow().moe());
  }

  @Test
  void listWithoutAccountUsesTheClientsAccount() throws Exception {
    server.enqueue(json(200, "{}"));

    Page<Model> page = models.listAsync(ListModelsRequest.all()).get();

    assertEquals("/v1/accounts/acme/models", server.takeRequest().getTarget());
    assertTrue(page.items().isEmpty());
    assertFalse(page.hasNextPage());
  }

  @Test
  void pageSizeBelowOneIsRejectedBeforeSending() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ListModelsRequest.builder().pageSize(0).build());

    assertTrue(e.getMessage().contains("pageSize must be at least 1, was 0"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }
}
