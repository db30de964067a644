package ai.fireworks.sdk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.RequestTimeoutException;
import ai.fireworks.sdk.core.StreamException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

class StreamingTest extends InferenceTestSupport {
  static final ModelRef QWEN = ModelRef.of(ModelName.parse("accounts/fireworks/models/qwen3-8b"));
  static final ModelRef LLAMA = ModelRef.of(ModelName.parse("accounts/fireworks/models/llama-v3p1-8b-instruct"));
  static final String CHUNK = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
      + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n";
  /** The API key of {@link InferenceTestSupport}'s client. */
  static final String KEY = "fw_test_secret_key_123";

  @Test
  void chatStreamYieldsTypedChunksThenUsageAndPerfMetricsOfTheFinalChunk() throws Exception {
    server.enqueue(sse(fixture("chat-stream.sse")));
    List<ChatCompletionChunk> chunks = new ArrayList<>();

    try (EventStream<ChatCompletionChunk> stream = inference.chatStreaming(ChatRequest.of(QWEN, "Say hello"))) {
      assertEquals("req-stream", stream.metadata().requestId().orElseThrow());
      assertTrue(stream.usage().isEmpty(), "usage arrives with the final chunk");
      for (ChatCompletionChunk c : stream) {
        chunks.add(c);
      }
      assertTrue(stream.isComplete());
      assertEquals(16, stream.usage().orElseThrow().totalTokens());
      assertEquals(8, stream.usage().orElseThrow().cachedTokens());
      assertEquals(0.052, stream.perfMetrics().orElseThrow().get("server-time-to-first-token").asDouble());
    }

    assertTrue(body(take()).get("stream").asBoolean());
    assertEquals(7, chunks.size());
    assertEquals(ChatRole.ASSISTANT, chunks.get(0).choices().get(0).delta().role().orElseThrow());
    assertEquals("Hello, world", chunks.stream().map(ChatCompletionChunk::text).collect(Collectors.joining()));
    assertEquals("fw-a1", chunks.get(2).extra().get("system_fingerprint").asText());
    assertEquals(FinishReason.STOP, chunks.get(6).choices().get(0).finishReason().orElseThrow());
  }

  @Test
  void completionStreamWorksAsAJavaStream() {
    server.enqueue(sse(fixture("completion-stream.sse")));

    String text;
    try (EventStream<CompletionChunk> stream = inference.completeStreaming(CompletionRequest.builder().model(LLAMA)
        .prompt("Tell me a story").maxTokens(4).build())) {
      text = stream.stream().map(CompletionChunk::text).collect(Collectors.joining());
      assertThrows(IllegalStateException.class, stream::iterator, "a stream is read once");
      assertEquals(7, stream.usage().orElseThrow().totalTokens());
      assertEquals(3, stream.chunksReceived());
    }

    assertEquals(" Once upon a time", text);
  }

  @Test
  void aStreamEndingWithoutDoneOrFinishReasonIsTruncated() {
    server.enqueue(sse(CHUNK + CHUNK));
    List<String> seen = new ArrayList<>();

    StreamException e = assertThrows(StreamException.class, () -> {
      try (EventStream<ChatCompletionChunk> stream = inference.chatStreaming(ChatRequest.of(QWEN, "hi"))) {
        stream.forEach(c -> seen.add(c.text()));
      }
    });

    assertEquals(List.of("Hi", "Hi"), seen);
    assertEquals("POST /inference/v1/chat/completions stream truncated: the body ended after 2 chunk(s) without "
        + "[DONE] or a finish_reason (request id: req-stream)", e.getMessage());
  }

  @Test
  void aStreamEndingAfterAFinishReasonButWithoutDoneIsAccepted() {
    server.enqueue(sse(CHUNK + CHUNK.replace("\"finish_reason\":null", "\"finish_reason\":\"stop\"")));

    try (EventStream<ChatCompletionChunk> stream = inference.chatStreaming(ChatRequest.of(QWEN, "hi"))) {
      assertEquals(2, stream.stream().count());
      assertTrue(stream.isComplete());
    }
  }

  @Test
  void withSeveralChoicesTheBodyMayEndWithoutDoneOnlyOnceEveryChoiceFinished() {
    String second = CHUNK.replace("\"index\":0", "\"index\":1");
    String stop0 = CHUNK.replace("\"finish_reason\":null", "\"finish_reason\":\"stop\"");
    String stop1 = second.replace("\"finish_reason\":null", "\"finish_reason\":\"length\"");
    server.enqueue(sse(CHUNK + second + stop0));
    server.enqueue(sse(CHUNK + second + stop0 + stop1));

    StreamException e = assertThrows(StreamException.class, () -> {
      try (EventStream<ChatCompletionChunk> stream = inference.chatStreaming(ChatRequest.of(QWEN, "hi"))) {
        stream.forEach(c -> { });
      }
    });
    assertTrue(e.getMessage().contains("stream truncated: the body ended after 3 chunk(s) without [DONE] or a "
        + "finish_reason for every choice (finished 1 of 2)"), e.getMessage());

    try (EventStream<ChatCompletionChunk> stream = inference.chatStreaming(ChatRequest.of(QWEN, "hi"))) {
      assertEquals(4, stream.stream().count());
      assertTrue(stream.isComplete());
    }
  }

  @Test
  void aMalformedChunkFailsWithAnExcerpt() {
    server.enqueue(sse(CHUNK + "data: {\"id\": \"c1\", \"choices\": [oops\n\n" + "data: [DONE]\n\n"));

    try (EventStream<ChatCompletionChunk> stream = inference.chatStreaming(ChatRequest.of(QWEN, "hi"))) {
      Iterator<ChatCompletionChunk> it = stream.iterator();
      assertEquals("Hi", it.next().text());
      StreamException e = assertThrows(StreamException.class, it::hasNext);
      assertTrue(e.getMessage().startsWith("POST /inference/v1/chat/completions sent a malformed chunk #2"), e.getMessage());
      assertTrue(e.getMessage().contains("{\"id\": \"c1\", \"choices\": [oops"), e.getMessage());
      assertFalse(it.hasNext(), "a failed stream stays ended");
    }
  }

  @Test
  void chunksMentioningErrorAreContentAndANullChunkIsMalformed() {
    String quoted = CHUNK.replace("\"content\":\"Hi\"", "\"content\":\"an \\\"error\\\" here\"");
    String keyed = CHUNK.replace("\"finish_reason\":null", "\"finish_reason\":null,\"error\":null");
    server.enqueue(sse(quoted + keyed + "data: null\n\n" + "data: [DONE]\n\n"));

    try (EventStream<ChatCompletionChunk> stream = inference.chatStreaming(ChatRequest.of(QWEN, "hi"))) {
      Iterator<ChatCompletionChunk> it = stream.iterator();
      assertEquals("an \"error\" here", it.next().text());
      assertEquals("Hi", it.next().text(), "an \"error\" key beside choices is not a stream error");
      StreamException e = assertThrows(StreamException.class, it::hasNext);
      assertTrue(e.getMessage().contains("malformed chunk #3"), e.getMessage());
    }
  }

  @Test
  void anErrorObjectInsideTheStreamIsRaisedWithItsCode() {
    server.enqueue(sse(CHUNK + "data: {\"error\":{\"message\":\"replica evicted\",\"code\":\"INTERNAL\",\"type\":\"error\"}}\n\n"));

    StreamErrorException e = assertThrows(StreamErrorException.class, () -> {
      try (EventStream<ChatCompletionChunk> stream = inference.chatStreaming(ChatRequest.of(QWEN, "hi"))) {
        stream.forEach(c -> { });
      }
    });

    assertEquals("INTERNAL", e.errorCode().orElseThrow());
    assertEquals("replica evicted", e.errorMessage());
    assertEquals("req-stream", e.requestId().orElseThrow());
    assertTrue(e.getMessage().contains("after 1 chunk(s): INTERNAL: replica evicted"), e.getMessage());
  }

  private StreamErrorException streamErrorAfter(String events) {
    server.enqueue(sse(CHUNK + events));
    List<String> seen = new ArrayList<>();
    StreamErrorException e = assertThrows(StreamErrorException.class, () -> {
      try (EventStream<ChatCompletionChunk> stream = inference.chatStreaming(ChatRequest.of(QWEN, "hi"))) {
        stream.forEach(c -> seen.add(c.text()));
      }
    });
    assertEquals(List.of("Hi"), seen, "no empty chunk is handed out for the error");
    return e;
  }

  @Test
  void aFlatErrorObjectWithoutChoicesIsAStreamError() {
    StreamErrorException e = streamErrorAfter("data: {\"message\":\"Model not found\",\"param\":\"model\","
        + "\"code\":\"NOT_FOUND\",\"type\":\"error\"}\n\n");

    assertEquals("NOT_FOUND", e.errorCode().orElseThrow());
    assertEquals("Model not found", e.errorMessage());
    assertEquals("req-stream", e.requestId().orElseThrow());
  }

  @Test
  void aGoogleRpcStatusOrAnErrorTypedObjectInsideTheStreamIsAStreamError() {
    StreamErrorException rpc = streamErrorAfter("data: {\"code\":14,\"message\":\"replica gone\"}\n\n");
    assertEquals("14", rpc.errorCode().orElseThrow());
    assertEquals("replica gone", rpc.errorMessage());

    StreamErrorException typed = streamErrorAfter("data: {\"object\":\"error\",\"message\":\"overloaded\"}\n\n");
    assertEquals("overloaded", typed.errorMessage());
  }

  @Test
  void anErrorEventWithDataThatIsNotJsonIsAStreamErrorWithThatMessage() {
    StreamErrorException e = streamErrorAfter("event: error\ndata: upstream reset, key " + KEY + "\n\n");

    assertTrue(e.errorCode().isEmpty());
    assertEquals("upstream reset, key ****", e.errorMessage());
    assertFalse(e.getMessage().contains(KEY), e.getMessage());
    assertFalse(e.getMessage().contains("malformed"), e.getMessage());
  }

  @Test
  void closingEarlyClosesTheConnection() throws Exception {
    ScriptedBody body = new ScriptedBody().send(CHUNK).keepAliveUntilClientLeaves();
    server.enqueue(body.response());

    try (EventStream<ChatCompletionChunk> stream = inference.chatStreaming(ChatRequest.of(QWEN, "hi"))) {
      assertEquals("Hi", stream.iterator().next().text());
    }

    assertTrue(body.clientWentAway.await(10, TimeUnit.SECONDS), "the server saw the connection close");
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void closingFromAnotherThreadReleasesAReaderWaitingForTheNextChunk() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.enqueue(new ScriptedBody().send(CHUNK).await(release).response());
    try {
      EventStream<ChatCompletionChunk> stream = inference.chatStreaming(ChatRequest.of(QWEN, "hi"));
      Iterator<ChatCompletionChunk> it = stream.iterator();
      assertEquals("Hi", it.next().text());
      CompletableFuture<Boolean> more = new CompletableFuture<>();
      Thread reader = new Thread(() -> more.complete(it.hasNext()), "test-reader");
      reader.start();
      eventually(() -> reader.getState() == Thread.State.TIMED_WAITING, "the reader waits for the next chunk");

      stream.close();

      assertFalse(more.get(5, TimeUnit.SECONDS), "the reader saw a quiet end, long before the 60 s idle timeout");
    } finally {
      release.countDown();
    }
  }

  @Test
  void aSilentStreamFailsWithRequestTimeoutAfterTheBodyIdleTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ScriptedBody body = new ScriptedBody().send(CHUNK).await(release);
    server.enqueue(body.response());
    try (FireworksClient quick = clientBuilder().bodyIdleTimeout(Duration.ofMillis(300)).build()) {
      try (EventStream<ChatCompletionChunk> stream = InferenceClient.of(quick).chatStreaming(ChatRequest.of(QWEN, "hi"))) {
        Iterator<ChatCompletionChunk> it = stream.iterator();
        assertEquals("Hi", it.next().text());

        RequestTimeoutException e = assertThrows(RequestTimeoutException.class, it::hasNext);

        assertTrue(e.getMessage().contains("stream stalled after 1 chunk(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
      }
    } finally {
      release.countDown();
    }
  }

  @Test
  void aStreamIsNeverRetriedAfterItsFirstChunk() throws Exception {
    // The body is long enough that the connection drops after the first chunk went out.
    server.enqueue(new MockResponse.Builder(sse(CHUNK + ": padding\n\n".repeat(200) + fixture("chat-stream.sse")))
        .onResponseBody(new SocketEffect.CloseSocket()).build());
    server.enqueue(sse(fixture("chat-stream.sse")));
    List<String> seen = new ArrayList<>();

    StreamException e = assertThrows(StreamException.class, () -> {
      try (EventStream<ChatCompletionChunk> stream = inference.chatStreaming(ChatRequest.of(QWEN, "hi"))) {
        stream.forEach(c -> seen.add(c.text()));
      }
    });

    assertEquals(List.of("Hi"), seen);
    assertTrue(e.getMessage().contains("stream lost the connection after 1 chunk(s)"), e.getMessage());
    assertEquals(1, server.getRequestCount(), "the stream was not sent again");
    assertEquals(0, pending(Duration.ofDays(1)), "no retry is scheduled either");
  }

  @Test
  void asyncStreamingHandsOutChunksAndAssemblesTheCompletion() throws Exception {
    server.enqueue(sse(fixture("chat-stream.sse")));
    List<String> threads = new CopyOnWriteArrayList<>();
    List<ChatCompletionChunk> chunks = new CopyOnWriteArrayList<>();

    ChatCompletion done = inference.chatStreamingAsync(ChatRequest.of(QWEN, "hi"), c -> {
      threads.add(Thread.currentThread().getName());
      chunks.add(c);
    }).get(10, TimeUnit.SECONDS);

    assertEquals(7, chunks.size());
    assertTrue(threads.stream().allMatch(t -> t.startsWith("fireworks-callback-")), threads.toString());
    assertEquals("chatcmpl-2b9c", done.id());
    assertEquals("Hello, world", done.text());
    ChatMessage m = done.choices().get(0).message();
    assertEquals("Short answer.", m.reasoningContent().orElseThrow());
    assertEquals(ToolCall.builder().id("call_7").function(FunctionCall.of("lookup", "{\"q\":\"hi\"}")).build(),
        m.toolCalls().get(0));
    assertEquals(FinishReason.STOP, done.choices().get(0).finishReason().orElseThrow());
    assertEquals(16, done.usage().orElseThrow().totalTokens());
    assertTrue(done.perfMetrics().isPresent());
    assertEquals("req-stream", done.metadata().requestId().orElseThrow());
  }

  @Test
  void asyncCompletionStreamingJoinsTheText() throws Exception {
    server.enqueue(sse(fixture("completion-stream.sse")));
    StringBuilder live = new StringBuilder();

    Completion done = inference.completeStreamingAsync(CompletionRequest.of(LLAMA, "Tell me"),
        c -> live.append(c.text())).get(10, TimeUnit.SECONDS);

    assertEquals(" Once upon a time", done.text());
    assertEquals(live.toString(), done.text());
    assertEquals(FinishReason.LENGTH, done.choices().get(0).finishReason().orElseThrow());
  }

  @Test
  void asyncStreamingFailsItsFutureWhenTheStreamBreaks() {
    server.enqueue(sse(CHUNK));

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> inference.chatStreamingAsync(ChatRequest.of(QWEN, "hi"), c -> { }).get(10, TimeUnit.SECONDS));

    assertTrue(e.getCause() instanceof StreamException, e.getCause().toString());
  }

  @Test
  void cancellingAsyncStreamingClosesTheConnection() throws Exception {
    ScriptedBody body = new ScriptedBody().send(CHUNK).keepAliveUntilClientLeaves();
    server.enqueue(body.response());
    CountDownLatch firstChunk = new CountDownLatch(1);

    CompletableFuture<ChatCompletion> f = inference.chatStreamingAsync(ChatRequest.of(QWEN, "hi"),
        c -> firstChunk.countDown());
    assertTrue(firstChunk.await(10, TimeUnit.SECONDS));
    f.cancel(true);

    assertTrue(body.clientWentAway.await(10, TimeUnit.SECONDS), "the server saw the connection close");
    assertTrue(f.isCancelled());
  }
}
