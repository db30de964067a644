package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.StreamException;
import ai.fireworks.sdk.core.internal.Json;
import ai.fireworks.sdk.core.internal.StreamingResponse;
import ai.fireworks.sdk.inference.internal.CompletionAssembler;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A streamed text completion ({@link InferenceClient#completeStreaming}): an {@link EventStream} of
 * {@link CompletionChunk}s that can also be accumulated into the {@link Completion} the
 * non-streamed call would have returned. Iteration is not thread-safe; {@link #close()} may be
 * called from any thread.
 */
public final class CompletionStream extends EventStream<CompletionChunk> {
  private static final ObjectReader READER = Json.MAPPER.readerFor(CompletionChunk.class);

  CompletionStream(StreamingResponse response, String description, Executor executor) {
    super(response, READER::readValue, CompletionChunk::usage, CompletionChunk::perfMetrics,
        (c, sink) -> eachChoice(c.choices(), CompletionChoice::index, CompletionChoice::finishReason, sink),
        description, executor);
  }

  /**
   * Reads the rest of the stream and closes it; returns the chunks joined per choice: the text
   * and logprobs concatenated, the finish reason, and usage and perf metrics from the final chunk.
   * Call it instead of iterating, not after.
   *
   * @throws StreamException (or a subclass) if the stream fails, as iterating would
   * @throws IllegalStateException if the stream was already iterated
   */
  public Completion accumulate() {
    return accumulate(chunk -> { });
  }

  /**
   * {@link #accumulate()}, handing each chunk to {@code onChunk} first (on this thread, in order),
   * for example to print the text as it arrives. If {@code onChunk} throws, the stream is closed and
   * the exception propagates.
   */
  public Completion accumulate(Consumer<? super CompletionChunk> onChunk) {
    return accumulate(new CompletionAssembler(), onChunk);
  }

  /**
   * {@link #accumulate()} on the client's executor (a thread of which the stream occupies while it
   * lasts); cancelling the future closes the stream.
   */
  public CompletableFuture<Completion> accumulateAsync() {
    return accumulateAsync(chunk -> { });
  }

  /** {@link #accumulate(Consumer)} on the client's executor; {@code onChunk} runs there, in order. */
  public CompletableFuture<Completion> accumulateAsync(Consumer<? super CompletionChunk> onChunk) {
    return accumulateAsync(new CompletionAssembler(), onChunk);
  }
}
