package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Constrains the shape of the output ({@code response_format}): plain {@link #text()}, any JSON
 * object ({@link #jsonObject()}), JSON matching a schema ({@link #jsonSchema} in OpenAI's form or
 * {@link #jsonObject(JsonNode)} in Fireworks' form), or text matching a GBNF {@link #grammar}.
 * Immutable; thread-safe.
 */
public final class ResponseFormat {
  private final ObjectNode json;

  private ResponseFormat(ObjectNode json) {
    this.json = json;
  }

  /** Free text (the default when no format is set). */
  public static ResponseFormat text() {
    return of("text");
  }

  /** Any valid JSON object ({@code {"type":"json_object"}}). */
  public static ResponseFormat jsonObject() {
    return of("json_object");
  }

  /**
   * A JSON object matching {@code schema}, in Fireworks' form {@code {"type":"json_object","schema":...}}.
   *
   * @throws IllegalArgumentException if {@code schema} is not a JSON object
   */
  public static ResponseFormat jsonObject(JsonNode schema) {
    ResponseFormat f = of("json_object");
    f.json.set("schema", requireSchema(schema).deepCopy());
    return f;
  }

  /** A JSON value matching {@code schema}, in OpenAI's form, without strict mode. */
  public static ResponseFormat jsonSchema(String name, JsonNode schema) {
    return jsonSchema(name, schema, false);
  }

  /**
   * A JSON value matching {@code schema}, in OpenAI's form
   * {@code {"type":"json_schema","json_schema":{"name":...,"schema":...,"strict":...}}}.
   *
   * @param name the schema's name: 1 to 64 letters, digits, {@code _} or {@code -}
   * @throws IllegalArgumentException if the name breaks that rule or {@code schema} is not a JSON object
   */
  public static ResponseFormat jsonSchema(String name, JsonNode schema, boolean strict) {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("responseFormat json_schema name must be 1-64 letters, digits, '_' or '-', was '"
          + name + "'");
    }
    ResponseFormat f = of("json_schema");
    ObjectNode s = f.json.putObject("json_schema");
    s.put("name", name);
    s.set("schema", requireSchema(schema).deepCopy());
    if (strict) {
      s.put("strict", true);
    }
    return f;
  }

  /**
   * Text matching a grammar in GBNF ({@code {"type":"grammar","grammar":...}}).
   *
   * @throws IllegalArgumentException if {@code gbnf} is blank
   */
  public static ResponseFormat grammar(String gbnf) {
    if (Objects.requireNonNull(gbnf, "grammar").isBlank()) {
      throw new IllegalArgumentException("responseFormat grammar must not be blank");
    }
    ResponseFormat f = of("grammar");
    f.json.put("grammar", gbnf);
    return f;
  }

  private static ResponseFormat of(String type) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("type", type);
    return new ResponseFormat(n);
  }

  private static JsonNode requireSchema(JsonNode schema) {
    if (schema == null || !schema.isObject()) {
      throw new IllegalArgumentException("responseFormat schema must be a JSON object, was "
          + (schema == null ? "null" : schema.getNodeType()));
    }
    return schema;
  }

  /** The format's {@code type}: {@code text}, {@code json_object}, {@code json_schema} or {@code grammar}. */
  public String type() {
    return json.get("type").asText();
  }

  /** The {@code response_format} object as sent (a copy). */
  @JsonValue
  public JsonNode toJson() {
    return json.deepCopy();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResponseFormat && ((ResponseFormat) o).json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /** The JSON form. */
  @Override
  public String toString() {
    return json.toString();
  }
}
