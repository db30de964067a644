package ai.fireworks.sdk.deployments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Deployment fixtures (src/test/resources/fixtures) and request/response helpers. */
final class Fixtures {
  /** A plain mapper, independent of the SDK's, to read what was sent. */
  static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** The text of the test resource at {@code path} (such as "/addons/model-lora.json"). */
  static String resource(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String file) {
    return resource("/fixtures/" + file);
  }

  /** The fixture with {@code edit} applied. */
  static String edited(String file, Consumer<ObjectNode> edit) {
    return edit(text(file), edit);
  }

  /** The JSON object {@code json} with {@code edit} applied. */
  static String edit(String json, Consumer<ObjectNode> edit) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(json);
      edit.accept(node);
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** deployment.json with {@code state}. */
  static String deployment(String state) {
    return edited("deployment.json", n -> n.put("state", state));
  }

  /** deployment.json in CREATING with {@code ready} of {@code desired} replicas and {@code initializing} starting. */
  static String starting(String state, int ready, int desired, int initializing) {
    return edited("deployment.json", n -> {
      n.put("state", state);
      n.put("desiredReplicaCount", desired);
      n.put("replicaCount", ready);
      ObjectNode stats = n.putObject("replicaStats");
      stats.put("readyReplicaCount", ready);
      stats.put("initializingReplicaCount", initializing);
    });
  }

  /** deployment.json FAILED with a status. */
  static String failed(String code, String message) {
    return edited("deployment.json", n -> {
      n.put("state", "FAILED");
      n.put("replicaCount", 0);
      n.putObject("replicaStats");
      ObjectNode status = n.putObject("status");
      status.put("code", code);
      status.put("message", message);
    });
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .setHeader("x-request-id", "req-7f3a").body(body).build();
  }

  static MockResponse ok(String body) {
    return json(200, body);
  }

  static MockResponse error(int code, String status, String message) {
    return json(code, "{\"code\":" + grpc(status) + ",\"message\":\"" + message + "\",\"details\":[]}");
  }

  private static int grpc(String status) {
    switch (status) {
      case "NOT_FOUND": return 5;
      case "ALREADY_EXISTS": return 6;
      case "RESOURCE_EXHAUSTED": return 8;
      case "UNAVAILABLE": return 14;
      default: return 2;
    }
  }

  static JsonNode body(RecordedRequest request) {
    try {
      return JSON.readTree(request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
