package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * Decodes one {@link ChatCompletionChunk} on Jackson's streaming parser: a stream sends one per
 * token, and databind's reflective binding of the value types cost more than the rest of the
 * stream. The rare nested values ({@code logprobs}, {@code tool_calls}) go to databind. The result
 * equals what {@code Json.MAPPER.readerFor(ChatCompletionChunk.class)} returns, as
 * {@link TokenDecoder} describes ({@code ChatChunkDecoderTest} checks a corpus).
 */
final class ChatChunkDecoder extends TokenDecoder {
  private static final ObjectReader DATABIND = Json.MAPPER.readerFor(ChatCompletionChunk.class);
  private static final JavaType CHOICES = listOf(ChatChunkChoice.class);

  private ChatChunkDecoder(JsonParser p) {
    super(p);
  }

  /**
   * The chunk {@code json} describes; {@code null} for the literal {@code null}.
   *
   * @throws IOException if {@code json} is not valid JSON or does not describe a chunk
   */
  static ChatCompletionChunk decode(String json) throws IOException {
    return document(Json.MAPPER.createParser(json), DATABIND, p -> new ChatChunkDecoder(p).chunk());
  }

  private ChatCompletionChunk chunk() throws IOException {
    ChatCompletionChunk.Builder b = ChatCompletionChunk.builder();
    fields(name -> switch (name) {
      case "id" -> set(string(), b::id);
      case "object" -> set(string(), b::object);
      case "created" -> set(value(JsonToken.VALUE_NUMBER_INT, JsonParser::getLongValue, long.class), b::created);
      case "model" -> set(string(), b::model);
      case "choices" -> set(choices(q -> choice(), CHOICES), b::choices);
      case "usage" -> set(usage(), b::usage);
      case "perf_metrics" -> set(tree(), b::perfMetrics);
      default -> false;
    }, b::putExtra);
    return b.build();
  }

  private ChatChunkChoice choice() throws IOException {
    ChatChunkChoice.Builder b = ChatChunkChoice.builder();
    fields(name -> switch (name) {
      case "index" -> set(integer(), b::index);
      case "delta" -> set(value(JsonToken.START_OBJECT, q -> delta(), ChatDelta.class), b::delta);
      case "finish_reason" -> set(finishReason(), b::finishReason);
      case "logprobs" -> set(databind(Logprobs.class), b::logprobs);
      default -> false;
    }, b::putExtra);
    return b.build();
  }

  private ChatDelta delta() throws IOException {
    ChatDelta.Builder b = ChatDelta.builder();
    fields(name -> switch (name) {
      case "role" -> set(role(), b::role);
      case "content" -> set(string(), b::content);
      case "reasoning_content" -> set(string(), b::reasoningContent);
      case "tool_calls" -> set(toolCalls(), b::toolCalls);
      default -> false;
    }, b::putExtra);
    return b.build();
  }
}
