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
 * The hand-written chunk decoder against databind, the reference: the same value for every chunk
 * of a corpus (the fixtures' streams, emulator-shaped chunks, tool-call deltas, nulls and unknown
 * fields at every level, coercions), and a failure wherever databind fails.
 */
class ChatChunkDecoderTest {
  private static final ObjectReader DATABIND = Json.MAPPER.readerFor(ChatCompletionChunk.class);

  static Stream<String> corpus() throws IOException {
    Stream<String> sse = lines("chat-stream.sse").stream()
        .filter(l -> l.startsWith("data: {")).map(l -> l.substring("data: ".length()));
    return Stream.concat(lines("chat-chunks.jsonl").stream(), sse);
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void decodesEachChunkOfTheCorpusAsDatabindDoes(String json) throws IOException {
    ChatCompletionChunk expected = DATABIND.readValue(json);

    ChatCompletionChunk decoded = ChatChunkDecoder.decode(json);

    assertNotNull(expected);
    assertEquals(expected, decoded, json);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[]", "[{}]", "\"chunk\"", "42", "true", "", "   ", "{", "{\"id\":\"x\"", "{\"id\": \"c1\", \"choices\": [oops",
      "{\"choices\":[null]}", "{\"choices\":[{\"delta\":{\"tool_calls\":[null]}}]}", "{\"choices\":{}}",
      "{\"choices\":[{\"index\":99999999999}]}", "{\"created\":\"soon\"}", "{\"created\":true}",
      "{\"choices\":[{\"index\":\"first\"}]}", "{\"choices\":[{\"delta\":[]}]}", "{\"choices\":[7]}",
      "{\"choices\":[{\"delta\":{\"tool_calls\":{}}}]}", "{\"choices\":[{\"delta\":{\"content\":{}}}]}",
      "{\"choices\":[{\"finish_reason\":[\"stop\"]}]}", "{\"usage\":[]}", "{\"id\":{\"a\":1}}",
      "{\"usage\":{\"total_tokens\":\"many\"}}", "{\"choices\":[{\"logprobs\":7}]}"})
  void failsWhereDatabindFails(String json) {
    assertThrows(JsonProcessingException.class, () -> DATABIND.readValue(json), "databind");

    assertThrows(JsonProcessingException.class, () -> ChatChunkDecoder.decode(json), "decoder");
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "{\"choices\":\"\"}", "{\"choices\":[{\"delta\":\"\"}]}", "{\"usage\":\"\"}",
      "{\"choices\":[\"\"]}", "{\"perf_metrics\":[1,2]}", "{\"created\":\"\"}", "{\"choices\":[{\"index\":\"\"}]}"})
  void coercionEdgesEndAsInDatabind(String json) throws IOException {
    Object expected;
    try {
      expected = DATABIND.readValue(json);
    } catch (JsonProcessingException e) {
      expected = JsonProcessingException.class;
    }

    Object decoded;
    try {
      decoded = ChatChunkDecoder.decode(json);
    } catch (JsonProcessingException e) {
      decoded = JsonProcessingException.class;
    }

    assertEquals(expected, decoded, json);
  }

  @Test
  void theCorpusCoversTheRareFields() throws IOException {
    List<ChatCompletionChunk> chunks = corpus().map(ChatChunkDecoderTest::decode).toList();

    assertTrue(chunks.stream().anyMatch(c -> c.usage().isPresent() && c.perfMetrics().isPresent()));
    assertTrue(chunks.stream().flatMap(c -> c.choices().stream()).anyMatch(c -> c.logprobs().isPresent()));
    assertTrue(chunks.stream().flatMap(c -> c.choices().stream()).anyMatch(c -> !c.delta().toolCalls().isEmpty()));
    assertTrue(chunks.stream().flatMap(c -> c.choices().stream()).anyMatch(c -> !c.delta().extra().isEmpty()));
    assertTrue(chunks.stream().flatMap(c -> c.choices().stream()).anyMatch(c -> !c.extra().isEmpty()));
    assertTrue(chunks.stream().anyMatch(c -> !c.extra().isEmpty()));
    assertTrue(chunks.stream().flatMap(c -> c.choices().stream())
        .anyMatch(c -> c.delta().reasoningContent().isPresent()));
  }

  private static ChatCompletionChunk decode(String json) {
    try {
      return ChatChunkDecoder.decode(json);
    } catch (IOException e) {
      throw new AssertionError(json, e);
    }
  }

  private static List<String> lines(String fixture) throws IOException {
    try (InputStream in = ChatChunkDecoderTest.class.getResourceAsStream("/fixtures/" + fixture)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
