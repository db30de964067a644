package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Read-only model endpoints over the catalogue. */
final class ModelService {
  private final World world;

  ModelService(World world) {
    this.world = world;
  }

  ObjectNode get(String account, String id, Query q) {
    synchronized (world) {
      ObjectNode m = world.models.get("accounts/" + account + "/models/" + id);
      if (m == null) {
        throw ApiError.notFound("model accounts/" + account + "/models/" + id + " not found");
      }
      return world.output(DeploymentService.readMask(world.renderModel(m, true), q));
    }
  }

  ObjectNode list(String account, Query q) {
    synchronized (world) {
      String prefix = "accounts/" + account + "/models/";
      List<ObjectNode> all = new ArrayList<>();
      for (ObjectNode m : world.models.values()) {
        if (m.path("name").asText().startsWith(prefix)) {
          all.add(DeploymentService.readMask(world.renderModel(m, false), q));
        }
      }
      return world.output(Listing.page("models", all, q, Schemas.MODEL, "name", account));
    }
  }
}
