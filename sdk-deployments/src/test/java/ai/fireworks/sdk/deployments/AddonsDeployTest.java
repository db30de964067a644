package ai.fireworks.sdk.deployments;

import static ai.fireworks.sdk.deployments.AddonFixtures.body;
import static ai.fireworks.sdk.deployments.AddonFixtures.edited;
import static ai.fireworks.sdk.deployments.AddonFixtures.json;
import static ai.fireworks.sdk.deployments.AddonFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.ServerException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.ExecutionException;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Loading an addon: the checks before the create, and exactly what the create sends. */
class AddonsDeployTest extends AddonsClientTestBase {
  private static final ModelName LORA = ModelName.parse("accounts/acme/models/support-bot-lora");
  private static final DeploymentName LLAMA = DeploymentName.parse("accounts/acme/deployments/llama-8b-addons");
  private static final String BASE_MISMATCH = "The base model of the deployment must match the base model of the addon";

  private void enqueueChecksPass() {
    server.enqueue(ok("model-lora.json"));
    server.enqueue(ok("deployment-llama-addons.json"));
  }

  @Test
  void deployReadsAddonAndDeploymentThenPostsOnlyModelAndDeployment() throws Exception {
    enqueueChecksPass();
    server.enqueue(ok("deployed-model.json"));

    DeployedModel dm = addons.deploy(LORA).to(LLAMA).submit();

    RecordedRequest model = server.takeRequest();
    assertEquals("GET /v1/accounts/acme/models/support-bot-lora", model.getMethod() + " " + model.getTarget());
    RecordedRequest deployment = server.takeRequest();
    assertEquals("GET /v1/accounts/acme/deployments/llama-8b-addons",
        deployment.getMethod() + " " + deployment.getTarget());
    RecordedRequest create = server.takeRequest();
    assertEquals("POST", create.getMethod());
    assertEquals("/v1/accounts/acme/deployedModels", create.getTarget());
    assertEquals("application/json", create.getHeaders().get("Content-Type"));
    assertEquals(AddonFixtures.JSON.readTree("{\"model\":\"accounts/acme/models/support-bot-lora\","
        + "\"deployment\":\"accounts/acme/deployments/llama-8b-addons\"}"), body(create));
    assertEquals(3, server.getRequestCount());
    assertEquals("accounts/acme/deployedModels/support-bot-lora-4f9a1c", dm.name().toString());
    assertEquals(DeployedModelState.DEPLOYING, dm.state());
    assertEquals(ModelRef.parse("accounts/acme/models/support-bot-lora#accounts/acme/deployments/llama-8b-addons"),
        dm.modelRef());
  }

  @Test
  void deploySendsEveryOptionThatWasSetAndReplaceMergedAddonAsAQueryParameter() throws Exception {
    server.enqueue(ok("deployed-model.json"));

    addons.deploy(LORA).to(LLAMA).skipValidation().replaceMergedAddon(true).displayName("Support bot")
        .description("LoRA v3 for support").publicAccess(false).submitAsync().get();

    RecordedRequest create = server.takeRequest();
    assertEquals("/v1/accounts/acme/deployedModels?replaceMergedAddon=true", create.getTarget());
    JsonNode sent = body(create);
    assertEquals(List.of("model", "deployment", "displayName", "description", "public"), fieldNames(sent));
    assertEquals("Support bot", sent.get("displayName").asText());
    assertEquals("LoRA v3 for support", sent.get("description").asText());
    assertTrue(sent.get("public").isBoolean());
    assertFalse(sent.get("public").asBoolean());
  }

  @Test
  void replaceMergedAddonFalseIsSentWhenSetExplicitly() throws Exception {
    server.enqueue(ok("deployed-model.json"));

    addons.deploy(LORA).to(LLAMA).skipValidation().replaceMergedAddon(false).submit();

    assertEquals("/v1/accounts/acme/deployedModels?replaceMergedAddon=false", server.takeRequest().getTarget());
  }

  @Test
  void skipValidationSendsOnlyTheCreate() throws Exception {
    server.enqueue(ok("deployed-model.json"));

    addons.deploy(LORA).to(LLAMA).skipValidation().submit();

    RecordedRequest create = server.takeRequest();
    assertEquals("POST /v1/accounts/acme/deployedModels", create.getMethod() + " " + create.getTarget());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void theCreateGoesToTheDeploymentsAccountNotTheClients() throws Exception {
    server.enqueue(ok("deployed-model.json"));

    addons.deploy(LORA).to(DeploymentName.parse("accounts/partner-co/deployments/shared-llama")).skipValidation()
        .submit();

    RecordedRequest create = server.takeRequest();
    assertEquals("/v1/accounts/partner-co/deployedModels", create.getTarget());
    assertEquals("accounts/partner-co/deployments/shared-llama", body(create).get("deployment").asText());
  }

  @Test
  void aModelThatIsNotAPeftAddonIsRefusedAfterOneGet() throws Exception {
    server.enqueue(ok("model-base.json"));

    AddonValidationException e = assertThrows(AddonValidationException.class,
        () -> addons.deploy(ModelName.parse("llama-v3p1-8b-instruct")).to(LLAMA).submit());

    assertEquals(AddonValidationException.Reason.NOT_A_PEFT_ADDON, e.reason());
    assertTrue(e.getMessage().contains("HF_BASE_MODEL"), e.getMessage());
    assertTrue(e.getMessage().contains("HF_PEFT_ADDON"), e.getMessage());
    assertEquals("GET", server.takeRequest().getMethod());
    assertEquals(1, server.getRequestCount(), "nothing but the model read was sent");
  }

  @Test
  void aDifferentBaseModelIsRefusedNamingBothModelsAndNothingIsCreated() throws Exception {
    server.enqueue(ok("model-lora.json"));
    server.enqueue(json(200, edited("deployment-llama-addons.json",
        n -> n.put("baseModel", "accounts/fireworks/models/qwen2p5-7b-instruct"))));

    AddonValidationException e = assertThrows(AddonValidationException.class,
        () -> addons.deploy(LORA).to(LLAMA).submit());

    assertEquals(AddonValidationException.Reason.BASE_MODEL_MISMATCH, e.reason());
    assertTrue(e.getMessage().contains(BASE_MISMATCH), e.getMessage());
    assertTrue(e.getMessage().contains("accounts/fireworks/models/qwen2p5-7b-instruct"), e.getMessage());
    assertTrue(e.getMessage().contains("accounts/fireworks/models/llama-v3p1-8b-instruct"), e.getMessage());
    assertEquals(LORA, e.addon());
    assertEquals(LLAMA, e.deployment());
    assertOnlyGetsWereSent(2);
  }

  @Test
  void aDeploymentWithoutAddonsEnabledIsRefusedWithTheFix() throws Exception {
    server.enqueue(ok("model-lora.json"));
    server.enqueue(json(200, edited("deployment-llama-addons.json", n -> n.remove("enableAddons"))));

    AddonValidationException e = assertThrows(AddonValidationException.class,
        () -> addons.deploy(LORA).to(LLAMA).submit());

    assertEquals(AddonValidationException.Reason.ADDONS_NOT_ENABLED, e.reason());
    assertTrue(e.getMessage().contains("enableAddons(true)"), e.getMessage());
    assertTrue(e.getMessage().contains("fwctl update deployment llama-8b-addons --enable-addons"), e.getMessage());
    assertOnlyGetsWereSent(2);
  }

  @Test
  void aHotReloadDeploymentNeedsReplaceMergedAddonAndIsRefusedBeforeThePost() throws Exception {
    for (Boolean replace : new Boolean[] {null, false}) {
      server.enqueue(ok("model-lora.json"));
      server.enqueue(json(200, edited("deployment-llama-addons.json", n -> n.put("enableHotReloadLatestAddon", true))));
      DeployAddonRequest request = addons.deploy(LORA).to(LLAMA);
      if (replace != null) {
        request.replaceMergedAddon(replace);
      }

      AddonValidationException e = assertThrows(AddonValidationException.class, request::submit);

      assertEquals(AddonValidationException.Reason.REPLACE_MERGED_ADDON_REQUIRED, e.reason());
      assertTrue(e.getMessage().contains("has enableHotReloadLatestAddon=true, so loading addon " + LORA
          + " requires replaceMergedAddon=true (was " + (replace == null ? "not set" : "false") + ")"), e.getMessage());
      assertTrue(e.getMessage().contains("Call replaceMergedAddon(true)"), e.getMessage());
    }
    assertOnlyGetsWereSent(4);
  }

  @Test
  void aHotReloadDeploymentTakesTheAddonWithReplaceMergedAddon() throws Exception {
    server.enqueue(ok("model-lora.json"));
    server.enqueue(json(200, edited("deployment-llama-addons.json", n -> n.put("enableHotReloadLatestAddon", true))));
    server.enqueue(ok("deployed-model.json"));

    addons.deploy(LORA).to(LLAMA).replaceMergedAddon(true).submit();

    server.takeRequest();
    server.takeRequest();
    assertEquals("/v1/accounts/acme/deployedModels?replaceMergedAddon=true", server.takeRequest().getTarget());
  }

  @Test
  void aFailedDeploymentIsRefusedWithItsStatus() throws Exception {
    server.enqueue(ok("model-lora.json"));
    server.enqueue(json(200, edited("deployment-llama-addons.json", n -> {
      n.put("state", "FAILED");
      n.putObject("status").put("code", "RESOURCE_EXHAUSTED").put("message", "no capacity for NVIDIA_H100_80GB");
    })));

    AddonValidationException e = assertThrows(AddonValidationException.class,
        () -> addons.deploy(LORA).to(LLAMA).submit());

    assertEquals(AddonValidationException.Reason.DEPLOYMENT_NOT_USABLE, e.reason());
    assertTrue(e.getMessage().contains("is FAILED (RESOURCE_EXHAUSTED: no capacity"), e.getMessage());
    assertOnlyGetsWereSent(2);
  }

  @Test
  void aDeletedDeploymentIsRefusedAsynchronouslyToo() throws Exception {
    server.enqueue(ok("model-lora.json"));
    server.enqueue(json(200, edited("deployment-llama-addons.json", n -> n.put("state", "DELETED"))));

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> addons.deploy(LORA).to(LLAMA).submitAsync().get());

    AddonValidationException cause = assertInstanceOf(AddonValidationException.class, e.getCause());
    assertEquals(AddonValidationException.Reason.DEPLOYMENT_NOT_USABLE, cause.reason());
    assertTrue(cause.getMessage().contains("is DELETED"), cause.getMessage());
    assertTrue(cause.getMessage().contains("undelete"), cause.getMessage());
    assertOnlyGetsWereSent(2);
  }

  @Test
  void aMissingAddonFailsWithNotFoundAndNothingIsCreated() throws Exception {
    server.enqueue(json(404, "{\"error\":{\"code\":5,\"message\":\"model accounts/acme/models/support-bot-lora not found\"}}"));

    assertThrows(NotFoundException.class, () -> addons.deploy(LORA).to(LLAMA).submit());

    assertOnlyGetsWereSent(1);
  }

  @Test
  void withoutADeploymentNothingIsSent() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> addons.deploy(LORA).submit());

    assertTrue(e.getMessage().contains("to(DeploymentName)"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aTooLongDisplayNameIsRefusedBeforeAnyRead() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> addons.deploy(LORA).to(LLAMA).displayName("x".repeat(64)).submit());

    assertTrue(e.getMessage().contains("displayName must be under 64 characters, was 64"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aFailedCreateIsNotRepeatedBecauseItIsNotIdempotent() throws Exception {
    enqueueChecksPass();
    server.enqueue(json(500, "{\"error\":{\"code\":13,\"message\":\"internal error\"}}"));
    server.enqueue(ok("deployed-model.json"));

    assertThrows(ServerException.class, () -> addons.deploy(LORA).to(LLAMA).submit());

    server.takeRequest();
    server.takeRequest();
    assertEquals("POST", server.takeRequest().getMethod());
    assertEquals(3, server.getRequestCount(), "the POST was sent once");
  }

  private void assertOnlyGetsWereSent(int count) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      assertEquals("GET", server.takeRequest().getMethod());
    }
    assertEquals(count, server.getRequestCount(), "no POST was sent");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
