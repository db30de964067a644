package ai.fireworks.sdk.testkit.internal;

import ai.fireworks.sdk.testkit.internal.DeploymentRecord.State;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/** The deployment endpoints of section 1 of the reference. */
final class DeploymentService {
  private static final Duration ONE_HOUR = Duration.ofHours(1);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  private final World world;

  DeploymentService(World world) {
    this.world = world;
  }

  ObjectNode create(Query q, JsonNode body) {
    ObjectNode spec = Schemas.DEPLOYMENT.read(body, "");
    customAnnotationsOnly(spec);
    boolean validateOnly = q.bool("validateOnly");
    q.bool("skipShapeValidation");
    q.bool("disableAutoDeploy");
    q.bool("disableSpeculativeDecoding");
    q.bool("skipImageTagValidation");
    synchronized (world) {
      String id = q.get("deploymentId").filter(s -> !s.isEmpty()).orElse(null);
      if (id == null) {
        do {
          id = world.randomId(12, "0123456789abcdef");
        } while (world.deployments.containsKey(id));
      } else if (!World.NEW_ID.matcher(id).matches()) {
        throw ApiError.invalid("invalid deployment_id \"" + id + "\": resource ids must be 1-63 characters of a-z, "
            + "0-9 and '-', start with a letter and not end with '-'");
      }
      ObjectNode model = requireModel(spec);
      resolveShape(spec);
      normalize(spec, model);
      String name = "accounts/" + world.account() + "/deployments/" + id;
      DeploymentRecord existing = world.live(id);
      if (existing != null) {
        throw ApiError.of(RpcCode.ALREADY_EXISTS, "deployment " + name + " already exists"
            + (existing.deleted() ? " (it is soft-deleted: undelete it, or delete it with hard=true to reuse the id)" : ""));
      }
      DeploymentRecord d = new DeploymentRecord(id, name, spec, world.now());
      if (validateOnly) {
        return world.output(world.render(d));
      }
      ObjectNode failure = world.failNext.poll();
      d.pendingFailure = failure != null ? failure : world.failingModels.get(d.baseModel());
      world.deployments.put(id, d);
      return world.output(world.render(d));
    }
  }

  ObjectNode get(String id, Query q) {
    synchronized (world) {
      DeploymentRecord d = require(id);
      d.polls++;
      world.live(id);
      return world.output(readMask(world.render(d), q));
    }
  }

  ObjectNode list(Query q) {
    boolean showDeleted = q.bool("showDeleted");
    synchronized (world) {
      List<ObjectNode> all = new ArrayList<>();
      for (DeploymentRecord d : world.liveDeployments()) {
        if (showDeleted || !d.deleted()) {
          all.add(readMask(world.render(d), q));
        }
      }
      return world.output(Listing.page("deployments", all, q, Schemas.DEPLOYMENT, "create_time", "sd=" + showDeleted));
    }
  }

  ObjectNode update(String id, Query q, JsonNode body) {
    ObjectNode clean = Schemas.DEPLOYMENT.read(body, "");
    customAnnotationsOnly(clean);
    q.bool("skipShapeValidation");
    synchronized (world) {
      DeploymentRecord d = require(id);
      if (d.deleted()) {
        throw ApiError.failedPrecondition("deployment " + d.name + " is deleted; undelete it before updating it");
      }
      List<Schema.Field[]> paths = q.get("updateMask").filter(m -> !m.isBlank())
          .map(m -> FieldMasks.explicit(Schemas.DEPLOYMENT, m))
          .orElseGet(() -> FieldMasks.fromBody(Schemas.DEPLOYMENT, clean));
      ObjectNode next = d.spec.deepCopy();
      Set<String> changedTop = new LinkedHashSet<>();
      for (Schema.Field[] path : paths) {
        if (path[0].immutable() && !FieldMasks.valueAt(clean, path).equals(FieldMasks.valueAt(d.spec, path))) {
          throw ApiError.invalid("field " + path[0].proto() + " cannot be changed after the deployment is created"
              + " (was " + FieldMasks.valueAt(d.spec, path) + ")");
        }
        FieldMasks.apply(next, clean, path);
        changedTop.add(path[0].json());
      }
      normalize(next, requireModel(next));
      if (!next.equals(d.spec)) {
        boolean rollout = false;
        for (String f : changedTop) {
          if (!Schemas.METADATA_FIELDS.contains(f) && !next.path(f).equals(d.spec.path(f))) {
            rollout = true;
          }
        }
        d.spec = next;
        d.updateTime = world.now();
        if (rollout && (d.state == State.READY || d.state == State.FAILED)) {
          d.state = State.UPDATING;
          d.phaseStart = world.now();
          d.polls = 0;
        }
      }
      world.live(id);
      return world.output(world.render(d));
    }
  }

  ObjectNode scale(String id, JsonNode body) {
    if (body != null && !body.isObject() && !body.isNull() && !body.isMissingNode()) {
      throw ApiError.invalid("invalid JSON for gatewayScaleDeploymentBody: expected an object");
    }
    JsonNode rc = body == null ? null : body.get("replicaCount");
    if (body != null) {
      body.fieldNames().forEachRemaining(f -> {
        if (!f.equals("replicaCount") && !f.equals("replica_count") && !f.equals("name")) {
          throw ApiError.invalid("invalid JSON for gatewayScaleDeploymentBody: unknown field \"" + f + "\"");
        }
      });
      if (rc == null) {
        rc = body.get("replica_count");
      }
    }
    int n = rc == null || rc.isNull() ? 0 : Schema.int32("replicaCount", rc);
    if (n < 0) {
      throw ApiError.invalid("replica_count must be non-negative, was " + n);
    }
    synchronized (world) {
      DeploymentRecord d = require(id);
      if (d.deleted()) {
        throw ApiError.failedPrecondition("deployment " + d.name + " is deleted; undelete it before scaling it");
      }
      if (d.state == State.CREATING || d.state == State.FAILED) {
        d.requestedReplicas = n;
      } else {
        int t = Math.max(d.min(), Math.min(n, d.max()));
        if (t > d.replicas) {
          d.scaleUpTo(t, world.now(), world.settings);
        } else if (t < d.replicas || d.scaleUpStart != null) {
          d.replicas = t;
          d.target = t;
          d.scaleUpStart = null;
        }
        d.lastActivity = world.now();
      }
      return JsonNodeFactory.instance.objectNode();
    }
  }

  ObjectNode delete(String id, Query q) {
    boolean hard = q.bool("hard");
    q.bool("ignoreChecks");
    synchronized (world) {
      DeploymentRecord d = require(id);
      if (hard && world.settings.deleting.isZero()) {
        world.deployments.remove(id);
        world.deployedModels.values().removeIf(dm -> dm.deployment.equals(d.name));
      } else if (d.state != State.DELETED || hard) {
        if (world.settings.deleting.isZero()) {
          d.markDeleted(world.now(), world.settings);
        } else {
          d.state = State.DELETING;
          d.hardDelete = hard;
          d.phaseStart = world.now();
          d.updateTime = world.now();
          d.replicas = 0;
          d.target = 0;
          d.scaleUpStart = null;
        }
      }
      return JsonNodeFactory.instance.objectNode();
    }
  }

  ObjectNode undelete(String id) {
    synchronized (world) {
      DeploymentRecord d = require(id);
      if (d.state != State.DELETED) {
        throw ApiError.failedPrecondition("deployment " + d.name + " is not deleted (state " + d.state + ")");
      }
      d.state = State.READY;
      d.deleteTime = null;
      d.purgeTime = null;
      d.status = null;
      d.updateTime = world.now();
      d.lastActivity = world.now();
      d.replicas = 0;
      d.target = 0;
      if (d.min() > 0) {
        d.scaleUpTo(d.min(), world.now(), world.settings);
      }
      return world.output(world.render(d));
    }
  }

  /** Like the real server, records the shape version a shape (shorthand or full name) resolves to. */
  private void resolveShape(ObjectNode spec) {
    String shape = spec.path("deploymentShape").asText("");
    if (!shape.isEmpty()) {
      new ShapeService(world).resolve(shape, spec.path("baseModel").asText()).ifPresent(v -> spec.put("deploymentShape", v));
    }
  }

  /** Newer servers let ordinary accounts write only {@code custom/} annotation keys; others get a 403. */
  private static void customAnnotationsOnly(JsonNode spec) {
    spec.path("annotations").fieldNames().forEachRemaining(k -> {
      if (!k.startsWith("custom/")) {
        throw ApiError.of(RpcCode.PERMISSION_DENIED, "annotation key \"" + k + "\" is not customer-writable")
            .reason("ANNOTATION_NOT_CUSTOMER_WRITABLE");
      }
    });
  }

  private DeploymentRecord require(String id) {
    DeploymentRecord d = world.live(id);
    if (d == null) {
      throw ApiError.notFound("deployment accounts/" + world.account() + "/deployments/" + id + " not found");
    }
    return d;
  }

  private ObjectNode requireModel(ObjectNode spec) {
    String base = spec.path("baseModel").asText("");
    if (base.isEmpty()) {
      throw ApiError.invalid("base_model is required (a model resource name such as accounts/fireworks/models/"
          + "llama-v3p2-3b-instruct)");
    }
    Matcher m = World.MODEL_NAME.matcher(base);
    if (!m.matches()) {
      throw ApiError.invalid("invalid base_model \"" + base + "\": expected accounts/<account>/models/<model>");
    }
    ObjectNode model = world.models.get(base);
    if (model == null) {
      throw ApiError.notFound("model " + base + " not found");
    }
    return model;
  }

  /** Fills server defaults and checks the rules of section 1.7; throws 400 naming the field. */
  static void normalize(ObjectNode spec, ObjectNode model) {
    String display = spec.path("displayName").asText("");
    if (display.length() >= 64) {
      throw ApiError.invalid("display_name must be fewer than 64 characters, has " + display.length());
    }
    int min = spec.has("minReplicaCount") ? spec.get("minReplicaCount").asInt() : 0;
    if (min < 0) {
      throw ApiError.invalid("min_replica_count must be non-negative, was " + min);
    }
    spec.put("minReplicaCount", min);
    if (spec.has("maxReplicaCount")) {
      int max = spec.get("maxReplicaCount").asInt();
      if (max < 0) {
        throw ApiError.invalid("max_replica_count must be non-negative, was " + max);
      }
      if (min > max) {
        throw ApiError.invalid("min_replica_count (" + min + ") must not be greater than max_replica_count (" + max + ")");
      }
    } else {
      spec.put("maxReplicaCount", Math.max(min, 1));
    }
    if (spec.has("maxWithRevocableReplicaCount")
        && spec.get("maxWithRevocableReplicaCount").asInt() < spec.get("maxReplicaCount").asInt()) {
      throw ApiError.invalid("max_with_revocable_replica_count must be at least max_replica_count");
    }
    ObjectNode policy = spec.has("autoscalingPolicy") ? (ObjectNode) spec.get("autoscalingPolicy")
        : spec.putObject("autoscalingPolicy");
    window(policy, "scaleUpWindow", "30s", null, ONE_HOUR);
    window(policy, "scaleDownWindow", "600s", null, ONE_HOUR);
    window(policy, "scaleToZeroWindow", "3600s", FIVE_MINUTES, null);
    JsonNode targets = policy.get("loadTargets");
    if (targets != null) {
      targets.properties().forEach(e -> {
        if (e.getValue().asDouble() <= 0) {
          throw ApiError.invalid("autoscaling_policy.load_targets." + e.getKey() + " must be positive, was " + e.getValue());
        }
      });
    }
    JsonNode schedules = policy.get("scalingSchedules");
    if (schedules != null) {
      if (schedules.size() > 5) {
        throw ApiError.invalid("autoscaling_policy.scaling_schedules allows at most 5 schedules, has " + schedules.size());
      }
      schedules.properties().forEach(e -> {
        JsonNode d = e.getValue().get("duration");
        if (d != null) {
          Duration length = DeploymentRecord.seconds(d.asText());
          if (length.getNano() != 0 || length.getSeconds() < 300 || length.getSeconds() > 604_800) {
            throw ApiError.invalid("autoscaling_policy.scaling_schedules." + e.getKey() + ".duration must be whole "
                + "seconds between 300s and 604800s, was " + d.asText());
          }
        }
        if (e.getValue().path("minReplicaCount").asInt() < 0) {
          throw ApiError.invalid("autoscaling_policy.scaling_schedules." + e.getKey() + ".min_replica_count must be "
              + "non-negative");
        }
      });
    }
    String accel = spec.path("acceleratorType").asText("ACCELERATOR_TYPE_UNSPECIFIED");
    spec.put("acceleratorType", accel.equals("ACCELERATOR_TYPE_UNSPECIFIED") ? "NVIDIA_A100_80GB" : accel);
    int count = spec.path("acceleratorCount").asInt(0);
    if (count < 0) {
      throw ApiError.invalid("accelerator_count must be non-negative, was " + count);
    }
    spec.put("acceleratorCount", count == 0 ? Math.max(1, model.path("baseModelDetails").path("worldSize").asInt(1)) : count);
    if (!spec.has("enableAddons")) {
      spec.put("enableAddons", false);
    }
    JsonNode placement = spec.get("placement");
    if (placement != null) {
      int set = (placement.has("region") ? 1 : 0) + (placement.has("multiRegion") ? 1 : 0)
          + (placement.has("regions") ? 1 : 0);
      if (set > 1) {
        throw ApiError.invalid("placement must set exactly one of region, multi_region and regions");
      }
    }
    String shape = spec.path("deploymentShape").asText("");
    if (shape.startsWith("accounts/") && shape.contains("/deploymentShapes/") && !shape.contains("/versions/")) {
      spec.put("deploymentShape", shape + "/versions/1");
    }
    for (String f : new String[] {"draftTokenCount", "ngramSpeculationLength", "maxContextLength", "numPeftDeviceCached"}) {
      if (spec.path(f).asInt(0) < 0) {
        throw ApiError.invalid(Schema.snake(f) + " must be non-negative, was " + spec.get(f).asInt());
      }
    }
  }

  private static void window(ObjectNode policy, String field, String fallback, Duration min, Duration max) {
    String text = policy.path(field).asText("");
    if (text.isEmpty()) {
      policy.put(field, fallback);
      return;
    }
    Duration d = DeploymentRecord.seconds(text);
    String where = "autoscaling_policy." + Schema.snake(field);
    if (d.isNegative()) {
      throw ApiError.invalid(where + " must not be negative, was " + text);
    }
    if (min != null && d.compareTo(min) < 0) {
      throw ApiError.invalid(where + " must be at least " + min.toSeconds() + "s (5 minutes), was " + text);
    }
    if (max != null && d.compareTo(max) > 0) {
      throw ApiError.invalid(where + " must be at most " + max.toSeconds() + "s (1 hour), was " + text);
    }
  }

  static ObjectNode readMask(ObjectNode resource, Query q) {
    String mask = q.get("readMask").orElse("");
    if (mask.isBlank() || mask.trim().equals("*")) {
      return resource;
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.set("name", resource.get("name"));
    for (String p : mask.split(",")) {
      String json = p.trim().isEmpty() ? "" : camel(p.trim().split("\\.")[0]);
      if (resource.has(json)) {
        out.set(json, resource.get(json));
      }
    }
    return out;
  }

  static String camel(String snake) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (int i = 0; i < snake.length(); i++) {
      char c = snake.charAt(i);
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }
}
