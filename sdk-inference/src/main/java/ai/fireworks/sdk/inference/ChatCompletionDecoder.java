package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * Decodes a {@link ChatCompletion} body on Jackson's streaming parser: databind's reflective
 * binding of the value types was the largest cost of a chat call after the exchange itself. The
 * rare nested values ({@code logprobs}, {@code tool_calls}) go to databind. The result equals what
 * {@code Json.MAPPER.readerFor(ChatCompletion.class)} returns, as {@link TokenDecoder} describes
 * ({@code ChatCompletionDecoderTest} checks a corpus).
 */
final class ChatCompletionDecoder extends TokenDecoder {
  private static final ObjectReader DATABIND = Json.MAPPER.readerFor(ChatCompletion.class);
  private static final JavaType CHOICES = listOf(ChatChoice.class);

  private ChatCompletionDecoder(JsonParser p) {
    super(p);
  }

  /**
   * The chat completion {@code json} describes; {@code null} for the literal {@code null}.
   *
   * @throws IOException if {@code json} is not valid JSON or does not describe a chat completion
   */
  static ChatCompletion decode(byte[] json) throws IOException {
    return document(Json.MAPPER.createParser(json), DATABIND, p -> new ChatCompletionDecoder(p).completion());
  }

  private ChatCompletion completion() throws IOException {
    ChatCompletion.Builder b = ChatCompletion.builder();
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

  private ChatChoice choice() throws IOException {
    ChatChoice.Builder b = ChatChoice.builder();
    fields(name -> switch (name) {
      case "index" -> set(integer(), b::index);
      case "message" -> set(value(JsonToken.START_OBJECT, q -> message(), ChatMessage.class), b::message);
      case "finish_reason" -> set(finishReason(), b::finishReason);
      case "logprobs" -> set(databind(Logprobs.class), b::logprobs);
      default -> false;
    }, b::putExtra);
    return b.build();
  }

  private ChatMessage message() throws IOException {
    ChatMessage.Builder b = ChatMessage.builder();
    fields(name -> switch (name) {
      case "role" -> set(role(), b::role);
      case "content" -> set(string(), b::content);
      case "name" -> set(string(), b::name);
      case "tool_calls" -> set(toolCalls(), b::toolCalls);
      case "tool_call_id" -> set(string(), b::toolCallId);
      case "reasoning_content" -> set(string(), b::reasoningContent);
      default -> false;
    }, b::putExtra);
    return b.build();
  }
}
