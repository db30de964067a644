package ai.fireworks.sdk.langchain4j.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonReferenceSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.Map;

/**
 * Writes LangChain4j's JSON Schema elements as JSON Schema objects, through their public
 * accessors only. Definitions go under {@code $defs}; references point at {@code #/$defs/<name>}.
 * Stateless; thread-safe.
 */
public final class JsonSchemas {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonSchemas() {}

  /** The schema of {@code element}. Throws UnsupportedFeatureException for an element kind it does not know. */
  public static ObjectNode toJson(JsonSchemaElement element) {
    if (element instanceof JsonRawSchema) {
      return raw((JsonRawSchema) element);
    }
    ObjectNode n = MAPPER.createObjectNode();
    if (element instanceof JsonObjectSchema) {
      JsonObjectSchema o = (JsonObjectSchema) element;
      n.put("type", "object");
      ObjectNode props = n.putObject("properties");
      o.properties().forEach((name, p) -> props.set(name, toJson(p)));
      if (o.required() != null && !o.required().isEmpty()) {
        o.required().forEach(n.putArray("required")::add);
      }
      if (o.additionalProperties() != null) {
        n.put("additionalProperties", o.additionalProperties());
      }
      putAll(n, "$defs", o.definitions());
    } else if (element instanceof JsonArraySchema) {
      n.put("type", "array");
      n.set("items", toJson(((JsonArraySchema) element).items()));
    } else if (element instanceof JsonEnumSchema) {
      n.put("type", "string");
      ((JsonEnumSchema) element).enumValues().forEach(n.putArray("enum")::add);
    } else if (element instanceof JsonAnyOfSchema) {
      ((JsonAnyOfSchema) element).anyOf().forEach(e -> n.withArray("anyOf").add(toJson(e)));
    } else if (element instanceof JsonReferenceSchema) {
      n.put("$ref", "#/$defs/" + ((JsonReferenceSchema) element).reference());
    } else {
      n.put("type", scalarType(element));
    }
    if (element.description() != null) {
      n.put("description", element.description());
    }
    return n;
  }

  private static String scalarType(JsonSchemaElement element) {
    if (element instanceof JsonStringSchema) {
      return "string";
    }
    if (element instanceof JsonIntegerSchema) {
      return "integer";
    }
    if (element instanceof JsonNumberSchema) {
      return "number";
    }
    if (element instanceof JsonBooleanSchema) {
      return "boolean";
    }
    if (element instanceof JsonNullSchema) {
      return "null";
    }
    throw new UnsupportedFeatureException("JSON schema element " + element.getClass().getName()
        + " is not supported by the Fireworks integration");
  }

  private static void putAll(ObjectNode n, String field, Map<String, JsonSchemaElement> elements) {
    if (elements != null && !elements.isEmpty()) {
      ObjectNode defs = n.putObject(field);
      elements.forEach((name, e) -> defs.set(name, toJson(e)));
    }
  }

  private static ObjectNode raw(JsonRawSchema schema) {
    try {
      JsonNode parsed = MAPPER.readTree(schema.schema());
      if (parsed instanceof ObjectNode) {
        return (ObjectNode) parsed;
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("JsonRawSchema must hold a JSON object, was not valid JSON: "
          + e.getOriginalMessage(), e);
    }
    throw new IllegalArgumentException("JsonRawSchema must hold a JSON object, was " + schema.schema());
  }
}
