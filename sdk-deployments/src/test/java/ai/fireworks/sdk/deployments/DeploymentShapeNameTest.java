package ai.fireworks.sdk.deployments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.AccountId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentShapeNameTest {
  @Test
  void shorthandsParseInAnyCaseAndPrintInLowerCase() {
    DeploymentShapeName fast = DeploymentShapeName.parse("FAST");

    assertTrue(fast.isShorthand());
    assertEquals("fast", fast.toString());
    assertEquals(Optional.empty(), fast.account());
    assertEquals("full_precision", DeploymentShapeName.parse("full_precision").toString());
  }

  @Test
  void fullNamesAndVersionsRoundTrip() {
    DeploymentShapeName shape = DeploymentShapeName.parse("accounts/fireworks/deploymentShapes/llama-fast");
    DeploymentShapeName version = DeploymentShapeName.parse("accounts/fireworks/deploymentShapes/llama-fast/versions/7");

    assertEquals(AccountId.of("fireworks"), shape.account().orElseThrow());
    assertEquals("llama-fast", shape.id().orElseThrow());
    assertEquals(Optional.empty(), shape.version());
    assertEquals("7", version.version().orElseThrow());
    assertEquals(version, shape.withVersion("7"));
    assertEquals(shape, version.withoutVersion());
    assertEquals("accounts/fireworks/deploymentShapes/llama-fast/versions/latest", shape.withVersion("latest").toString());
    assertEquals(shape, DeploymentShapeName.of(AccountId.of("fireworks"), "llama-fast"));
  }

  @Test
  void anythingElseIsRefusedNamingTheValueAndTheForms() {
    for (String bad : new String[] {"fastest", "accounts/fireworks/deploymentShapes/", "fireworks/llama-fast",
        "accounts/fireworks/shapes/x", "accounts/fireworks/deploymentShapes/x/versions/"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeploymentShapeName.parse(bad));
      assertTrue(e.getMessage().contains("\"" + bad + "\"") && e.getMessage().contains("fast, throughput, minimal"),
          e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> DeploymentShapeName.parse("fast").withVersion("1"));
  }

  @Test
  void aSpecOrCreateWithAnInvalidShapeIsRefusedBeforeSending() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeploymentSpec.builder()
        .baseModel(DeploymentsClientTest.LLAMA).deploymentShape("speedy").build());

    assertTrue(e.getMessage().contains("deploymentShape must be"), e.getMessage());
  }
}
