package ai.fireworks.sdk.deployments;

import static ai.fireworks.sdk.deployments.AddonFixtures.body;
import static ai.fireworks.sdk.deployments.AddonFixtures.json;
import static ai.fireworks.sdk.deployments.AddonFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeployedModelName;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.Page;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** get, list, update and unload of deployed models: the exact requests and what comes back. */
class DeployedModelsManageTest extends AddonsClientTestBase {
  private static final DeployedModelName LOADED = DeployedModelName.parse("accounts/acme/deployedModels/support-bot-lora-4f9a1c");

  @Test
  void getReadsTheDeployedModel() throws Exception {
    server.enqueue(ok("deployed-model.json"));

    DeployedModel dm = addons.getAsync(LOADED).get();

    RecordedRequest sent = server.takeRequest();
    assertEquals("GET /v1/accounts/acme/deployedModels/support-bot-lora-4f9a1c", sent.getMethod() + " " + sent.getTarget());
    assertEquals(LOADED, dm.name());
    assertEquals(ModelName.parse("accounts/acme/models/support-bot-lora"), dm.model());
    assertEquals(DeploymentName.parse("accounts/acme/deployments/llama-8b-addons"), dm.deployment());
    assertTrue(dm.isDefault());
    assertFalse(dm.isPublic());
    assertFalse(dm.serverless());
    assertEquals("OK", dm.status().orElseThrow().code());
  }

  @Test
  void listForADeploymentFiltersByItAndFollowsPageTokens() throws Exception {
    server.enqueue(ok("deployed-models-page1.json"));
    server.enqueue(ok("deployed-models-page2.json"));

    Page<DeployedModel> first = addons.list(ListDeployedModelsRequest.forDeployment(
        DeploymentName.parse("accounts/acme/deployments/llama-8b-addons")).withPageSize(2));
    List<String> ids = first.stream().map(d -> d.name().id()).collect(Collectors.toList());

    assertEquals(List.of("support-bot-lora-4f9a1c", "triage-lora-77be02", "summarizer-lora-0a11f3"), ids);
    assertEquals(3, first.totalSize().orElseThrow());
    String filter = "filter=deployment%3D%22accounts%2Facme%2Fdeployments%2Fllama-8b-addons%22";
    assertEquals("/v1/accounts/acme/deployedModels?pageSize=2&" + filter, server.takeRequest().getTarget());
    assertEquals("/v1/accounts/acme/deployedModels?pageSize=2&pageToken=Cg50cmlhZ2UtbG9yYS03N2JlMDI&" + filter,
        server.takeRequest().getTarget());
  }

  @Test
  void listForAModelFiltersByItInTheClientsAccount() throws Exception {
    server.enqueue(ok("deployed-models-page2.json"));

    DeployedModel only = addons.list(ListDeployedModelsRequest.forModel(ModelName.parse("accounts/acme/models/summarizer-lora")))
        .items().get(0);

    assertEquals("/v1/accounts/acme/deployedModels?filter=model%3D%22accounts%2Facme%2Fmodels%2Fsummarizer-lora%22",
        server.takeRequest().getTarget());
    assertEquals(DeployedModelState.UNDEPLOYING, only.state());
    assertTrue(only.isPublic());
    assertEquals(3, only.unknownFields().get("someFutureField").get("nested").size());
  }

  @Test
  void listWithNoArgumentsListsTheClientsAccount() throws Exception {
    server.enqueue(json(200, "{\"deployedModels\":[],\"totalSize\":0}"));

    Page<DeployedModel> page = addons.list();

    assertEquals("/v1/accounts/acme/deployedModels", server.takeRequest().getTarget());
    assertTrue(page.items().isEmpty());
    assertFalse(page.hasNextPage());
  }

  @Test
  void updateSendsOnlyTheChangedFieldsAndTheirSnakeCaseMask() throws Exception {
    server.enqueue(ok("deployed-model.json"));

    addons.update(LOADED).defaultDeployment(true).displayName("Support bot").publicAccess(true).submit();

    RecordedRequest sent = server.takeRequest();
    assertEquals("PATCH", sent.getMethod());
    assertEquals("/v1/accounts/acme/deployedModels/support-bot-lora-4f9a1c?updateMask=default%2Cdisplay_name%2Cpublic",
        sent.getTarget());
    assertEquals(AddonFixtures.JSON.readTree("{\"default\":true,\"displayName\":\"Support bot\",\"public\":true}"),
        body(sent));
  }

  @Test
  void updateOfTheDescriptionAloneSendsOnlyIt() throws Exception {
    server.enqueue(ok("deployed-model.json"));

    addons.update(LOADED).description("").submitAsync().get();

    RecordedRequest sent = server.takeRequest();
    assertEquals("/v1/accounts/acme/deployedModels/support-bot-lora-4f9a1c?updateMask=description", sent.getTarget());
    assertEquals(AddonFixtures.JSON.readTree("{\"description\":\"\"}"), body(sent));
  }

  @Test
  void updateWithNothingSetSendsNothing() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> addons.update(LOADED).submit());

    assertTrue(e.getMessage().contains("nothing to update"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void unloadDeletesTheDeployedModel() throws Exception {
    server.enqueue(json(200, "{}"));

    addons.unload(LOADED);

    RecordedRequest sent = server.takeRequest();
    assertEquals("DELETE /v1/accounts/acme/deployedModels/support-bot-lora-4f9a1c", sent.getMethod() + " " + sent.getTarget());
    assertEquals(0, sent.getBodySize());
  }

  @Test
  void unloadOfAMissingDeployedModelThrowsNotFound() {
    server.enqueue(json(404, "{\"code\":5,\"message\":\"deployed model not found\"}"));

    NotFoundException e = assertThrows(NotFoundException.class, () -> addons.unload(LOADED));

    assertTrue(e.getMessage().contains("deployed model not found"), e.getMessage());
  }
}
