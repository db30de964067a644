package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.StreamException;
import ai.fireworks.sdk.core.internal.StreamingResponse;
import ai.fireworks.sdk.inference.internal.ChatAssembler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A streamed chat completion ({@link InferenceClient#chatStreaming}): an {@link EventStream} of
 * {@link ChatCompletionChunk}s that can also be accumulated into the {@link ChatCompletion} the
 * non-streamed call would have returned. Iteration is not thread-safe; {@link #close()} may be
 * called from any thread.
 */
public final class ChatCompletionStream extends EventStream<ChatCompletionChunk> {
  ChatCompletionStream(StreamingResponse response, String description, Executor executor) {
    super(response, ChatChunkDecoder::decode, ChatCompletionChunk::usage, ChatCompletionChunk::perfMetrics,
        (c, sink) -> eachChoice(c.choices(), ChatChunkChoice::index, ChatChunkChoice::finishReason, sink),
        description, executor);
  }

  /**
   * Reads the rest of the stream and closes it; returns the chunks joined per choice: content and
   * {@code reasoning_content} concatenated, tool-call deltas merged by their index into complete
   * calls (id, name, JSON arguments), the finish reason, and usage and perf metrics from the final
   * chunk. Call it instead of iterating, not after.
   *
   * @throws StreamException (or a subclass) if the stream fails, as iterating would
   * @throws IllegalStateException if the stream was already iterated
   */
  public ChatCompletion accumulate() {
    return accumulate(chunk -> { });
  }

  /**
   * {@link #accumulate()}, handing each chunk to {@code onChunk} first (on this thread, in order),
   * for example to print the text as it arrives. If {@code onChunk} throws, the stream is closed and
   * the exception propagates.
   */
  public ChatCompletion accumulate(Consumer<? super ChatCompletionChunk> onChunk) {
    return accumulate(new ChatAssembler(), onChunk);
  }

  /**
   * {@link #accumulate()} on the client's executor (a thread of which the stream occupies while it
   * lasts); cancelling the future closes the stream.
   */
  public CompletableFuture<ChatCompletion> accumulateAsync() {
    return accumulateAsync(chunk -> { });
  }

  /** {@link #accumulate(Consumer)} on the client's executor; {@code onChunk} runs there, in order. */
  public CompletableFuture<ChatCompletion> accumulateAsync(Consumer<? super ChatCompletionChunk> onChunk) {
    return accumulateAsync(new ChatAssembler(), onChunk);
  }
}
