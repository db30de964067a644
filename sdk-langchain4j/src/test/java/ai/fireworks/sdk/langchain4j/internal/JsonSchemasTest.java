package ai.fireworks.sdk.langchain4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {
  static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void everyElementKindBecomesItsJsonSchemaForm() throws Exception {
    JsonObjectSchema node = JsonObjectSchema.builder().description("a tree node")
        .addProperty("label", JsonStringSchema.builder().description("shown").build())
        .addProperty("weight", new JsonNumberSchema())
        .addProperty("depth", new JsonIntegerSchema())
        .addProperty("leaf", new JsonBooleanSchema())
        .addProperty("kind", JsonEnumSchema.builder().enumValues("a", "b").build())
        .addProperty("children", JsonArraySchema.builder().items(JsonReferenceSchema.builder().reference("node").build())
            .build())
        .addProperty("extra", JsonAnyOfSchema.builder().anyOf(new JsonStringSchema(), new JsonNullSchema()).build())
        .required("label").additionalProperties(false)
        .definitions(Map.of("node", JsonObjectSchema.builder().addStringProperty("label").build()))
        .build();

    assertEquals(MAPPER.readTree("{\"type\":\"object\",\"properties\":{"
            + "\"label\":{\"type\":\"string\",\"description\":\"shown\"},\"weight\":{\"type\":\"number\"},"
            + "\"depth\":{\"type\":\"integer\"},\"leaf\":{\"type\":\"boolean\"},"
            + "\"kind\":{\"type\":\"string\",\"enum\":[\"a\",\"b\"]},"
            + "\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/node\"}},"
            + "\"extra\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}},"
            + "\"required\":[\"label\"],\"additionalProperties\":false,"
            + "\"$defs\":{\"node\":{\"type\":\"object\",\"properties\":{\"label\":{\"type\":\"string\"}}}},"
            + "\"description\":\"a tree node\"}"),
        JsonSchemas.toJson(node));
  }

  @Test
  void aRawSchemaIsSentAsWrittenAndMustBeAnObject() throws Exception {
    String raw = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\",\"minLength\":2}}}";

    assertEquals(MAPPER.readTree(raw), JsonSchemas.toJson(JsonRawSchema.from(raw)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JsonSchemas.toJson(JsonRawSchema.from("[1]")));
    assertEquals("JsonRawSchema must hold a JSON object, was [1]", e.getMessage());
  }

  @Test
  void schemaNamesAreMadeToFitTheApisRule() {
    assertEquals("response", Requests.schemaName(null));
    assertEquals("Person_record_v2", Requests.schemaName("Person record.v2"));
    assertEquals(64, Requests.schemaName("x".repeat(80)).length());
  }
}
