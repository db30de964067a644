package ai.fireworks.sdk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written chat completion decoder against databind, the reference: the same value for
 * every body of a corpus (the fixtures, emulator- and benchmark-shaped bodies, tool calls,
 * logprobs, nulls and unknown fields at every level, coercions), and a failure wherever databind
 * fails, including the values the builders reject.
 */
class ChatCompletionDecoderTest {
  private static final ObjectReader DATABIND = Json.MAPPER.readerFor(ChatCompletion.class);

  static Stream<String> corpus() throws IOException {
    return Stream.concat(Stream.of(fixture("chat-completion.json"), fixture("chat-stream-as-one.json")),
        fixture("chat-completions.jsonl").lines().filter(l -> !l.isBlank()));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void decodesEachBodyOfTheCorpusAsDatabindDoes(String json) throws IOException {
    ChatCompletion expected = DATABIND.readValue(json);

    ChatCompletion decoded = decode(json);

    assertNotNull(expected);
    assertEquals(expected, decoded, json);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[]", "\"completion\"", "42", "", "   ", "{", "{\"id\":\"x\"", "{\"id\": \"c1\", \"choices\": [oops",
      "{\"choices\":[null]}", "{\"choices\":[{}]}", "{\"choices\":[{\"message\":null}]}",
      "{\"choices\":[{\"message\":{}}]}", "{\"choices\":[{\"message\":{\"content\":\"no role\"}}]}",
      "{\"choices\":[{\"message\":{\"role\":\"tool\",\"content\":\"no call id\"}}]}",
      "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"tool_calls\":[null]}}]}",
      "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"tool_calls\":{}}}]}",
      "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":{}}}]}",
      "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"a\"}]}}]}",
      "{\"choices\":[{\"message\":{\"role\":[\"assistant\"]}}]}", "{\"choices\":{}}", "{\"choices\":[7]}",
      "{\"choices\":[{\"index\":99999999999,\"message\":{\"role\":\"assistant\"}}]}", "{\"created\":\"soon\"}",
      "{\"choices\":[{\"message\":[]}]}", "{\"choices\":[{\"finish_reason\":[\"stop\"]}]}", "{\"usage\":[]}",
      "{\"id\":{\"a\":1}}", "{\"usage\":{\"total_tokens\":\"many\"}}", "{\"usage\":{\"prompt_tokens\":{}}}",
      "{\"choices\":[{\"message\":{\"role\":\"assistant\"},\"logprobs\":7}]}"})
  void failsWhereDatabindFails(String json) {
    assertThrows(JsonProcessingException.class, () -> DATABIND.readValue(json), "databind");

    assertThrows(JsonProcessingException.class, () -> decode(json), "decoder");
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "true", "{\"choices\":\"\"}", "{\"choices\":[\"\"]}", "{\"usage\":\"\"}",
      "{\"choices\":[{\"message\":\"\"}]}", "{\"created\":\"\"}", "{\"created\":true}", "{\"perf_metrics\":[1,2]}",
      "{\"choices\":[{\"index\":\"\",\"message\":{\"role\":\"assistant\"}}]}",
      "{\"choices\":[{\"message\":{\"role\":\"\",\"content\":\"\"}}]}", "{\"usage\":{\"prompt_tokens\":\"\"}}"})
  void coercionEdgesEndAsInDatabind(String json) {
    assertEquals(outcome(() -> DATABIND.readValue(json)), outcome(() -> decode(json)), json);
  }

  @Test
  void theCorpusCoversTheRareFields() throws IOException {
    List<ChatCompletion> bodies = corpus().map(ChatCompletionDecoderTest::decodeOrFail).toList();
    List<ChatChoice> choices = bodies.stream().flatMap(c -> c.choices().stream()).toList();

    assertTrue(bodies.stream().anyMatch(c -> c.usage().isPresent() && c.perfMetrics().isPresent()));
    assertTrue(bodies.stream().anyMatch(c -> c.usage().filter(u -> u.cachedTokens() > 0).isPresent()));
    assertTrue(bodies.stream().anyMatch(c -> c.usage().filter(u -> !u.extra().isEmpty()).isPresent()));
    assertTrue(bodies.stream().anyMatch(c -> !c.extra().isEmpty()));
    assertTrue(choices.stream().anyMatch(c -> c.logprobs().isPresent()));
    assertTrue(choices.stream().anyMatch(c -> !c.extra().isEmpty()));
    assertTrue(choices.stream().anyMatch(c -> c.message().toolCalls().size() > 1));
    assertTrue(choices.stream().anyMatch(c -> c.message().toolCallId().isPresent()));
    assertTrue(choices.stream().anyMatch(c -> c.message().reasoningContent().isPresent()));
    assertTrue(choices.stream().anyMatch(c -> !c.message().extra().isEmpty()));
  }

  private static ChatCompletion decode(String json) throws IOException {
    return ChatCompletionDecoder.decode(json.getBytes(StandardCharsets.UTF_8));
  }

  private static ChatCompletion decodeOrFail(String json) {
    try {
      return decode(json);
    } catch (IOException e) {
      throw new AssertionError(json, e);
    }
  }

  /** The decoded value, or the kind of failure. */
  private static Object outcome(Decoding decoding) {
    try {
      return decoding.run();
    } catch (JsonProcessingException e) {
      return JsonProcessingException.class;
    } catch (IOException e) {
      return e;
    }
  }

  @FunctionalInterface
  private interface Decoding {
    Object run() throws IOException;
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = ChatCompletionDecoderTest.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
