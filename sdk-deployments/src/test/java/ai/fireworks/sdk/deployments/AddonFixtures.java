package ai.fireworks.sdk.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Realistic JSON fixtures (src/test/resources/addons) for the addon tests, over the shared helpers
 * in {@link Fixtures}.
 */
final class AddonFixtures {
  static final ObjectMapper JSON = Fixtures.JSON;

  private AddonFixtures() {}

  /** The fixture file's text. */
  static String text(String file) {
    return Fixtures.resource("/addons/" + file);
  }

  /** The fixture with {@code edit} applied. */
  static String edited(String file, Consumer<ObjectNode> edit) {
    return Fixtures.edit(text(file), edit);
  }

  /** The deployed-model fixture in {@code state}, with {@code statusCode} (and a message unless OK). */
  static String deployedModel(String state, String statusCode) {
    return edited("deployed-model.json", n -> {
      n.put("state", state);
      ObjectNode status = n.putObject("status");
      status.put("code", statusCode);
      status.put("message", statusCode.equals("OK") ? "" : "failed to load adapter weights: shape mismatch");
    });
  }

  /** A 2xx/4xx/5xx JSON response. */
  static MockResponse json(int code, String body) {
    return Fixtures.json(code, body);
  }

  /** A 200 with the fixture file (unlike {@link Fixtures#ok}, which takes the body). */
  static MockResponse ok(String file) {
    return json(200, text(file));
  }

  /** The request body as a JSON tree. */
  static JsonNode body(RecordedRequest request) {
    return Fixtures.body(request);
  }
}
