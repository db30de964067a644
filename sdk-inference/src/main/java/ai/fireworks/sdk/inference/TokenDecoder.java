package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the hand-written decoders of the hot response types ({@link ChatChunkDecoder},
 * {@link ChatCompletionDecoder}) share: they read the usual token shapes of the fields they know
 * on Jackson's streaming parser, hand any other shape of a value to databind (which coerces or
 * fails as the databind path would), and keep unknown fields as trees in {@code extra}. The
 * results equal databind's, with one exception: of a key repeated in one object, the last
 * non-null value wins here, the last value there. Not thread-safe: one instance per document.
 */
abstract class TokenDecoder {
  private static final JavaType TOOL_CALLS = listOf(ToolCall.class);

  final JsonParser p;

  TokenDecoder(JsonParser p) {
    this.p = p;
  }

  /**
   * Decodes the document {@code parser} reads and closes it: an object with {@code readObject}, any
   * other value with {@code databind}, which fails (or yields null) exactly as the databind path
   * would. A value a builder rejects fails as a mapping error, as it does in databind.
   */
  static <T> T document(JsonParser parser, ObjectReader databind, Reader<T> readObject) throws IOException {
    try (parser) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return databind.readValue(parser);
      }
      return readObject.read(parser);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw JsonMappingException.from(parser, e.getMessage(), e);
    }
  }

  /** Reads the fields of the object the parser is at; those {@code known} does not take go to {@code extra}. */
  final void fields(Field known, BiConsumer<String, JsonNode> extra) throws IOException {
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      p.nextToken();
      if (!known.read(name)) {
        extra.accept(name, tree());
      }
    }
  }

  final String string() throws IOException {
    return value(JsonToken.VALUE_STRING, JsonParser::getText, String.class);
  }

  final Integer integer() throws IOException {
    return value(JsonToken.VALUE_NUMBER_INT, JsonParser::getIntValue, int.class);
  }

  /** The value as a tree; JSON null is a {@code NullNode}, as databind keeps it for an {@code Optional<JsonNode>}. */
  final JsonNode tree() throws IOException {
    return Json.MAPPER.readTree(p);
  }

  /** The value the parser is at: {@code null} for JSON null, read directly if its token is {@code usual}, else by databind. */
  final <T> T value(JsonToken usual, Reader<T> direct, Class<T> type) throws IOException {
    return p.currentToken() == usual ? direct.read(p) : databind(type);
  }

  /** The value the parser is at, by databind, which coerces (a number as a string...) or fails as the databind path would. */
  final <T> T databind(Class<T> type) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL ? null : Json.MAPPER.readValue(p, type);
  }

  final FinishReason finishReason() throws IOException {
    return value(JsonToken.VALUE_STRING, q -> FinishReason.of(q.getText()), FinishReason.class);
  }

  final ChatRole role() throws IOException {
    return value(JsonToken.VALUE_STRING, q -> ChatRole.of(q.getText()), ChatRole.class);
  }

  /** A {@code choices} array, each object read by {@code readChoice}; any other shape by databind as {@code listType}. */
  final <T> List<T> choices(Reader<T> readChoice, JavaType listType) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      return noNulls(p.currentToken() == JsonToken.VALUE_NULL ? null : Json.MAPPER.readValue(p, listType), "choices");
    }
    @SuppressWarnings("unchecked")
    Class<T> element = (Class<T>) listType.getContentType().getRawClass();
    List<T> choices = new ArrayList<>(1);
    while (p.nextToken() != JsonToken.END_ARRAY) {
      choices.add(value(JsonToken.START_OBJECT, readChoice, element));
    }
    return noNulls(choices, "choices");
  }

  /** A {@code tool_calls} list, by databind (tool calls are rare and nested). */
  final List<ToolCall> toolCalls() throws IOException {
    return noNulls(p.currentToken() == JsonToken.VALUE_NULL ? null : Json.MAPPER.readValue(p, TOOL_CALLS), "tool_calls");
  }

  /** Token counts, read directly: a stream's last chunk and every buffered response carry them. */
  final Usage usage() throws IOException {
    return value(JsonToken.START_OBJECT, q -> {
      Usage.Builder b = Usage.builder();
      fields(name -> switch (name) {
        case "prompt_tokens" -> set(integer(), b::promptTokens);
        case "completion_tokens" -> set(integer(), b::completionTokens);
        case "total_tokens" -> set(integer(), b::totalTokens);
        case "prompt_tokens_details" -> set(tree(), b::promptTokensDetails);
        default -> false;
      }, b::putExtra);
      return b.build();
    }, Usage.class);
  }

  /** Databind rejects a null element when the builder does; so must this decoder, with a parse error. */
  final <T> List<T> noNulls(List<T> list, String field) throws IOException {
    if (list != null && list.contains(null)) {
      throw MismatchedInputException.from(p, List.class, field + " holds a null element");
    }
    return list;
  }

  /** Gives a non-null {@code value} to {@code setter}; a JSON null means absent. Returns true (the field was known). */
  static <T> boolean set(T value, Consumer<? super T> setter) {
    if (value != null) {
      setter.accept(value);
    }
    return true;
  }

  static JavaType listOf(Class<?> element) {
    return Json.MAPPER.getTypeFactory().constructCollectionType(List.class, element);
  }

  /** Reads a known field's value; false if the name is not a known field. */
  @FunctionalInterface
  interface Field {
    boolean read(String name) throws IOException;
  }

  /** Reads a value of the parser's current token. */
  @FunctionalInterface
  interface Reader<T> {
    T read(JsonParser p) throws IOException;
  }
}
