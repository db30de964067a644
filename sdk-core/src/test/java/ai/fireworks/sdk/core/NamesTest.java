package ai.fireworks.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.internal.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Resource names and model identifiers: parse, resolve, round-trip, reject. */
class NamesTest {
  private static final AccountId ACME = AccountId.of("acme");

  @Test
  void guideExampleRoundTripsUnchanged() {
    String wire = "accounts/fireworks/models/llama-v3p2-3b-instruct#accounts/acmeInc/deployments/12ab34cd56ef";

    ModelRef ref = ModelRef.parse(wire);

    assertEquals(wire, ref.toString());
    assertEquals("llama-v3p2-3b-instruct", ref.model().orElseThrow().id());
    assertEquals("acmeInc", ref.deployment().orElseThrow().account().value());
    assertEquals("12ab34cd56ef", ref.deployment().orElseThrow().id());
    assertTrue(ref.targetsDeployment());
    assertEquals(ref, ModelRef.parse(ref.toString()));
  }

  @Test
  void shortFormExpandsToFullNames() {
    ModelRef ref = ModelRef.parse("fireworks/mixtral-8x7b#alice/12345678");

    assertEquals("accounts/fireworks/models/mixtral-8x7b#accounts/alice/deployments/12345678", ref.toString());
    assertEquals(ref, ModelRef.parse("accounts/fireworks/models/mixtral-8x7b#accounts/alice/deployments/12345678"));
  }

  @Test
  void bareDeploymentAfterHashUsesTheGivenAccount() {
    assertEquals("accounts/fireworks/models/llama-v3p2-3b-instruct#accounts/acme/deployments/my-llama",
        ModelRef.parse("llama-v3p2-3b-instruct#my-llama", ACME).toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelRef.parse("llama-v3p2-3b-instruct#my-llama"));
    assertTrue(e.getMessage().contains("my-llama") && e.getMessage().contains("bare id"), e.getMessage());
  }

  @Test
  void modelRefFormsWithoutHash() {
    ModelRef model = ModelRef.parse("llama-v3p2-3b-instruct");
    ModelRef deployment = ModelRef.parse("accounts/acme/deployments/d1");
    ModelRef addon = ModelRef.parse("accounts/acme/deployedModels/my-lora-abc");

    assertEquals("accounts/fireworks/models/llama-v3p2-3b-instruct", model.toString());
    assertFalse(model.targetsDeployment());
    assertEquals(Optional.empty(), deployment.model());
    assertEquals(DeploymentName.parse("accounts/acme/deployments/d1"), deployment.deployment().orElseThrow());
    assertTrue(deployment.targetsDeployment());
    assertEquals("accounts/acme/deployedModels/my-lora-abc", addon.deployedModel().orElseThrow().toString());
    assertTrue(addon.targetsDeployment());
    assertEquals(addon, ModelRef.of(DeployedModelName.of(ACME, "my-lora-abc")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "a#b#c", "#", "model#", "#dep", "accounts/a/deployedModels/x#accounts/a/deployments/y",
      "accounts/a/models/m#accounts/a/models/n", "a b", "accounts/a/models/", "fireworks/"})
  void modelRefRejects(String bad) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRef.parse(bad, ACME));
    assertFalse(e.getMessage().isBlank());
  }

  @Test
  void modelNameForms() {
    assertEquals("accounts/fireworks/models/llama-v3p2-3b-instruct", ModelName.parse("llama-v3p2-3b-instruct").toString());
    assertEquals("accounts/acme/models/my-lora", ModelName.parse("acme/my-lora").toString());
    assertEquals("accounts/acme/models/my-lora", ModelName.parse("my-lora", ACME).toString());
    assertEquals("accounts/acme/models/my-lora", ModelName.parse("accounts/acme/models/my-lora").toString());
    assertEquals(ModelName.of(ACME, "my-lora"), ModelName.parse("acme/my-lora"));
    assertEquals(ModelName.of(ACME, "my-lora").hashCode(), ModelName.parse("acme/my-lora").hashCode());
  }

  @Test
  void deploymentNameBareIdNeedsAnAccount() {
    assertEquals("accounts/acme/deployments/my-llama", DeploymentName.parse("my-llama", ACME).toString());
    assertEquals("accounts/alice/deployments/12345678", DeploymentName.parse("alice/12345678").toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeploymentName.parse("my-llama"));
    assertTrue(e.getMessage().contains("FIREWORKS_ACCOUNT_ID"), e.getMessage());
    assertEquals("accounts/acme/deployedModels/x", DeployedModelName.parse("x", ACME).toString());
    assertThrows(IllegalArgumentException.class, () -> DeployedModelName.parse("x"));
  }

  @Test
  void fullNameKeepsItsOwnAccountOverTheDefault() {
    assertEquals("accounts/other/deployments/d", DeploymentName.parse("accounts/other/deployments/d", ACME).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"accounts/acme/models/x", "accounts/acme/deployments", "accounts//deployments/x",
      "accounts/acme/deployments/", "accounts/acme/deployments/x/y", "a/b/c", "acme/", "/x", "acme/x y",
      "accounts/ac me/deployments/x", "accounts/acme/deployments/-x", "acme/#x", "acme/x?y"})
  void deploymentNameRejects(String bad) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeploymentName.parse(bad, ACME));
    assertTrue(e.getMessage().contains("deployment name"), e.getMessage());
  }

  @Test
  void wrongCollectionIsNamedInTheMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelName.parse("accounts/acme/deployments/x"));
    assertTrue(e.getMessage().contains("'deployments'") && e.getMessage().contains("models"), e.getMessage());
  }

  @Test
  void namesOfDifferentKindsAreNeverEqual() {
    ModelName m = ModelName.of(ACME, "x");
    DeploymentName d = DeploymentName.of(ACME, "x");

    assertNotEquals(m, d);
    assertNotEquals(ModelRef.of(m), ModelRef.of(d));
  }

  @Test
  void accountIdAcceptsThePrefixedForm() {
    assertEquals(ACME, AccountId.of("accounts/acme"));
    assertEquals("acmeInc", AccountId.of("acmeInc").toString());
    assertThrows(IllegalArgumentException.class, () -> AccountId.of("accounts/"));
    assertThrows(IllegalArgumentException.class, () -> AccountId.of(""));
    assertThrows(IllegalArgumentException.class, () -> AccountId.of(null));
    assertThrows(IllegalArgumentException.class, () -> AccountId.of("a/b"));
  }

  @Test
  void namesAreJsonStrings() throws Exception {
    String wire = "\"accounts/fireworks/models/llama-v3p2-3b-instruct#accounts/acmeInc/deployments/12ab34cd56ef\"";

    ModelRef ref = Json.MAPPER.readValue(wire, ModelRef.class);

    assertEquals(wire, Json.MAPPER.writeValueAsString(ref));
    assertEquals("\"accounts/acme/deployments/d\"", Json.MAPPER.writeValueAsString(DeploymentName.parse("acme/d")));
    assertEquals(DeploymentName.parse("acme/d"), Json.MAPPER.readValue("\"accounts/acme/deployments/d\"", DeploymentName.class));
    assertEquals(ModelName.parse("llama-v3p2-3b-instruct"), Json.MAPPER.readValue("\"llama-v3p2-3b-instruct\"", ModelName.class));
    assertEquals(DeployedModelName.parse("acme/x"), Json.MAPPER.readValue("\"accounts/acme/deployedModels/x\"", DeployedModelName.class));
  }
}
