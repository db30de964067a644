package ai.fireworks.sdk.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Realistic JSON fixtures (src/test/resources/addons) and small helpers for the addon tests. */
final class AddonFixtures {
  static final ObjectMapper JSON = new ObjectMapper();

  private AddonFixtures() {}

  /** The fixture file's text. */
  static String text(String file) {
    try (InputStream in = AddonFixtures.class.getResourceAsStream("/addons/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + file);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture with {@code edit} applied. */
  static String edited(String file, Consumer<ObjectNode> edit) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(text(file));
      edit.accept(node);
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .setHeader("x-request-id", "req-addons-1").body(body).build();
  }

  /** A 200 with the fixture file. */
  static MockResponse ok(String file) {
    return json(200, text(file));
  }

  /** The request body as a JSON tree. */
  static JsonNode body(RecordedRequest request) {
    try {
      return JSON.readTree(request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
