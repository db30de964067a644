package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The emulator's deterministic tool use in chat, enough for an agent loop with one tool. When a
 * request offers {@code tools} (and {@code tool_choice} is not {@code "none"}) and its last message
 * is a user message naming one of them (or {@code tool_choice} forces one), the answer is a call
 * to that tool whose arguments fill the schema's required properties with fixed values: a string
 * is its enum's first value or else the property's name, an integer 1, a number 1.5, a boolean
 * true, an array one such item, an object its own required properties. When the last message is
 * a tool result, the answer's text quotes it: {@code The tool <name> returned: <result>}.
 * A streamed call sends its arguments in two fragments ({@code {}} in one). Otherwise nothing
 * changes. Stateless; thread-safe.
 */
final class ToolTurn {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String callName;
  private final ObjectNode callArguments;
  private final String answer;

  private ToolTurn(String callName, ObjectNode callArguments, String answer) {
    this.callName = callName;
    this.callArguments = callArguments;
    this.answer = answer;
  }

  /** What the chat request {@code body} calls for. */
  static ToolTurn of(JsonNode body) {
    JsonNode messages = body.path("messages");
    JsonNode last = messages.path(messages.size() - 1);
    if (last.path("role").asText().equals("tool")) {
      return new ToolTurn(null, null, "The tool " + calledName(messages, last.path("tool_call_id").asText())
          + "returned: " + text(last.path("content")));
    }
    JsonNode tools = body.path("tools");
    JsonNode choice = body.path("tool_choice");
    if (!tools.isArray() || tools.isEmpty() || choice.asText().equals("none") || !last.path("role").asText().equals("user")) {
      return new ToolTurn(null, null, null);
    }
    String forced = choice.path("function").path("name").asText(null);
    String said = text(last.path("content")).toLowerCase(Locale.ROOT);
    for (JsonNode tool : tools) {
      JsonNode function = tool.path("function");
      String name = function.path("name").asText();
      if (forced != null ? name.equals(forced) : names(said, name)) {
        return new ToolTurn(name, (ObjectNode) valueFor(function.path("parameters"), "arguments"), null);
      }
    }
    if (choice.asText().equals("required")) {
      JsonNode function = tools.get(0).path("function");
      return new ToolTurn(function.path("name").asText(), (ObjectNode) valueFor(function.path("parameters"), "arguments"),
          null);
    }
    return new ToolTurn(null, null, null);
  }

  /** The text to answer instead of echoing the prompt, after a tool result. */
  Optional<String> answer() {
    return Optional.ofNullable(answer);
  }

  /** True if the answer is a tool call. */
  boolean calls() {
    return callName != null;
  }

  /** The tool-call answer, as one JSON body or as stream events ending with {@code [DONE]}. */
  Reply reply(String id, long created, String model, int promptTokens, boolean stream, ObjectMapper mapper) {
    String arguments = callArguments.toString();
    String callId = "call_" + Integer.toHexString((callName + arguments).hashCode());
    ObjectNode usage = NODES.objectNode().put("prompt_tokens", promptTokens).put("total_tokens", promptTokens + 1)
        .put("completion_tokens", 1);
    if (!stream) {
      ObjectNode message = NODES.objectNode().put("role", "assistant").putNull("content");
      message.putArray("tool_calls").add(call(callId, callName, arguments));
      ObjectNode r = chunk(id, "chat.completion", created, model);
      r.withArray("choices").addObject().put("index", 0).<ObjectNode>set("message", message)
          .put("finish_reason", "tool_calls");
      return Reply.json(200, r.set("usage", usage));
    }
    List<String> events = new ArrayList<>();
    events.add(event(mapper, id, created, model, NODES.objectNode().put("role", "assistant"), null, null));
    int half = arguments.length() > 2 ? arguments.length() / 2 : arguments.length();
    events.add(event(mapper, id, created, model, toolDelta(call(callId, callName, arguments.substring(0, half))), null, null));
    if (half < arguments.length()) {
      ObjectNode rest = NODES.objectNode();
      rest.putObject("function").put("arguments", arguments.substring(half));
      events.add(event(mapper, id, created, model, toolDelta(rest), null, null));
    }
    events.add(event(mapper, id, created, model, NODES.objectNode(), "tool_calls", usage));
    events.add("[DONE]");
    return Reply.events(events);
  }

  private static ObjectNode call(String id, String name, String arguments) {
    ObjectNode call = NODES.objectNode().put("id", id).put("type", "function");
    call.putObject("function").put("name", name).put("arguments", arguments);
    return call;
  }

  private static ObjectNode toolDelta(ObjectNode call) {
    ObjectNode delta = NODES.objectNode();
    delta.putArray("tool_calls").add(call.put("index", 0));
    return delta;
  }

  private static ObjectNode chunk(String id, String object, long created, String model) {
    return NODES.objectNode().put("id", id).put("object", object).put("created", created).put("model", model);
  }

  private static String event(ObjectMapper mapper, String id, long created, String model, ObjectNode delta,
      String finishReason, ObjectNode usage) {
    ObjectNode c = chunk(id, "chat.completion.chunk", created, model);
    ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    choice.put("finish_reason", finishReason);
    c.set("usage", usage);
    try {
      return mapper.writeValueAsString(c);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fixed value of a schema: see the class comment. */
  private static JsonNode valueFor(JsonNode schema, String name) {
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    switch (type) {
      case "object":
        ObjectNode o = NODES.objectNode();
        for (JsonNode required : schema.path("required")) {
          String field = required.asText();
          o.set(field, valueFor(schema.path("properties").path(field), field));
        }
        return o;
      case "array":
        ArrayNode a = NODES.arrayNode();
        return a.add(valueFor(schema.path("items"), name));
      case "integer":
        return NODES.numberNode(1);
      case "number":
        return NODES.numberNode(1.5);
      case "boolean":
        return NODES.booleanNode(true);
      case "null":
        return NODES.nullNode();
      default:
        JsonNode values = schema.path("enum");
        return values.isArray() && !values.isEmpty() ? values.get(0) : NODES.textNode(name);
    }
  }

  /** True if {@code said} (lower case) contains {@code name}, as it is or as words ({@code getWeather}, {@code get_weather}: "get weather"). */
  private static boolean names(String said, String name) {
    String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_-]+", " ").toLowerCase(Locale.ROOT);
    return said.contains(name.toLowerCase(Locale.ROOT)) || said.contains(words);
  }

  /** The name of the tool call {@code callId} in an earlier assistant message, and a space; or "". */
  private static String calledName(JsonNode messages, String callId) {
    for (JsonNode m : messages) {
      for (JsonNode call : m.path("tool_calls")) {
        if (call.path("id").asText().equals(callId)) {
          return call.path("function").path("name").asText() + " ";
        }
      }
    }
    return "";
  }

  private static String text(JsonNode content) {
    if (content.isArray()) {
      StringBuilder b = new StringBuilder();
      content.forEach(p -> b.append(p.path("text").asText()));
      return b.toString();
    }
    return content.asText();
  }
}
