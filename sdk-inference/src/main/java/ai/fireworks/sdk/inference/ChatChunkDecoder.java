package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Decodes one {@link ChatCompletionChunk} on Jackson's streaming parser: a stream sends one per
 * token, and databind's reflective binding of the value types cost more than the rest of the
 * stream. The fields every chunk carries are read directly; any other token shape for them, and
 * the rare nested values ({@code usage}, {@code logprobs}, {@code tool_calls}), are handed to
 * databind for that value, and unknown fields go to {@code extra} as trees. The result equals
 * what {@code Json.MAPPER.readerFor(ChatCompletionChunk.class)} returns ({@code ChatChunkDecoderTest}
 * checks a corpus), with one exception: of a key repeated in one object, the last non-null value
 * wins here, the last value there. Not thread-safe; {@link #decode} makes one per chunk.
 */
final class ChatChunkDecoder {
  private static final ObjectReader DATABIND = Json.MAPPER.readerFor(ChatCompletionChunk.class);
  private static final JavaType CHOICES = listOf(ChatChunkChoice.class);
  private static final JavaType TOOL_CALLS = listOf(ToolCall.class);

  private final JsonParser p;

  private ChatChunkDecoder(JsonParser p) {
    this.p = p;
  }

  /**
   * The chunk {@code json} describes; {@code null} for the literal {@code null}.
   *
   * @throws IOException if {@code json} is not valid JSON or does not describe a chunk
   */
  static ChatCompletionChunk decode(String json) throws IOException {
    try (JsonParser parser = Json.MAPPER.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return DATABIND.readValue(json); // not an object: fails (or yields null) exactly as databind does
      }
      return new ChatChunkDecoder(parser).chunk();
    }
  }

  private ChatCompletionChunk chunk() throws IOException {
    ChatCompletionChunk.Builder b = ChatCompletionChunk.builder();
    fields(name -> switch (name) {
      case "id" -> set(string(), b::id);
      case "object" -> set(string(), b::object);
      case "created" -> set(value(JsonToken.VALUE_NUMBER_INT, JsonParser::getLongValue, long.class), b::created);
      case "model" -> set(string(), b::model);
      case "choices" -> set(choices(), b::choices);
      case "usage" -> set(databind(Usage.class), b::usage);
      case "perf_metrics" -> set(Json.MAPPER.<JsonNode>readTree(p), b::perfMetrics); // null is a NullNode, as in databind
      default -> false;
    }, b::putExtra);
    return b.build();
  }

  private List<ChatChunkChoice> choices() throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      return noNulls(p.currentToken() == JsonToken.VALUE_NULL ? null : Json.MAPPER.readValue(p, CHOICES), "choices");
    }
    List<ChatChunkChoice> choices = new ArrayList<>(1);
    while (p.nextToken() != JsonToken.END_ARRAY) {
      choices.add(value(JsonToken.START_OBJECT, q -> choice(), ChatChunkChoice.class));
    }
    return noNulls(choices, "choices");
  }

  private ChatChunkChoice choice() throws IOException {
    ChatChunkChoice.Builder b = ChatChunkChoice.builder();
    fields(name -> switch (name) {
      case "index" -> set(value(JsonToken.VALUE_NUMBER_INT, JsonParser::getIntValue, int.class), b::index);
      case "delta" -> set(value(JsonToken.START_OBJECT, q -> delta(), ChatDelta.class), b::delta);
      case "finish_reason" -> set(value(JsonToken.VALUE_STRING, q -> FinishReason.of(q.getText()),
          FinishReason.class), b::finishReason);
      case "logprobs" -> set(databind(Logprobs.class), b::logprobs);
      default -> false;
    }, b::putExtra);
    return b.build();
  }

  private ChatDelta delta() throws IOException {
    ChatDelta.Builder b = ChatDelta.builder();
    fields(name -> switch (name) {
      case "role" -> set(value(JsonToken.VALUE_STRING, q -> ChatRole.of(q.getText()), ChatRole.class), b::role);
      case "content" -> set(string(), b::content);
      case "reasoning_content" -> set(string(), b::reasoningContent);
      case "tool_calls" -> set(noNulls(p.currentToken() == JsonToken.VALUE_NULL ? null
          : Json.MAPPER.readValue(p, TOOL_CALLS), "tool_calls"), b::toolCalls);
      default -> false;
    }, b::putExtra);
    return b.build();
  }

  /** Reads the fields of the object the parser is at; those {@code known} does not take go to {@code extra}. */
  private void fields(Field known, BiConsumer<String, JsonNode> extra) throws IOException {
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      p.nextToken();
      if (!known.read(name)) {
        extra.accept(name, Json.MAPPER.readTree(p));
      }
    }
  }

  private String string() throws IOException {
    return value(JsonToken.VALUE_STRING, JsonParser::getText, String.class);
  }

  /** The value the parser is at: {@code null} for JSON null, read directly if its token is {@code usual}, else by databind. */
  private <T> T value(JsonToken usual, Reader<T> direct, Class<T> type) throws IOException {
    return p.currentToken() == usual ? direct.read(p) : databind(type);
  }

  /** The value the parser is at, by databind, which coerces (a number as a string...) or fails as the databind path would. */
  private <T> T databind(Class<T> type) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL ? null : Json.MAPPER.readValue(p, type);
  }

  /** Databind rejects a null element when the builder does; so must this decoder, with a parse error. */
  private <T> List<T> noNulls(List<T> list, String field) throws IOException {
    if (list != null && list.contains(null)) {
      throw MismatchedInputException.from(p, List.class, field + " holds a null element");
    }
    return list;
  }

  /** Gives a non-null {@code value} to {@code setter}; a JSON null means absent. Returns true (the field was known). */
  private static <T> boolean set(T value, Consumer<? super T> setter) {
    if (value != null) {
      setter.accept(value);
    }
    return true;
  }

  private static JavaType listOf(Class<?> element) {
    return Json.MAPPER.getTypeFactory().constructCollectionType(List.class, element);
  }

  /** Reads a known field's value; false if the name is not a known field. */
  @FunctionalInterface
  private interface Field {
    boolean read(String name) throws IOException;
  }

  /** Reads a value of the parser's current token. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(JsonParser p) throws IOException;
  }
}
