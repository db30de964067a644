package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /inference/v1/completions} and {@code /chat/completions}: routes the {@code model}
 * identifier (section 3 of the reference) to a deployment or addon, answers cold starts with
 * 503 DEPLOYMENT_SCALING_UP, and generates deterministic text: {@code "[<model id>] <prompt>"},
 * cut by {@code stop} and {@code max_tokens}, counting whitespace-separated tokens.
 */
final class InferenceService {
  private static final Pattern SHORT = Pattern.compile("([^/#]+)/([^/#]+)");

  private final World world;
  private final ObjectMapper mapper;

  InferenceService(World world, ObjectMapper mapper) {
    this.world = world;
    this.mapper = mapper;
  }

  /** What a request was routed to. */
  private static final class Target {
    final DeploymentRecord deployment;
    final String servedModel;

    Target(DeploymentRecord deployment, String servedModel) {
      this.deployment = deployment;
      this.servedModel = servedModel;
    }
  }

  Reply handle(JsonNode body, boolean chat) {
    if (body == null || !body.isObject()) {
      throw invalid("request body must be a JSON object", null);
    }
    JsonNode modelNode = body.get("model");
    if (modelNode == null || !modelNode.isTextual() || modelNode.asText().isBlank()) {
      throw invalid("model is required", "model");
    }
    String model = modelNode.asText();
    boolean stream = bool(body, "stream");
    int n = range(body, "n", 1, 1, 128);
    checkNumber(body, "temperature", 0, 2);
    checkNumber(body, "top_p", 0, 1);
    checkNumber(body, "top_k", 0, 100);
    if (body.hasNonNull("max_tokens") && body.hasNonNull("max_completion_tokens")) {
      throw invalid("max_tokens and max_completion_tokens cannot both be set", "max_tokens");
    }
    int maxTokens = body.hasNonNull("max_completion_tokens") ? range(body, "max_completion_tokens", 0, 1, Integer.MAX_VALUE)
        : range(body, "max_tokens", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
    List<String> stops = stops(body);
    List<String> prompts = new ArrayList<>();
    int promptTokens = chat ? chatPrompt(body, prompts) : completionPrompts(body, prompts);
    int images = chat ? Vision.countImages(body.get("messages")) : 0;

    String served = serve(model, chat);
    String servedId = served.substring(served.lastIndexOf('/') + 1);
    if (images > 0 && !supportsImages(served)) {
      throw invalid("model " + served + " does not accept images (supportsImageInput is false); use a vision model",
          "messages");
    }
    if (images > 0) {
      prompts.set(prompts.size() - 1, "(saw " + images + (images == 1 ? " image) " : " images) ")
          + prompts.get(prompts.size() - 1));
    }

    String id = (chat ? "chatcmpl-" : "cmpl-") + hex(24);
    long created = world.now().getEpochSecond();
    List<List<String>> texts = new ArrayList<>();
    List<String> finish = new ArrayList<>();
    int completionTokens = 0;
    for (String prompt : prompts) {
      String phrase = ("[" + servedId + "] " + prompt).strip();
      String reason = "stop";
      for (String stop : stops) {
        int at = stop.isEmpty() ? -1 : phrase.indexOf(stop);
        if (at >= 0) {
          phrase = phrase.substring(0, at);
        }
      }
      List<String> pieces = pieces(phrase);
      if (pieces.size() > maxTokens) {
        pieces = pieces.subList(0, maxTokens);
        reason = "length";
      }
      for (int j = 0; j < n; j++) {
        texts.add(pieces);
        finish.add(reason);
        completionTokens += pieces.size();
      }
    }
    ObjectNode usage = JsonNodeFactory.instance.objectNode();
    usage.put("prompt_tokens", promptTokens);
    usage.put("total_tokens", promptTokens + completionTokens);
    usage.put("completion_tokens", completionTokens);
    usage.putObject("prompt_tokens_details").put("cached_tokens", 0);

    if (stream) {
      return Reply.events(events(chat, id, created, model, texts, finish, usage));
    }
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("id", id);
    r.put("object", chat ? "chat.completion" : "text_completion");
    r.put("created", created);
    r.put("model", model);
    ArrayNode choices = r.putArray("choices");
    for (int i = 0; i < texts.size(); i++) {
      ObjectNode c = choices.addObject();
      c.put("index", i);
      if (chat) {
        c.putObject("message").put("role", "assistant").put("content", String.join("", texts.get(i)));
      } else {
        c.put("text", String.join("", texts.get(i)));
      }
      c.putNull("logprobs");
      c.put("finish_reason", finish.get(i));
    }
    r.set("usage", usage);
    return Reply.json(200, r)
        .header("fireworks-prompt-tokens", Integer.toString(promptTokens))
        .header("fireworks-cached-prompt-tokens", "0");
  }

  private List<String> events(boolean chat, String id, long created, String model, List<List<String>> texts,
      List<String> finish, ObjectNode usage) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (chat) {
        ObjectNode delta = JsonNodeFactory.instance.objectNode().put("role", "assistant");
        out.add(chunk(chat, id, created, model, i, delta, null, null));
      }
      for (String piece : texts.get(i)) {
        ObjectNode delta = JsonNodeFactory.instance.objectNode().put(chat ? "content" : "text", piece);
        out.add(chunk(chat, id, created, model, i, delta, null, null));
      }
    }
    for (int i = 0; i < texts.size(); i++) {
      ObjectNode delta = chat ? JsonNodeFactory.instance.objectNode()
          : JsonNodeFactory.instance.objectNode().put("text", "");
      out.add(chunk(chat, id, created, model, i, delta, finish.get(i), i == texts.size() - 1 ? usage : null));
    }
    out.add("[DONE]");
    return out;
  }

  private String chunk(boolean chat, String id, long created, String model, int index, ObjectNode delta,
      String finishReason, ObjectNode usage) {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("id", id);
    c.put("object", chat ? "chat.completion.chunk" : "text_completion");
    c.put("created", created);
    c.put("model", model);
    ObjectNode choice = c.putArray("choices").addObject();
    choice.put("index", index);
    if (chat) {
      choice.set("delta", delta);
    } else {
      choice.set("text", delta.get("text"));
    }
    choice.putNull("logprobs");
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    if (usage == null) {
      c.putNull("usage");
    } else {
      c.set("usage", usage);
    }
    try {
      return mapper.writeValueAsString(c);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Routes {@code model} to a serving deployment and admits the request (answering cold starts
   * with 503), checking for a chat template when {@code chat}; returns the served model's name.
   */
  String serve(String model, boolean chat) {
    synchronized (world) {
      Target t = resolve(model);
      if (chat && !hasConversationConfig(t.servedModel)) {
        throw ApiError.of(404, RpcCode.NOT_FOUND, "model is missing conversation_config, please use /completions API "
            + "instead").inference("invalid_request_error", "NOT_FOUND", "model");
      }
      admit(t.deployment);
      return t.servedModel;
    }
  }

  /** Resolves the identifier forms of section 3 to a serving deployment (caller holds the lock). */
  private Target resolve(String model) {
    int hash = model.indexOf('#');
    if (hash >= 0) {
      String m = expand(model.substring(0, hash), World.MODEL_NAME, "models");
      String dn = expand(model.substring(hash + 1), World.DEPLOYMENT_NAME, "deployments");
      DeploymentRecord d = dn == null ? null : world.deploymentByName(dn);
      if (m == null || d == null || !d.serving()) {
        throw ApiError.modelNotFound();
      }
      if (m.equals(d.baseModel())) {
        return new Target(d, m);
      }
      for (DeployedModelRecord dm : world.liveDeployedModels()) {
        if (dm.model.equals(m) && dm.deployment.equals(d.name)) {
          return addon(dm, d);
        }
      }
      throw ApiError.modelNotFound();
    }
    if (World.DEPLOYMENT_NAME.matcher(model).matches()) {
      DeploymentRecord d = world.deploymentByName(model);
      if (d == null || !d.serving()) {
        throw ApiError.modelNotFound();
      }
      return new Target(d, d.baseModel());
    }
    Matcher dmm = World.DEPLOYED_MODEL_NAME.matcher(model);
    if (dmm.matches()) {
      DeployedModelRecord dm = dmm.group(1).equals(world.account()) ? world.liveDeployedModel(dmm.group(2)) : null;
      DeploymentRecord d = dm == null ? null : world.deploymentByName(dm.deployment);
      if (d == null || !d.serving()) {
        throw ApiError.modelNotFound();
      }
      return addon(dm, d);
    }
    String m = expand(model, World.MODEL_NAME, "models");
    if (m == null) {
      throw ApiError.modelNotFound();
    }
    for (DeployedModelRecord dm : world.liveDeployedModels()) {
      if (dm.model.equals(m) && dm.isDefault && dm.state == DeployedModelRecord.State.DEPLOYED) {
        DeploymentRecord d = world.deploymentByName(dm.deployment);
        if (d != null && d.serving()) {
          return new Target(d, m);
        }
      }
    }
    for (DeploymentRecord d : world.liveDeployments()) {
      if (d.serving() && d.baseModel().equals(m)) {
        return new Target(d, m);
      }
    }
    throw ApiError.modelNotFound();
  }

  private Target addon(DeployedModelRecord dm, DeploymentRecord d) {
    if (dm.state == DeployedModelRecord.State.FAILED) {
      throw ApiError.of(412, RpcCode.FAILED_PRECONDITION, "LoRA " + dm.model + " failed to load on " + d.name + ": "
          + dm.status.path("message").asText()).inference("invalid_request_error", "FAILED_PRECONDITION", "model");
    }
    if (dm.state != DeployedModelRecord.State.DEPLOYED) {
      throw ApiError.modelNotFound();
    }
    return new Target(d, dm.model);
  }

  /** Full name, or the {@code <account>/<id>} short form expanded; null if neither. */
  private static String expand(String s, Pattern full, String collection) {
    if (full.matcher(s).matches()) {
      return s;
    }
    Matcher m = SHORT.matcher(s);
    return m.matches() ? "accounts/" + m.group(1) + "/" + collection + "/" + m.group(2) : null;
  }

  private boolean supportsImages(String modelName) {
    synchronized (world) {
      ObjectNode m = world.models.get(modelName);
      for (int hops = 0; m != null && hops < 3; hops++) {
        if (m.path("supportsImageInput").asBoolean(false)) {
          return true;
        }
        m = world.models.get(m.path("peftDetails").path("baseModel").asText(""));
      }
      return false;
    }
  }

  private boolean hasConversationConfig(String modelName) {
    ObjectNode m = world.models.get(modelName);
    for (int hops = 0; m != null && hops < 3; hops++) {
      if (m.hasNonNull("conversationConfig")) {
        return true;
      }
      m = world.models.get(m.path("peftDetails").path("baseModel").asText(""));
    }
    return false;
  }

  /** Lets the request through if a replica is up; otherwise starts a scale-up and answers 503. */
  private void admit(DeploymentRecord d) {
    if (d.replicas > 0) {
      d.lastActivity = world.now();
      return;
    }
    if (d.max() == 0) {
      throw ApiError.of(503, RpcCode.UNAVAILABLE, "deployment " + d.name + " has max_replica_count 0 and cannot scale "
          + "up; raise max_replica_count to serve requests").inference("error", "UNAVAILABLE", null);
    }
    d.scaleUpTo(Math.max(d.min(), 1), world.now(), world.settings);
    if (d.replicas > 0) {
      d.lastActivity = world.now();
      return;
    }
    d.coldAttempts++;
    throw ApiError.scalingUp();
  }

  private static List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.trim().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(out.isEmpty() ? w : " " + w);
      }
    }
    return out;
  }

  static int words(String text) {
    return pieces(text).size();
  }

  private static int completionPrompts(JsonNode body, List<String> prompts) {
    JsonNode p = body.get("prompt");
    if (p == null || p.isNull()) {
      throw invalid("prompt is required", "prompt");
    }
    if (p.isTextual()) {
      prompts.add(collapse(p.asText()));
      return words(p.asText());
    }
    if (p.isArray() && !p.isEmpty()) {
      if (p.get(0).isIntegralNumber()) {
        prompts.add("(" + p.size() + " prompt tokens)");
        return p.size();
      }
      int tokens = 0;
      for (JsonNode x : p) {
        if (x.isTextual()) {
          prompts.add(collapse(x.asText()));
          tokens += words(x.asText());
        } else if (x.isArray()) {
          prompts.add("(" + x.size() + " prompt tokens)");
          tokens += x.size();
        } else {
          throw invalid("prompt must be a string, an array of strings, or token ids", "prompt");
        }
      }
      return tokens;
    }
    throw invalid("prompt must be a string, an array of strings, or token ids", "prompt");
  }

  private static int chatPrompt(JsonNode body, List<String> prompts) {
    JsonNode messages = body.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      throw invalid("messages is required and must be a non-empty array", "messages");
    }
    int tokens = 0;
    String last = "";
    for (JsonNode m : messages) {
      String role = m.path("role").asText("");
      if (!List.of("system", "user", "assistant", "tool", "developer", "function").contains(role)) {
        throw invalid("messages: invalid role \"" + role + "\"", "messages");
      }
      String text = content(m.get("content"));
      tokens += words(text);
      if (role.equals("user") || last.isEmpty()) {
        last = text;
      }
    }
    prompts.add(collapse(last));
    return tokens;
  }

  private static String content(JsonNode c) {
    if (c == null || c.isNull()) {
      return "";
    }
    if (c.isTextual()) {
      return c.asText();
    }
    if (c.isArray()) {
      StringBuilder b = new StringBuilder();
      for (JsonNode part : c) {
        if (part.path("type").asText().equals("text")) {
          b.append(b.length() == 0 ? "" : " ").append(part.path("text").asText());
        }
      }
      return b.toString();
    }
    throw invalid("message content must be a string or an array of content parts", "messages");
  }

  private static String collapse(String s) {
    return String.join(" ", s.trim().split("\\s+"));
  }

  private static List<String> stops(JsonNode body) {
    JsonNode s = body.get("stop");
    List<String> out = new ArrayList<>();
    if (s == null || s.isNull()) {
      return out;
    }
    if (s.isTextual()) {
      out.add(s.asText());
    } else if (s.isArray() && s.size() <= 4) {
      for (JsonNode x : s) {
        if (!x.isTextual()) {
          throw invalid("stop must be a string or an array of at most 4 strings", "stop");
        }
        out.add(x.asText());
      }
    } else {
      throw invalid("stop must be a string or an array of at most 4 strings", "stop");
    }
    return out;
  }

  private static boolean bool(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw invalid(field + " must be a boolean, got " + v, field);
    }
    return v.asBoolean();
  }

  private static int range(JsonNode body, String field, int fallback, int min, int max) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw invalid(field + " must be an integer between " + min + " and " + max + ", got " + v, field);
    }
    return v.asInt();
  }

  private static void checkNumber(JsonNode body, String field, double min, double max) {
    JsonNode v = body.get(field);
    if (v != null && !v.isNull() && (!v.isNumber() || v.asDouble() < min || v.asDouble() > max)) {
      throw invalid(field + " must be a number between " + min + " and " + max + ", got " + v, field);
    }
  }

  static ApiError invalid(String message, String param) {
    return ApiError.invalid(message).inference("invalid_request_error", "INVALID_ARGUMENT", param);
  }

  private static String hex(int length) {
    StringBuilder b = new StringBuilder(length);
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < length; i++) {
      b.append(Character.forDigit(r.nextInt(16), 16));
    }
    return b.toString();
  }
}
