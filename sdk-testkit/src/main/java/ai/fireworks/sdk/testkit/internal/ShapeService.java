package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The read-only deployment-shape endpoints: account {@code fireworks} publishes three shapes per
 * base model ({@code <model>-fast}, {@code -throughput}, {@code -minimal}), each with one
 * validated version {@code 1} (also reachable as {@code latest}). {@link #resolve} turns a shape a
 * create names into the version name the real server records.
 */
final class ShapeService {
  static final Schema SHAPE = new Schema("gatewayDeploymentShape")
      .add("name", Schema.Type.STRING)
      .add("displayName", Schema.Type.STRING)
      .add("baseModel", Schema.Type.STRING)
      .add("acceleratorType", Schema.Type.STRING)
      .add("acceleratorCount", Schema.Type.INT)
      .add("precision", Schema.Type.STRING)
      .add("presetType", Schema.Type.STRING)
      .add("createTime", Schema.Type.TIMESTAMP);
  private static final String[][] PRESETS = {
      {"fast", "FAST", "NVIDIA_H100_80GB", "FP8"},
      {"throughput", "THROUGHPUT", "NVIDIA_H200_141GB", "FP8"},
      {"minimal", "MINIMAL", "NVIDIA_A100_80GB", "BF16"}};
  private static final String PREFIX = "accounts/fireworks/deploymentShapes/";

  private final World world;

  ShapeService(World world) {
    this.world = world;
  }

  JsonNode list(String account, Query q) {
    String target = q.get("targetModel").orElse("");
    synchronized (world) {
      List<ObjectNode> all = new ArrayList<>();
      for (ObjectNode shape : shapes(account)) {
        if (target.isEmpty() || shape.path("baseModel").asText().equals(target)) {
          all.add(shape);
        }
      }
      return world.output(Listing.page("deploymentShapes", all, q, SHAPE, "name", account + target));
    }
  }

  JsonNode get(String account, String id) {
    synchronized (world) {
      return world.output(require(account, id));
    }
  }

  JsonNode listVersions(String account, String id, Query q) {
    synchronized (world) {
      List<ObjectNode> versions = List.of(version(require(account, id)));
      return world.output(Listing.page("deploymentShapeVersions", versions, q, SHAPE, "name", account + id));
    }
  }

  JsonNode getVersion(String account, String id, String version) {
    synchronized (world) {
      ObjectNode shape = require(account, id);
      if (!version.equals("1") && !version.equals("latest")) {
        throw ApiError.notFound("deployment shape version " + shape.path("name").asText() + "/versions/" + version
            + " not found");
      }
      return world.output(version(shape));
    }
  }

  /**
   * The version name a create records for {@code shape} on {@code baseModel}: shorthands pick the
   * model's preset, full names get {@code /versions/1}; empty if the shape is unknown.
   */
  Optional<String> resolve(String shape, String baseModel) {
    String id;
    if (shape.startsWith(PREFIX)) {
      id = shape.substring(PREFIX.length()).replaceAll("/versions/.*$", "");
    } else {
      id = baseModel.replaceAll("^.*/", "") + "-" + shape.toLowerCase(Locale.ROOT);
    }
    return shapes("fireworks").stream().filter(s -> s.path("name").asText().equals(PREFIX + id)).findFirst()
        .map(s -> s.path("name").asText() + "/versions/1");
  }

  private ObjectNode require(String account, String id) {
    return shapes(account).stream().filter(s -> s.path("name").asText().endsWith("/" + id)).findFirst()
        .orElseThrow(() -> ApiError.notFound("deployment shape accounts/" + account + "/deploymentShapes/" + id
            + " not found"));
  }

  private List<ObjectNode> shapes(String account) {
    List<ObjectNode> out = new ArrayList<>();
    if (!account.equals("fireworks")) {
      return out;
    }
    for (ObjectNode model : world.models.values()) {
      if (!model.path("kind").asText().equals("HF_BASE_MODEL")) {
        continue;
      }
      String name = model.path("name").asText();
      int gpus = Math.max(1, model.path("baseModelDetails").path("worldSize").asInt(1));
      for (String[] p : PRESETS) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("name", PREFIX + name.replaceAll("^.*/", "") + "-" + p[0]);
        s.put("displayName", name.replaceAll("^.*/", "") + " (" + p[0] + ")");
        s.put("baseModel", name);
        s.put("acceleratorType", p[2]);
        s.put("acceleratorCount", p[0].equals("throughput") ? gpus * 2 : gpus);
        s.put("precision", p[3]);
        s.put("presetType", p[1]);
        s.put("enableAddons", p[3].equals("BF16"));
        s.put("createTime", "2026-01-05T00:00:00Z");
        out.add(s);
      }
    }
    return out;
  }

  private static ObjectNode version(ObjectNode shape) {
    ObjectNode v = JsonNodeFactory.instance.objectNode();
    v.put("name", shape.path("name").asText() + "/versions/1");
    v.set("snapshot", shape.deepCopy());
    v.put("validated", true);
    v.put("latestValidated", true);
    v.put("public", true);
    v.put("createTime", "2026-01-05T00:00:00Z");
    return v;
  }
}
