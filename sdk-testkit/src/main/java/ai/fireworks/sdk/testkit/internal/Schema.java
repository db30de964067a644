package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of one message type as the API declares them: JSON (camelCase) and proto
 * (snake_case) names, types, read-only and immutable flags. Reads request bodies the way
 * protobuf JSON does (unknown fields are an error, {@code null} means unset, output-only fields
 * are ignored) and resolves update-mask paths.
 */
public final class Schema {
  /** Field types that matter for parsing. */
  public enum Type {
    STRING, INT, BOOL, NUMBER, ENUM, DURATION, TIMESTAMP, STRING_LIST, STRING_MAP, NUMBER_MAP, MESSAGE, MESSAGE_MAP
  }

  private static final Pattern DURATION = Pattern.compile("-?\\d+(\\.\\d{1,9})?s");

  /** One field. */
  public static final class Field {
    final String json;
    final String proto;
    final Type type;
    final Set<String> enumValues;
    final Schema message;
    boolean readOnly;
    boolean immutable;

    Field(String json, Type type, Set<String> enumValues, Schema message) {
      this.json = json;
      this.proto = snake(json);
      this.type = type;
      this.enumValues = enumValues;
      this.message = message;
    }

    public String json() {
      return json;
    }

    public String proto() {
      return proto;
    }

    public boolean readOnly() {
      return readOnly;
    }

    public boolean immutable() {
      return immutable;
    }

    public Schema message() {
      return message;
    }

    public boolean isMap() {
      return type == Type.STRING_MAP || type == Type.NUMBER_MAP || type == Type.MESSAGE_MAP;
    }
  }

  private final String typeName;
  private final Map<String, Field> byJson = new LinkedHashMap<>();
  private final Map<String, Field> byProto = new LinkedHashMap<>();

  public Schema(String typeName) {
    this.typeName = typeName;
  }

  Schema add(String json, Type type) {
    return put(new Field(json, type, null, null));
  }

  Schema enumField(String json, Set<String> values) {
    return put(new Field(json, Type.ENUM, values, null));
  }

  Schema message(String json, Schema schema) {
    return put(new Field(json, Type.MESSAGE, null, schema));
  }

  Schema messageMap(String json, Schema schema) {
    return put(new Field(json, Type.MESSAGE_MAP, null, schema));
  }

  Schema readOnly(String... names) {
    for (String n : names) {
      byJson.get(n).readOnly = true;
    }
    return this;
  }

  Schema immutable(String... names) {
    for (String n : names) {
      byJson.get(n).immutable = true;
    }
    return this;
  }

  private Schema put(Field f) {
    byJson.put(f.json, f);
    byProto.put(f.proto, f);
    return this;
  }

  public String typeName() {
    return typeName;
  }

  public Map<String, Field> fields() {
    return byJson;
  }

  /** The field with this camelCase name, or null. */
  public Field field(String json) {
    return byJson.get(json);
  }

  /**
   * Reads a request body: checks every field's type, refuses unknown fields, drops nulls and
   * output-only fields, and returns a clean copy.
   *
   * @throws ApiError 400 INVALID_ARGUMENT naming the field
   */
  public ObjectNode read(JsonNode body, String path) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (!body.isObject()) {
      throw ApiError.invalid("invalid JSON for " + typeName + (path.isEmpty() ? "" : " at " + path)
          + ": expected an object, got " + kind(body));
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Field f = byJson.get(e.getKey());
      if (f == null) {
        f = byProto.get(e.getKey());
      }
      String where = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      if (f == null) {
        throw ApiError.invalid("invalid JSON for " + typeName + ": unknown field \"" + where + "\"");
      }
      JsonNode v = e.getValue();
      if (v.isNull() || f.readOnly) {
        continue;
      }
      out.set(f.json, value(f, v, path.isEmpty() ? f.json : path + "." + f.json));
    }
    return out;
  }

  private JsonNode value(Field f, JsonNode v, String where) {
    JsonNodeFactory n = JsonNodeFactory.instance;
    switch (f.type) {
      case STRING:
        if (!v.isTextual()) {
          throw bad(where, "a string", v);
        }
        return v;
      case INT:
        return n.numberNode(int32(where, v));
      case NUMBER:
        if (v.isNumber()) {
          return v;
        }
        throw bad(where, "a number", v);
      case BOOL:
        if (!v.isBoolean()) {
          throw bad(where, "true or false", v);
        }
        return v;
      case ENUM:
        if (!v.isTextual() || !f.enumValues.contains(v.asText())) {
          throw ApiError.invalid("invalid value for enum field " + where + ": " + v
              + " (expected one of " + String.join(", ", f.enumValues) + ")");
        }
        return v;
      case DURATION:
        if (!v.isTextual() || !DURATION.matcher(v.asText()).matches()) {
          throw ApiError.invalid("invalid value for field " + where + ": " + v
              + " is not a google.protobuf.Duration (expected seconds with an 's' suffix, such as \"300s\")");
        }
        return v;
      case TIMESTAMP:
        try {
          Instant.parse(v.asText());
          return v;
        } catch (DateTimeParseException e) {
          throw ApiError.invalid("invalid value for field " + where + ": " + v + " is not an RFC 3339 timestamp");
        }
      case STRING_LIST:
        if (!v.isArray()) {
          throw bad(where, "an array of strings", v);
        }
        v.forEach(x -> {
          if (!x.isTextual()) {
            throw bad(where, "an array of strings", v);
          }
        });
        return v;
      case STRING_MAP:
      case NUMBER_MAP:
        if (!v.isObject()) {
          throw bad(where, "an object", v);
        }
        v.properties().forEach(x -> {
          if (f.type == Type.STRING_MAP ? !x.getValue().isTextual() : !x.getValue().isNumber()) {
            throw bad(where + "." + x.getKey(), f.type == Type.STRING_MAP ? "a string" : "a number", x.getValue());
          }
        });
        return v;
      case MESSAGE:
        return f.message.read(v, where);
      case MESSAGE_MAP:
        if (!v.isObject()) {
          throw bad(where, "an object", v);
        }
        ObjectNode m = n.objectNode();
        v.properties().forEach(x -> m.set(x.getKey(), f.message.read(x.getValue(), where + "." + x.getKey())));
        return m;
      default:
        throw new IllegalStateException(f.type.toString());
    }
  }

  /**
   * Resolves an update-mask path written in snake_case ({@code autoscaling_policy.scale_to_zero_window})
   * to the chain of fields it names.
   *
   * @throws ApiError 400 if a segment names no field (with a hint when it is camelCase)
   */
  public Field[] resolveMaskPath(String path) {
    String[] parts = path.split("\\.", -1);
    Field[] chain = new Field[parts.length];
    Schema s = this;
    for (int i = 0; i < parts.length; i++) {
      Field f = s == null ? null : s.byProto.get(parts[i]);
      if (f == null) {
        String hint = s != null && s.byJson.containsKey(parts[i])
            ? " (update_mask paths use snake_case proto names: " + snake(parts[i]) + ")" : "";
        throw ApiError.invalid("invalid update_mask: field path \"" + path + "\" does not exist in " + typeName + hint);
      }
      chain[i] = f;
      s = f.type == Type.MESSAGE ? f.message : null;
    }
    return chain;
  }

  /** Resolves a filter or order-by field path in snake_case to JSON names, or null if unknown. */
  public String[] jsonPath(String snakePath) {
    String[] parts = snakePath.split("\\.", -1);
    String[] out = new String[parts.length];
    Schema s = this;
    for (int i = 0; i < parts.length; i++) {
      if (s == null) {
        return null;
      }
      Field f = s.byProto.get(parts[i]);
      if (f == null) {
        return null;
      }
      out[i] = f.json;
      s = f.type == Type.MESSAGE ? f.message : null;
    }
    return out;
  }

  static int int32(String where, JsonNode v) {
    try {
      BigDecimal d;
      if (v.isNumber()) {
        d = v.decimalValue();
      } else if (v.isTextual()) {
        d = new BigDecimal(v.asText().trim());
      } else {
        throw bad(where, "an integer", v);
      }
      return d.intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw bad(where, "a 32-bit integer", v);
    }
  }

  private static ApiError bad(String where, String expected, JsonNode v) {
    return ApiError.invalid("invalid value for field " + where + ": expected " + expected + ", got " + v);
  }

  private static String kind(JsonNode v) {
    return v.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** {@code scaleToZeroWindow} → {@code scale_to_zero_window}. */
  public static String snake(String camel) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        b.append('_').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
