package ai.fireworks.sdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class FilterTest {
  private static final JsonNode D = json("{\"name\":\"accounts/a/deployments/x\",\"displayName\":\"bot\",\"state\":\"READY\","
      + "\"minReplicaCount\":2,\"enableAddons\":true,\"autoscalingPolicy\":{\"scaleToZeroWindow\":\"300s\"}}");

  private static JsonNode json(String s) {
    try {
      return new ObjectMapper().readTree(s);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean matches(String filter) {
    Predicate<JsonNode> p = Filter.parse(filter, Schemas.DEPLOYMENT);
    return p.test(D);
  }

  @Test
  void comparisonsQuotedOrBare() {
    assertTrue(matches("display_name=\"bot\""));
    assertTrue(matches("state = READY"));
    assertTrue(matches("display_name != \"other\""));
    assertTrue(matches("min_replica_count >= 2 AND min_replica_count < 3"));
    assertTrue(matches("enable_addons = true"));
    assertTrue(matches("autoscaling_policy.scale_to_zero_window = \"300s\""));
    assertFalse(matches("state=\"CREATING\""));
  }

  @Test
  void orBindsTighterThanAndAsInAip160() {
    assertTrue(matches("state=READY AND display_name=\"x\" OR display_name=\"bot\""));
    assertFalse(matches("state=CREATING AND display_name=\"x\" OR display_name=\"bot\""));
    assertTrue(matches("NOT state=CREATING"));
    assertTrue(matches("(state=CREATING OR state=READY) display_name=bot"), "juxtaposition means AND");
    assertTrue(matches(""));
  }

  @Test
  void errorsAre400WithTheProblem() {
    ApiError unknown = assertThrows(ApiError.class, () -> matches("nope=\"x\""));
    ApiError syntax = assertThrows(ApiError.class, () -> matches("state="));
    ApiError unterminated = assertThrows(ApiError.class, () -> matches("state=\"READY"));

    assertEquals(400, unknown.httpStatus());
    assertTrue(unknown.getMessage().contains("unknown field \"nope\""));
    assertTrue(syntax.getMessage().contains("expected a value"));
    assertTrue(unterminated.getMessage().contains("unterminated"));
  }
}
