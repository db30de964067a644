package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The deployedModels endpoints (load, get, list, update, unload an addon) of section 2. */
final class DeployedModelService {
  private final World world;

  DeployedModelService(World world) {
    this.world = world;
  }

  ObjectNode create(Query q, JsonNode body) {
    ObjectNode in = Schemas.DEPLOYED_MODEL.read(body, "");
    boolean replaceMerged = q.bool("replaceMergedAddon");
    synchronized (world) {
      String modelName = in.path("model").asText("");
      if (modelName.isEmpty()) {
        throw ApiError.invalid("model is required: the addon model to load, e.g. accounts/" + world.account()
            + "/models/my-lora");
      }
      ObjectNode model = world.models.get(modelName);
      if (model == null) {
        throw ApiError.notFound("model " + modelName + " not found");
      }
      String kind = model.path("kind").asText();
      if (!kind.equals("HF_PEFT_ADDON") && !kind.equals("HF_TEFT_ADDON")) {
        throw ApiError.invalid("model " + modelName + " is of kind " + kind + "; only PEFT addons (HF_PEFT_ADDON) can be "
            + "loaded onto a deployment. To serve a base model, create a deployment of it");
      }
      String deploymentName = in.path("deployment").asText("");
      if (deploymentName.isEmpty()) {
        throw ApiError.invalid("deployment is required: the deployment to load the addon onto, e.g. accounts/"
            + world.account() + "/deployments/my-deployment");
      }
      if (!World.DEPLOYMENT_NAME.matcher(deploymentName).matches()) {
        throw ApiError.invalid("invalid deployment \"" + deploymentName + "\": expected accounts/<account>/deployments/<id>");
      }
      DeploymentRecord d = world.deploymentByName(deploymentName);
      if (d == null || d.deleted()) {
        throw ApiError.notFound("deployment " + deploymentName + " not found");
      }
      String addonBase = model.path("peftDetails").path("baseModel").asText("");
      if (!addonBase.equals(d.baseModel())) {
        throw ApiError.invalid("addon " + modelName + " was trained on base model " + addonBase + ", but deployment "
            + deploymentName + " serves " + d.baseModel() + "; load it onto a deployment of " + addonBase);
      }
      if (!d.spec.path("enableAddons").asBoolean(false)) {
        throw ApiError.failedPrecondition("deployment " + deploymentName + " does not have addons enabled; create or "
            + "update it with enableAddons=true to load LoRA addons");
      }
      if (d.spec.path("enableHotReloadLatestAddon").asBoolean(false) && !replaceMerged) {
        throw ApiError.failedPrecondition("deployment " + deploymentName + " hot-reloads its latest addon; set "
            + "replaceMergedAddon=true to replace the merged addon");
      }
      boolean first = true;
      for (DeployedModelRecord other : world.liveDeployedModels()) {
        if (other.model.equals(modelName)) {
          if (other.deployment.equals(deploymentName)) {
            throw ApiError.of(RpcCode.ALREADY_EXISTS, "model " + modelName + " is already loaded on deployment "
                + deploymentName + " as " + other.name);
          }
          first = false;
        }
      }
      String modelId = modelName.substring(modelName.lastIndexOf('/') + 1);
      String prefix = modelId.length() > 40 ? modelId.substring(0, 40) : modelId;
      String id;
      do {
        id = prefix.replaceAll("-+$", "") + "-" + world.randomId(8, "abcdefghijklmnopqrstuvwxyz0123456789");
      } while (world.deployedModels.containsKey(id));
      DeployedModelRecord dm = new DeployedModelRecord(id, "accounts/" + world.account() + "/deployedModels/" + id,
          modelName, deploymentName, world.now());
      dm.displayName = in.hasNonNull("displayName") ? in.get("displayName").asText() : null;
      dm.description = in.hasNonNull("description") ? in.get("description").asText() : null;
      dm.isDefault = in.has("default") ? in.get("default").asBoolean() : first;
      dm.isPublic = in.path("public").asBoolean(false);
      dm.failure = world.failingModels.get(modelName);
      world.deployedModels.put(id, dm);
      dm.advance(world.now(), world.settings, d);
      return world.output(dm.render());
    }
  }

  ObjectNode get(String id) {
    synchronized (world) {
      DeployedModelRecord dm = require(id);
      dm.polls++;
      world.liveDeployedModel(id);
      return world.output(dm.render());
    }
  }

  ObjectNode list(Query q) {
    synchronized (world) {
      List<ObjectNode> all = new ArrayList<>();
      for (DeployedModelRecord dm : world.liveDeployedModels()) {
        all.add(dm.render());
      }
      return world.output(Listing.page("deployedModels", all, q, Schemas.DEPLOYED_MODEL, "name", ""));
    }
  }

  ObjectNode update(String id, Query q, JsonNode body) {
    ObjectNode clean = Schemas.DEPLOYED_MODEL.read(body, "");
    synchronized (world) {
      DeployedModelRecord dm = require(id);
      List<Schema.Field[]> paths = q.get("updateMask").filter(m -> !m.isBlank())
          .map(m -> FieldMasks.explicit(Schemas.DEPLOYED_MODEL, m))
          .orElseGet(() -> FieldMasks.fromBody(Schemas.DEPLOYED_MODEL, clean));
      ObjectNode current = dm.render();
      for (Schema.Field[] path : paths) {
        JsonNode v = FieldMasks.valueAt(clean, path);
        if (path[0].immutable()) {
          if (!v.equals(current.path(path[0].json()))) {
            throw ApiError.invalid("field " + path[0].proto() + " of a deployed model cannot be changed; unload it "
                + "and load the addon again");
          }
          continue;
        }
        switch (path[0].json()) {
          case "displayName": dm.displayName = v.isMissingNode() ? null : v.asText(); break;
          case "description": dm.description = v.isMissingNode() ? null : v.asText(); break;
          case "default": dm.isDefault = v.asBoolean(false); break;
          case "public": dm.isPublic = v.asBoolean(false); break;
          default: break;
        }
      }
      if (!dm.render().equals(current)) {
        dm.updateTime = world.now();
      }
      return world.output(dm.render());
    }
  }

  ObjectNode delete(String id) {
    synchronized (world) {
      require(id);
      world.deployedModels.remove(id);
      return JsonNodeFactory.instance.objectNode();
    }
  }

  private DeployedModelRecord require(String id) {
    DeployedModelRecord dm = world.liveDeployedModel(id);
    if (dm == null) {
      throw ApiError.notFound("deployed model accounts/" + world.account() + "/deployedModels/" + id + " not found");
    }
    return dm;
  }
}
