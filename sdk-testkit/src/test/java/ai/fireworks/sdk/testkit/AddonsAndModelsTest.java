package ai.fireworks.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** deployedModels (LoRA addons) and models, section 2 of the reference. */
class AddonsAndModelsTest {
  private static final String LORA = "accounts/acme/models/my-lora";

  @RegisterExtension
  final FireworksEmulatorExtension ext = new FireworksEmulatorExtension();
  FireworksEmulator fw;
  Http http;

  @BeforeEach
  void setUp() {
    fw = ext.emulator();
    http = new Http(fw);
  }

  private String load(String model, String deployment) {
    return "{\"model\":\"" + model + "\",\"deployment\":\"accounts/acme/deployments/" + deployment + "\"}";
  }

  @Test
  void addonDeploysAfterItsDeploymentIsReady() {
    http.createDeployment("base", Http.llama("\"enableAddons\":true"));

    Http.Resp r = http.post(http.acct("/deployedModels"), load(LORA, "base"));

    assertEquals(200, r.status(), r.body());
    JsonNode dm = r.json();
    assertTrue(dm.get("name").asText().matches("accounts/acme/deployedModels/my-lora-[a-z0-9]{8}"), dm.toString());
    assertEquals("DEPLOYING", dm.get("state").asText());
    assertEquals(LORA, dm.get("model").asText());
    assertEquals("accounts/acme/deployments/base", dm.get("deployment").asText());
    assertTrue(dm.get("default").asBoolean(), "the first deployment of a model is its default");
    String id = dm.get("name").asText().replaceAll(".*/", "");

    fw.advance(Duration.ofSeconds(35));
    assertEquals("DEPLOYING", http.get(http.acct("/deployedModels/" + id)).json().get("state").asText());
    fw.advance(Duration.ofSeconds(5));
    assertEquals("DEPLOYED", http.get(http.acct("/deployedModels/" + id)).json().get("state").asText());
    assertEquals("2025-01-01T00:00:40Z", http.get(http.acct("/deployedModels/" + id)).json().get("updateTime").asText());
  }

  @Test
  void addonOnADifferentBaseModelIsRejectedWithAClearMessage() {
    http.createDeployment("base", Http.llama("\"enableAddons\":true"));

    Http.Resp r = http.post(http.acct("/deployedModels"), load("accounts/acme/models/qwen-sql-lora", "base"));

    assertEquals(400, r.status());
    assertEquals(3, r.json().get("code").asInt());
    String message = r.json().get("message").asText();
    assertTrue(message.contains("accounts/fireworks/models/qwen2p5-7b-instruct"), message);
    assertTrue(message.contains("accounts/fireworks/models/llama-v3p2-3b-instruct"), message);
  }

  @Test
  void addonNeedsEnableAddonsOnTheDeployment() {
    http.createDeployment("plain", Http.llama(""));

    Http.Resp r = http.post(http.acct("/deployedModels"), load(LORA, "plain"));

    assertEquals(400, r.status());
    assertEquals(9, r.json().get("code").asInt(), "FAILED_PRECONDITION");
    assertTrue(r.json().get("message").asText().contains("enableAddons"));
  }

  @Test
  void onlyPeftAddonsCanBeLoadedAndTheyMustExist() {
    http.createDeployment("base", Http.llama("\"enableAddons\":true"));

    Http.Resp base = http.post(http.acct("/deployedModels"), load("accounts/fireworks/models/llama-v3p2-3b-instruct", "base"));
    Http.Resp missing = http.post(http.acct("/deployedModels"), load("accounts/acme/models/nope", "base"));
    Http.Resp noDeployment = http.post(http.acct("/deployedModels"), load(LORA, "nope"));

    assertEquals(400, base.status());
    assertTrue(base.json().get("message").asText().contains("HF_BASE_MODEL"));
    assertEquals(404, missing.status());
    assertEquals(404, noDeployment.status());
  }

  @Test
  void loadingTheSameAddonTwiceOnADeploymentConflicts() {
    http.createDeployment("base", Http.llama("\"enableAddons\":true"));
    http.post(http.acct("/deployedModels"), load(LORA, "base"));

    assertEquals(409, http.post(http.acct("/deployedModels"), load(LORA, "base")).status());
  }

  @Test
  void listFiltersUpdateAndUnload() {
    http.createDeployment("b1", Http.llama("\"enableAddons\":true"));
    http.createDeployment("b2", Http.llama("\"enableAddons\":true"));
    String first = http.post(http.acct("/deployedModels"), load(LORA, "b1")).json().get("name").asText();
    JsonNode second = http.post(http.acct("/deployedModels"), load(LORA, "b2")).json();
    assertFalse(second.get("default").asBoolean());

    JsonNode onB2 = http.get(http.acct("/deployedModels?filter="
        + DeploymentsApiTest.enc("deployment=\"accounts/acme/deployments/b2\""))).json();
    assertEquals(1, onB2.get("totalSize").asInt());
    assertEquals(second.get("name").asText(), onB2.at("/deployedModels/0/name").asText());
    assertEquals(2, http.get(http.acct("/deployedModels?filter=" + DeploymentsApiTest.enc("model=\"" + LORA + "\"")))
        .json().get("totalSize").asInt());

    String secondId = second.get("name").asText().replaceAll(".*/", "");
    JsonNode updated = http.patch(http.acct("/deployedModels/" + secondId + "?updateMask=default,display_name"),
        "{\"default\":true,\"displayName\":\"canary\"}").json();
    assertTrue(updated.get("default").asBoolean());
    assertEquals("canary", updated.get("displayName").asText());
    assertEquals(400, http.patch(http.acct("/deployedModels/" + secondId + "?updateMask=model"),
        "{\"model\":\"accounts/acme/models/qwen-sql-lora\"}").status());

    assertEquals("{}", http.delete(http.acct("/deployedModels/" + first.replaceAll(".*/", ""))).body());
    assertEquals(404, http.get(http.acct("/deployedModels/" + first.replaceAll(".*/", ""))).status());
    assertEquals(1, http.get(http.acct("/deployedModels")).json().get("totalSize").asInt());
  }

  @Test
  void addonOfAFailingModelEndsUnspecifiedWithStatus() {
    fw.failDeploymentsOf(LORA, "adapter weights corrupt");
    http.createDeployment("base", Http.llama("\"enableAddons\":true"));
    String id = http.post(http.acct("/deployedModels"), load(LORA, "base")).json().get("name").asText().replaceAll(".*/", "");

    fw.advance(Duration.ofMinutes(1));

    JsonNode dm = http.get(http.acct("/deployedModels/" + id)).json();
    assertEquals("STATE_UNSPECIFIED", dm.get("state").asText());
    assertEquals("adapter weights corrupt", dm.at("/status/message").asText());
    Http.Resp inference = http.post("/inference/v1/completions",
        "{\"model\":\"accounts/acme/deployedModels/" + id + "\",\"prompt\":\"hi\"}");
    assertEquals(412, inference.status());
  }

  @Test
  void modelsComeFromTheCatalogue() {
    JsonNode base = http.get("/v1/accounts/fireworks/models/llama-v3p2-3b-instruct").json();
    JsonNode lora = http.get(http.acct("/models/my-lora")).json();

    assertEquals("HF_BASE_MODEL", base.get("kind").asText());
    assertEquals(1, base.at("/baseModelDetails/worldSize").asInt());
    assertTrue(base.get("supportsLora").asBoolean());
    assertTrue(base.has("conversationConfig"));
    assertEquals("HF_PEFT_ADDON", lora.get("kind").asText());
    assertEquals("accounts/fireworks/models/llama-v3p2-3b-instruct", lora.at("/peftDetails/baseModel").asText());
    assertEquals(404, http.get("/v1/accounts/fireworks/models/gpt-9").status());
  }

  @Test
  void getModelListsWhereItIsDeployed() {
    http.createDeployment("base", Http.llama("\"enableAddons\":true"));
    http.post(http.acct("/deployedModels"), load(LORA, "base"));

    JsonNode refs = http.get(http.acct("/models/my-lora")).json().get("deployedModelRefs");

    assertEquals(1, refs.size());
    assertEquals("accounts/acme/deployments/base", refs.at("/0/deployment").asText());
    assertEquals("DEPLOYING", refs.at("/0/state").asText());
  }

  @Test
  void listModelsPagesAndFilters() {
    JsonNode all = http.get("/v1/accounts/fireworks/models?pageSize=2").json();
    JsonNode addons = http.get(http.acct("/models?filter=" + DeploymentsApiTest.enc("kind=\"HF_PEFT_ADDON\""))).json();

    assertEquals(8, all.get("totalSize").asInt(), "5 text models, a vision model, an embedder, a reranker");
    assertEquals(2, all.get("models").size());
    assertFalse(all.get("nextPageToken").asText().isEmpty());
    assertEquals(2, addons.get("totalSize").asInt());
  }

  @Test
  void testsCanAddModelsAsJsonOrWithHelpers() {
    fw.addModel(Fixtures.read("custom-addon-model.json"));
    fw.addBaseModel("accounts/acme/models/my-base", 2, false);
    fw.addPeftAddon("accounts/acme/models/base-lora", "accounts/acme/models/my-base");

    JsonNode custom = http.get(http.acct("/models/sql-lora-v2")).json();
    assertEquals("READY", custom.get("state").asText());
    assertEquals("accounts/fireworks/models/llama-v3p1-8b-instruct", custom.at("/peftDetails/baseModel").asText());
    assertEquals(fw.now().toString(), custom.get("createTime").asText());
    assertEquals(2, http.createDeployment("mine", "{\"baseModel\":\"accounts/acme/models/my-base\",\"enableAddons\":true}")
        .get("acceleratorCount").asInt());
    assertEquals(200, http.post(http.acct("/deployedModels"), load("accounts/acme/models/base-lora", "mine")).status());
    assertThrows(IllegalArgumentException.class, () -> fw.addModel("{\"name\":\"llama\"}"));
    assertThrows(IllegalArgumentException.class, () -> fw.addModel("[1]"));
    assertThrows(IllegalArgumentException.class, () -> fw.addModel("{\"name\":\"accounts/acme/models/x\"}"),
        "an addon without peftDetails.baseModel");
  }

  @Test
  void resetForgetsStateButKeepsTheCatalogueAndClock() {
    http.createDeployment("base", Http.llama(""));
    fw.addPeftAddon("accounts/acme/models/extra", "accounts/fireworks/models/llama-v3p2-3b-instruct");
    fw.advance(Duration.ofMinutes(5));

    fw.reset();

    assertEquals(404, http.get(http.acct("/deployments/base")).status());
    assertEquals(404, http.get(http.acct("/models/extra")).status());
    assertEquals(200, http.get(http.acct("/models/my-lora")).status());
    assertEquals(ManualScheduler.DEFAULT_START.plus(Duration.ofMinutes(5)), fw.now());
    assertEquals(3, fw.journal().size(), "the journal restarts at reset");
  }
}
