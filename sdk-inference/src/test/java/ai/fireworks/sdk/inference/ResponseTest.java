package ai.fireworks.sdk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.BadRequestException;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.internal.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

class ResponseTest extends InferenceTestSupport {
  static final ModelRef LLAMA = ModelRef.of(ModelName.parse("accounts/fireworks/models/llama-v3p1-8b-instruct"));
  static final ModelRef QWEN = ModelRef.of(ModelName.parse("accounts/fireworks/models/qwen3-8b"));

  @Test
  void completionParsesChoicesLegacyLogprobsUsageAndPerfMetrics() {
    server.enqueue(new MockResponse.Builder(json(200, fixture("completion.json")))
        .setHeader("x-request-id", "req-7f3a").setHeader("fireworks-prompt-tokens", "6")
        .setHeader("fireworks-server-time-to-first-token", "0.041")
        .setHeader("x-ratelimit-limit-requests", "600").setHeader("x-ratelimit-remaining-requests", "599")
        .setHeader("x-ratelimit-over-limit", "yes").build());

    Completion c = inference.completions(LLAMA, "Say this is a test");

    assertEquals("cmpl-5d3f9a2e7c1b4e8f9a0b1c2d3e4f5a6b", c.id());
    assertEquals("text_completion", c.object());
    assertEquals(1782907200L, c.created());
    assertEquals(" This is a test.", c.text());
    CompletionChoice choice = c.choices().get(0);
    assertEquals(FinishReason.STOP, choice.finishReason().orElseThrow());
    Logprobs lp = choice.logprobs().orElseThrow();
    assertEquals(List.of(" This", " is", " a", " test", "."), lp.tokens());
    assertEquals(-0.0312, lp.tokenLogprobs().get(0));
    assertEquals(Map.of(" This", -0.0312, " It", -3.51), lp.topLogprobs().get(0));
    assertEquals(34, lp.textOffset().get(4));
    assertEquals(11, c.usage().orElseThrow().totalTokens());
    assertEquals(4, c.usage().orElseThrow().cachedTokens());
    assertEquals(0.041, c.perfMetrics().orElseThrow().get("server-time-to-first-token").asDouble());
    assertEquals("fw-2026.07-a1", c.extra().get("system_fingerprint").asText());
    assertTrue(c.extra().containsKey("prompt_token_ids"), "unknown fields are kept, even null ones");
    assertTrue(choice.extra().containsKey("raw_output"));
    assertEquals("req-7f3a", c.metadata().requestId().orElseThrow());
    assertEquals(200, c.metadata().statusCode());
    assertEquals(Map.of("fireworks-prompt-tokens", "6", "fireworks-server-time-to-first-token", "0.041"),
        c.metadata().fireworksHeaders());
    assertEquals(600L, c.metadata().rateLimitRequests().orElseThrow());
    assertEquals(599L, c.metadata().rateLimitRemainingRequests().orElseThrow());
    assertTrue(c.metadata().isOverRateLimit());
  }

  @Test
  void metadataLooksHeadersUpInAnyCaseAndListsThemInLowerCase() {
    server.enqueue(new MockResponse.Builder(json(200, fixture("completion.json")))
        .setHeader("X-Request-ID", "req-Case").setHeader("Fireworks-Prompt-Tokens", "6").build());

    ResponseMetadata m = inference.completions(LLAMA, "Say this is a test").metadata();

    assertEquals("req-Case", m.header("x-REQUEST-id").orElseThrow());
    assertEquals("req-Case", m.requestId().orElseThrow());
    assertEquals(List.of("req-Case"), m.headers().get("x-request-id"));
    assertTrue(m.headers().keySet().stream().allMatch(k -> k.equals(k.toLowerCase(java.util.Locale.ROOT))),
        m.headers().keySet().toString());
    assertEquals(Map.of("fireworks-prompt-tokens", "6"), m.fireworksHeaders());
  }

  @Test
  void chatParsesMessageToolCallsReasoningAndNewStyleLogprobs() throws Exception {
    server.enqueue(json(200, fixture("chat-completion.json")));

    ChatCompletion c = inference.chatAsync(ChatRequest.of(QWEN, "Weather in Paris?")).get(5, TimeUnit.SECONDS);

    ChatChoice choice = c.choices().get(0);
    ChatMessage m = choice.message();
    assertEquals(ChatRole.ASSISTANT, m.role());
    assertEquals("I'll look up the weather in Paris.", c.text());
    assertEquals("The user wants the weather; call get_weather with city Paris.", m.reasoningContent().orElseThrow());
    ToolCall call = m.toolCalls().get(0);
    assertEquals("call_Zc1bP4x8qT2", call.id().orElseThrow());
    assertEquals("get_weather", call.function().name());
    assertEquals("Paris", Json.MAPPER.readTree(call.function().arguments()).get("city").asText());
    assertEquals(FinishReason.TOOL_CALLS, choice.finishReason().orElseThrow());
    TokenLogprob first = choice.logprobs().orElseThrow().content().get(0);
    assertEquals("I", first.token());
    assertEquals(List.of(73), first.bytes());
    assertEquals("Let", first.topLogprobs().get(1).token());
    assertEquals(128, c.usage().orElseThrow().cachedTokens());
    assertTrue(c.perfMetrics().isEmpty());
    assertEquals("default", c.extra().get("service_tier").asText());
    assertTrue(m.extra().containsKey("refusal"));
    assertTrue(choice.extra().containsKey("stop_reason"));
  }

  @Test
  void unknownEnumValuesAreKeptNotFatal() {
    server.enqueue(json(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"critic\",\"content\":\"ok\"},\"finish_reason\":\"content_filter\"}]}"));

    ChatCompletion c = inference.chat(ChatRequest.of(QWEN, "hi"));

    assertEquals("critic", c.choices().get(0).message().role().value());
    assertFalse(c.choices().get(0).message().role().isKnown());
    assertEquals("content_filter", c.choices().get(0).finishReason().orElseThrow().value());
    assertTrue(c.usage().isEmpty());
  }

  @Test
  void serverErrorsBecomeTypedExceptionsWithCodeAndRequestId() {
    server.enqueue(json(400, "{\"error\":{\"object\":\"error\",\"type\":\"invalid_request_error\","
        + "\"message\":\"prompt is too long: 9000 tokens > 8192\",\"code\":\"INVALID_ARGUMENT\"}}"));

    BadRequestException e = assertThrows(BadRequestException.class, () -> inference.completions(LLAMA, "x"));

    assertEquals("prompt is too long: 9000 tokens > 8192", e.errorMessage());
    assertEquals("INVALID_ARGUMENT", e.errorCode().orElseThrow());
    assertEquals("req-400", e.requestId().orElseThrow());
    assertFalse(e.getMessage().contains("fw_test_secret_key_123"));
    assertEquals(1, server.getRequestCount(), "400 is not retried");
  }

  @Test
  void asyncFailuresCompleteTheFutureOnTheClientExecutor() {
    server.enqueue(json(400, "{\"error\":{\"message\":\"bad\"}}"));

    CompletableFuture<String> thread = inference.completeAsync(CompletionRequest.of(LLAMA, "x"))
        .handle((v, e) -> Thread.currentThread().getName() + " " + e.getClass().getSimpleName());

    String seen = thread.join();
    assertTrue(seen.startsWith("fireworks-callback-"), seen);
    assertTrue(seen.endsWith("BadRequestException"), seen);
  }

  @Test
  void aBodyThatIsNotACompletionFailsWithAnExcerpt() {
    server.enqueue(json(200, "<html>upstream proxy error</html>"));

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> inference.completeAsync(CompletionRequest.of(LLAMA, "x")).get(5, TimeUnit.SECONDS));

    assertEquals(FireworksException.class, e.getCause().getClass());
    assertTrue(e.getCause().getMessage().contains("<html>upstream proxy error</html>"), e.getCause().getMessage());
    assertTrue(e.getCause().getMessage().contains("request id: req-200"), e.getCause().getMessage());
  }

  @Test
  void valuesRoundTripThroughJsonInSnakeCase() throws Exception {
    ChatCompletion parsed = Json.MAPPER.readValue(fixture("chat-completion.json"), ChatCompletion.class);

    String written = Json.MAPPER.writeValueAsString(parsed);

    assertTrue(written.contains("\"finish_reason\":\"tool_calls\""), written);
    assertTrue(written.contains("\"prompt_tokens_details\":{\"cached_tokens\":128}"), written);
    assertEquals(parsed, Json.MAPPER.readValue(written, ChatCompletion.class));
    assertNull(tree(written).get("metadata"), "response metadata is not part of the JSON");
  }
}
