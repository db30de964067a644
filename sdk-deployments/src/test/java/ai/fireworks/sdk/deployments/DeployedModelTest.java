package ai.fireworks.sdk.deployments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeployedModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The DeployedModel value: JSON binding, inference identifiers, open state. */
class DeployedModelTest {
  private static DeployedModel read(String json) throws Exception {
    return Json.MAPPER.readValue(json, DeployedModel.class);
  }

  @Test
  void modelRefIsTheAddonOnItsDeployment() throws Exception {
    DeployedModel dm = read(AddonFixtures.text("deployed-model.json"));

    assertEquals("accounts/acme/models/support-bot-lora#accounts/acme/deployments/llama-8b-addons",
        dm.modelRef().toString());
    assertEquals(dm.model(), dm.modelRef().model().orElseThrow());
    assertEquals(dm.deployment(), dm.modelRef().deployment().orElseThrow());
    assertEquals(ModelRef.of(DeployedModelName.parse("accounts/acme/deployedModels/support-bot-lora-4f9a1c")),
        dm.deployedModelRef());
    assertEquals("accounts/acme/deployedModels/support-bot-lora-4f9a1c", dm.deployedModelRef().toString());
  }

  @Test
  void writesBackTheWireNamesAndUnknownFieldsButNoDerivedValues() throws Exception {
    DeployedModel dm = read(AddonFixtures.text("deployed-model.json"));

    JsonNode written = Json.MAPPER.readTree(Json.write(dm));

    assertTrue(written.get("default").asBoolean());
    assertFalse(written.get("public").asBoolean());
    assertEquals("DEPLOYING", written.get("state").asText());
    assertEquals("US_VIRGINIA_1", written.get("region").asText(), "unknown fields round-trip");
    assertFalse(written.has("modelRef"));
    assertFalse(written.has("deployed"));
    assertFalse(written.has("isDefault"));
    assertEquals(dm, Json.MAPPER.readValue(Json.write(dm), DeployedModel.class));
  }

  @Test
  void absentFieldsTakeProtobufDefaultsAndUnknownStatesKeepTheirString() throws Exception {
    DeployedModel dm = read("{\"name\":\"accounts/acme/deployedModels/x1\",\"model\":\"accounts/acme/models/m\","
        + "\"deployment\":\"accounts/acme/deployments/d\",\"state\":\"MIGRATING\"}");

    assertEquals("MIGRATING", dm.state().value());
    assertFalse(dm.state().isKnown());
    assertFalse(dm.isDeployed());
    assertFalse(dm.isDefault());
    assertFalse(dm.isPublic());
    assertTrue(dm.status().isEmpty());
    assertTrue(dm.createTime().isEmpty());
  }

  @Test
  void serverIdsThatBreakTheCreationRuleStillParse() throws Exception {
    DeployedModel dm = read("{\"name\":\"accounts/acmeInc/deployedModels/12ab34cd56ef\",\"model\":\"accounts/acmeInc/models/m\","
        + "\"deployment\":\"accounts/acmeInc/deployments/12ab34cd56ef\",\"state\":\"DEPLOYED\"}");

    assertTrue(dm.isDeployed());
    assertEquals("accounts/acmeInc/models/m#accounts/acmeInc/deployments/12ab34cd56ef", dm.modelRef().toString());
  }
}
