package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Everything the emulator knows: models, deployments, deployed models, and the failures tests
 * asked for. One lock (this object) guards it all; handlers hold it only to read or change
 * state, never while writing to a socket.
 */
public final class World {
  static final Pattern MODEL_NAME = Pattern.compile("accounts/([^/]+)/models/([^/#]+)");
  static final Pattern DEPLOYMENT_NAME = Pattern.compile("accounts/([^/]+)/deployments/([^/#]+)");
  static final Pattern DEPLOYED_MODEL_NAME = Pattern.compile("accounts/([^/]+)/deployedModels/([^/#]+)");
  static final Pattern NEW_ID = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
  /** Where the emulator's deployments "run". */
  static final String REGION = "US_IOWA_1";

  final Settings settings;
  final String account;
  private final Supplier<Instant> clock;
  private Random random;
  final Map<String, ObjectNode> models = new LinkedHashMap<>();
  final Map<String, DeploymentRecord> deployments = new LinkedHashMap<>();
  final Map<String, DeployedModelRecord> deployedModels = new LinkedHashMap<>();
  final Map<String, ObjectNode> failingModels = new HashMap<>();
  final Deque<ObjectNode> failNext = new ArrayDeque<>();

  public World(Settings settings, Supplier<Instant> clock, String account) {
    this.settings = settings;
    this.clock = clock;
    this.account = account;
    reset();
  }

  /** Forgets every deployment, deployed model, added model and failure; the built-in models remain. */
  public synchronized void reset() {
    random = new Random(settings.seed);
    models.clear();
    deployments.clear();
    deployedModels.clear();
    failingModels.clear();
    failNext.clear();
    for (ObjectNode m : Catalogue.builtIn(account)) {
      models.put(m.get("name").asText(), m);
    }
  }

  Instant now() {
    return clock.get();
  }

  String account() {
    return account;
  }

  /** A server-made id of {@code length} characters from {@code alphabet}, from the seeded generator. */
  String randomId(int length, String alphabet) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  // ---- hooks for tests ----

  /**
   * Adds or replaces a model. Fills {@code state} READY, {@code kind} HF_PEFT_ADDON (the API's
   * default) and the times when absent.
   *
   * @throws IllegalArgumentException if the name is not {@code accounts/<a>/models/<id>} or an
   *     addon has no {@code peftDetails.baseModel}
   */
  public synchronized String addModel(ObjectNode model) {
    String name = model.path("name").asText("");
    if (!MODEL_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("model name must be accounts/<account>/models/<id>, was '" + name + "'");
    }
    ObjectNode m = model.deepCopy();
    if (!m.hasNonNull("kind")) {
      m.put("kind", "HF_PEFT_ADDON");
    }
    String kind = m.get("kind").asText();
    if (kind.equals("HF_PEFT_ADDON") && !m.path("peftDetails").path("baseModel").isTextual()) {
      throw new IllegalArgumentException("HF_PEFT_ADDON model " + name + " needs peftDetails.baseModel");
    }
    if (!m.hasNonNull("state")) {
      m.put("state", "READY");
    }
    String t = Times.format(now());
    if (!m.hasNonNull("createTime")) {
      m.put("createTime", t);
    }
    if (!m.hasNonNull("updateTime")) {
      m.put("updateTime", m.get("createTime").asText());
    }
    models.put(name, m);
    return name;
  }

  /** Deployments of {@code model} (created from now on) end CREATING as FAILED with this status. */
  public synchronized void failModel(String model, String code, String message) {
    failingModels.put(model, status(code, message));
  }

  /** The next deployment created ends CREATING as FAILED with this status. */
  public synchronized void failNextDeployment(String code, String message) {
    failNext.add(status(code, message));
  }

  /**
   * Puts an existing deployment into FAILED now.
   *
   * @return false if there is no such deployment
   */
  public synchronized boolean failDeployment(String id, String code, String message) {
    DeploymentRecord d = live(id);
    if (d == null) {
      return false;
    }
    d.state = DeploymentRecord.State.FAILED;
    d.status = status(code, message);
    d.replicas = 0;
    d.target = 0;
    d.scaleUpStart = null;
    d.updateTime = now();
    return true;
  }

  /** The deployment as a GET would return it, without counting as a poll. */
  public synchronized Optional<ObjectNode> deploymentSnapshot(String id) {
    DeploymentRecord d = live(id);
    return d == null ? Optional.empty() : Optional.of(output(render(d)));
  }

  /** The deployed model as a GET would return it, without counting as a poll. */
  public synchronized Optional<ObjectNode> deployedModelSnapshot(String id) {
    DeployedModelRecord dm = liveDeployedModel(id);
    return dm == null ? Optional.empty() : Optional.of(output(dm.render()));
  }

  static ObjectNode status(String code, String message) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("code", code);
    s.put("message", message);
    return s;
  }

  // ---- shared lookups (callers hold the lock) ----

  /** The deployment brought up to now, or null if it does not exist (purged ones are dropped). */
  DeploymentRecord live(String id) {
    DeploymentRecord d = deployments.get(id);
    if (d != null && !d.advance(now(), settings)) {
      deployments.remove(id);
      deployedModels.values().removeIf(dm -> dm.deployment.equals(d.name));
      return null;
    }
    return d;
  }

  /** All deployments brought up to now, in creation order. */
  List<DeploymentRecord> liveDeployments() {
    List<DeploymentRecord> out = new ArrayList<>();
    for (String id : new ArrayList<>(deployments.keySet())) {
      DeploymentRecord d = live(id);
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  DeploymentRecord deploymentByName(String name) {
    java.util.regex.Matcher m = DEPLOYMENT_NAME.matcher(name);
    if (!m.matches() || !m.group(1).equals(account)) {
      return null;
    }
    return live(m.group(2));
  }

  DeployedModelRecord liveDeployedModel(String id) {
    DeployedModelRecord dm = deployedModels.get(id);
    if (dm != null) {
      dm.advance(now(), settings, deploymentByName(dm.deployment));
    }
    return dm;
  }

  List<DeployedModelRecord> liveDeployedModels() {
    List<DeployedModelRecord> out = new ArrayList<>();
    for (String id : new ArrayList<>(deployedModels.keySet())) {
      DeployedModelRecord dm = liveDeployedModel(id);
      if (dm != null) {
        out.add(dm);
      }
    }
    return out;
  }

  ObjectNode render(DeploymentRecord d) {
    return d.render(now(), settings, placementRegion(d.spec));
  }

  private static String placementRegion(ObjectNode spec) {
    JsonNode r = spec.path("placement").path("region");
    return r.isTextual() && !r.asText().equals("REGION_UNSPECIFIED") ? r.asText() : REGION;
  }

  /** The model with {@code deployedModelRefs} filled in, as GetModel returns it. */
  ObjectNode renderModel(ObjectNode model, boolean withRefs) {
    ObjectNode m = model.deepCopy();
    if (withRefs) {
      ArrayNode refs = JsonNodeFactory.instance.arrayNode();
      for (DeployedModelRecord dm : liveDeployedModels()) {
        if (dm.model.equals(m.path("name").asText())) {
          ObjectNode ref = refs.addObject();
          ref.put("name", dm.name);
          ref.put("deployment", dm.deployment);
          ref.put("state", dm.stateName());
          ref.put("default", dm.isDefault);
          ref.put("public", dm.isPublic);
        }
      }
      if (!refs.isEmpty()) {
        m.set("deployedModelRefs", refs);
      }
    }
    return m;
  }

  /** Applies the {@code omitZeroValues} setting to a resource about to be sent. */
  ObjectNode output(ObjectNode resource) {
    if (settings.omitZeroValues) {
      stripZeros(resource);
    }
    return resource;
  }

  private static void stripZeros(JsonNode node) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
        JsonNode v = it.next().getValue();
        stripZeros(v);
        if (isZero(v)) {
          it.remove();
        }
      }
    } else if (node.isArray()) {
      node.forEach(World::stripZeros);
    }
  }

  private static boolean isZero(JsonNode v) {
    return v.isNull() || (v.isNumber() && v.decimalValue().signum() == 0) || (v.isBoolean() && !v.asBoolean())
        || (v.isTextual() && v.asText().isEmpty()) || (v.isContainerNode() && v.isEmpty());
  }
}
