package ai.fireworks.sdk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.StreamException;
import ai.fireworks.sdk.core.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** {@code accumulate()}: a stream read to the end is the response the non-streamed call returns. */
class AccumulateTest extends InferenceTestSupport {
  @Test
  void aChatStreamAccumulatesToTheNonStreamedCompletion() throws Exception {
    server.enqueue(sse(fixture("chat-stream.sse")));
    ChatCompletion whole = Json.MAPPER.readValue(fixture("chat-stream-as-one.json"), ChatCompletion.class);

    ChatCompletion accumulated;
    try (ChatCompletionStream stream = inference.chatStreaming(ChatRequest.of(StreamingTest.QWEN, "Say hello"))) {
      accumulated = stream.accumulate();
    }

    assertEquals(whole, accumulated, "content, reasoning, tool call, finish reason, usage and perf metrics");
    assertEquals("{\"q\":\"hi\"}", accumulated.choices().get(0).message().toolCalls().get(0).function().arguments());
    assertEquals("req-stream", accumulated.metadata().requestId().orElseThrow());
  }

  @Test
  void toolCallDeltasAreMergedByTheirIndexEvenWhenInterleaved() {
    server.enqueue(sse(chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"a\",\"type\":\"function\",\"function\":"
        + "{\"name\":\"first\",\"arguments\":\"{\\\"x\\\":\"}}]}", null)
        + chunk("{\"tool_calls\":[{\"index\":1,\"id\":\"b\",\"type\":\"function\",\"function\":"
        + "{\"name\":\"second\",\"arguments\":\"{}\"}}]}", null)
        + chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"1}\"}}]}", "tool_calls")
        + "data: [DONE]\n\n"));

    ChatCompletion c = inference.chatStreaming(ChatRequest.of(StreamingTest.QWEN, "call")).accumulate();

    List<ToolCall> calls = c.choices().get(0).message().toolCalls();
    assertEquals(2, calls.size());
    assertEquals("first", calls.get(0).function().name());
    assertEquals("{\"x\":1}", calls.get(0).function().arguments());
    assertEquals("b", calls.get(1).id().orElseThrow());
    assertEquals(FinishReason.TOOL_CALLS, c.choices().get(0).finishReason().orElseThrow());
  }

  @Test
  void theCallbackSeesEveryChunkInOrderBeforeTheResult() {
    server.enqueue(sse(fixture("chat-stream.sse")));
    List<String> seen = new ArrayList<>();

    ChatCompletion c = inference.chatStreaming(ChatRequest.of(StreamingTest.QWEN, "hi"))
        .accumulate(chunk -> seen.add(chunk.text()));

    assertEquals(7, seen.size());
    assertEquals("Hello, world", String.join("", seen));
    assertEquals(c.text(), String.join("", seen));
  }

  @Test
  void aCompletionStreamAccumulatesAsyncOnTheClientsExecutor() throws Exception {
    server.enqueue(sse(fixture("completion-stream.sse")));
    List<String> threads = new ArrayList<>();
    String caller = Thread.currentThread().getName();

    Completion c = inference.completeStreaming(CompletionRequest.of(StreamingTest.LLAMA, "Once"))
        .accumulateAsync(chunk -> threads.add(Thread.currentThread().getName())).get();

    assertEquals(" Once upon a time", c.text());
    assertEquals(FinishReason.LENGTH, c.choices().get(0).finishReason().orElseThrow());
    assertEquals(7, c.usage().orElseThrow().totalTokens());
    assertEquals(3, threads.size());
    assertTrue(threads.stream().noneMatch(caller::equals), threads.toString());
  }

  @Test
  void aTruncatedStreamFailsTheAccumulation() {
    server.enqueue(sse(StreamingTest.CHUNK));

    ChatCompletionStream stream = inference.chatStreaming(ChatRequest.of(StreamingTest.QWEN, "hi"));
    ExecutionException e = assertThrows(ExecutionException.class, () -> stream.accumulateAsync().get());

    assertTrue(e.getCause() instanceof StreamException, e.toString());
    assertNotEquals(0, stream.chunksReceived());
  }

  private static String chunk(String delta, String finish) {
    return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
        + "\"delta\":" + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
  }
}
