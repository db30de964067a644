package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.RequestTimeoutException;
import ai.fireworks.sdk.core.StreamException;
import ai.fireworks.sdk.core.internal.Futures;
import ai.fireworks.sdk.core.internal.Json;
import ai.fireworks.sdk.core.internal.SseReader;
import ai.fireworks.sdk.core.internal.StreamingResponse;
import ai.fireworks.sdk.inference.internal.StreamAssembler;
import ai.fireworks.sdk.inference.internal.StreamError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streamed response: the chunks of one generation as they arrive (server-sent events ending
 * with {@code data: [DONE]}). Iterate it once, with a for-each loop or {@link #stream()}, inside
 * try-with-resources: {@link #close()} releases the connection, and closing before the end stops
 * the generation's transfer.
 *
 * <p>Reading blocks until the next chunk arrives; a silence longer than the client's
 * {@code bodyIdleTimeout} throws {@link RequestTimeoutException}. A stream that ends without
 * {@code [DONE]} and without any {@code finish_reason} throws {@link StreamException}
 * ("truncated"), as does a chunk that is not valid JSON (with an excerpt) or a lost connection;
 * an error sent inside the stream ({@code {"error":...}}, a flat error object without
 * {@code choices}, or an {@code event: error}, JSON or not) throws {@link StreamErrorException}. None of these is
 * retried: the SDK never repeats a stream once an event has reached the caller.
 *
 * <p>After the last chunk, {@link #usage()} and {@link #perfMetrics()} hold what the final chunk
 * carried; {@link #metadata()} gives the response headers from the start. Iteration is not
 * thread-safe; {@link #close()} may be called from any thread.
 *
 * <p>{@code accumulate()} reads the rest of the stream and returns the response a non-streamed
 * call would have returned ({@link ChatCompletionStream#accumulate()},
 * {@link CompletionStream#accumulate()}), optionally handing each chunk to a callback first, so a
 * UI can print as the text arrives and still get the whole answer, usage and perf metrics.
 *
 * @param <T> the chunk type, {@link ChatCompletionChunk} or {@link CompletionChunk}
 */
public abstract sealed class EventStream<T> implements AutoCloseable, Iterable<T>
    permits ChatCompletionStream, CompletionStream {
  private static final int EXCERPT = 200;

  private final StreamingResponse response;
  private final SseReader reader;
  private final ChunkDecoder<T> decoder;
  private final Function<T, Optional<Usage>> usageOf;
  private final Function<T, Optional<JsonNode>> perfMetricsOf;
  private final BiConsumer<T, ChoiceSink> choicesOf;
  private final ChoiceSink choiceSink = this::choice;
  private final String description;
  private final ResponseMetadata metadata;
  private final Executor executor;

  private volatile boolean closed;
  private boolean iterated;
  private boolean ended;
  private boolean sawDone;
  /** Choice indexes seen, and those among them that carried a finish reason. */
  private final Set<Integer> choicesSeen = new HashSet<>();
  private final Set<Integer> choicesFinished = new HashSet<>();
  private int received;
  private int choicesReported;
  private T next;
  private Usage usage;
  private JsonNode perfMetrics;

  EventStream(StreamingResponse response, ChunkDecoder<T> decoder, Function<T, Optional<Usage>> usageOf,
      Function<T, Optional<JsonNode>> perfMetricsOf, BiConsumer<T, ChoiceSink> choicesOf, String description,
      Executor executor) {
    this.executor = executor;
    this.response = response;
    this.reader = new SseReader(response.body());
    this.decoder = decoder;
    this.usageOf = usageOf;
    this.perfMetricsOf = perfMetricsOf;
    this.choicesOf = choicesOf;
    this.description = description;
    this.metadata = ResponseMetadata.of(response.status(), response.headers());
  }

  /** Receives each choice of a chunk: its index, and whether it carries a finish reason. */
  @FunctionalInterface
  interface ChoiceSink {
    void choice(int index, boolean finished);
  }

  /** Hands each of {@code choices} to {@code sink}; a loop, not a stream, as it runs for every chunk. */
  static <C> void eachChoice(List<C> choices, ToIntFunction<C> index, Function<C, Optional<FinishReason>> finishReason,
      ChoiceSink sink) {
    for (C choice : choices) {
      sink.choice(index.applyAsInt(choice), finishReason.apply(choice).isPresent());
    }
  }

  /**
   * The chunks, in order. Can be called once.
   *
   * @throws IllegalStateException if the stream was already iterated
   */
  @Override
  public Iterator<T> iterator() {
    if (iterated) {
      throw new IllegalStateException("an EventStream can be iterated only once");
    }
    iterated = true;
    return new Iterator<T>() {
      @Override
      public boolean hasNext() {
        return next != null || advance();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("the stream has ended");
        }
        T t = next;
        next = null;
        return t;
      }
    };
  }

  /** The chunks as a sequential {@link Stream}; closing that stream closes this one. Can be called once. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
        Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
  }

  /** Token counts from the final chunk; empty until it has been read. */
  public Optional<Usage> usage() {
    return Optional.ofNullable(usage);
  }

  /** {@code perf_metrics} from the final chunk (when the request set {@code perf_metrics_in_response}). */
  public Optional<JsonNode> perfMetrics() {
    return Optional.ofNullable(perfMetrics);
  }

  /** Status and headers of the response (request id, rate limits), available from the start. */
  public ResponseMetadata metadata() {
    return metadata;
  }

  /**
   * True once the stream ended properly: {@code [DONE]} was read, or the body ended after a
   * {@code finish_reason} for every choice index seen (all {@code n} of them when {@code n > 1}).
   */
  public boolean isComplete() {
    return ended && (sawDone || everyChoiceFinished());
  }

  /** Number of chunks read so far. */
  public int chunksReceived() {
    return received;
  }

  /**
   * Reads the rest of the stream, giving each chunk to {@code onChunk} and then to
   * {@code assembler}, closes it, and returns what the chunks amount to. If the stream is closed
   * from another thread meanwhile, returns what arrived until then.
   */
  final <R> R accumulate(StreamAssembler<T, R, ?> assembler, Consumer<? super T> onChunk) {
    Objects.requireNonNull(onChunk, "onChunk");
    try (this) {
      for (T chunk : this) {
        onChunk.accept(chunk);
        assembler.add(chunk);
      }
    }
    return assembler.build(metadata);
  }

  /**
   * {@link #accumulate(StreamAssembler, Consumer)} on the client's executor (one of whose threads
   * the stream then occupies while it lasts); cancelling the future closes the stream.
   */
  final <R> CompletableFuture<R> accumulateAsync(StreamAssembler<T, R, ?> assembler, Consumer<? super T> onChunk) {
    Objects.requireNonNull(onChunk, "onChunk");
    CompletableFuture<R> result = new CompletableFuture<>();
    Futures.onCompletion(result, (v, e) -> {
      if (e instanceof CancellationException) {
        close();
      }
    });
    try {
      executor.execute(() -> {
        try {
          result.complete(accumulate(assembler, onChunk));
        } catch (RuntimeException | Error t) {
          result.completeExceptionally(t);
        }
      });
    } catch (RejectedExecutionException x) {
      close();
      result.completeExceptionally(new FireworksException("the client's executor rejected the stream reader; "
          + "was the FireworksClient closed?", x));
    }
    return result;
  }

  /** Closes the connection; an iteration in progress then ends quietly. Idempotent; any thread. */
  @Override
  public void close() {
    closed = true;
    response.close();
  }

  private boolean advance() {
    while (!ended) {
      if (closed) {
        ended = true;
        return false;
      }
      Optional<SseReader.Event> event;
      try {
        event = reader.next();
      } catch (IOException e) {
        return failOrEnd(e);
      }
      if (event.isEmpty()) {
        boolean byCaller = closed;
        finish();
        if (!everyChoiceFinished() && !byCaller) {
          throw new StreamException(description + " stream truncated: the body ended after " + received
              + " chunk(s) without [DONE] or a finish_reason" + (choicesFinished.isEmpty() ? ""
              : " for every choice (finished " + choicesFinished.size() + " of " + choicesSeen.size() + ")")
              + requestIdSuffix());
        }
        return false;
      }
      String data = event.get().data.strip();
      if ("ping".equals(event.get().event) || data.isEmpty()) {
        continue;
      }
      if (data.equals("[DONE]")) {
        sawDone = true;
        finish();
        return false;
      }
      T chunk = decode(data, "error".equals(event.get().event));
      int choicesBefore = choicesReported;
      choicesOf.accept(chunk, choiceSink);
      if (choicesReported == choicesBefore && data.contains("\"code\"")) {
        failIfError(tree(data, false), data); // a flat {"code":..,"message":..} has no "error" to find
      }
      received++;
      usageOf.apply(chunk).ifPresent(u -> usage = u);
      perfMetricsOf.apply(chunk).ifPresent(p -> perfMetrics = p);
      next = chunk;
      return true;
    }
    return false;
  }

  /**
   * A chunk, or the error the server sent instead ({@link StreamError}; an {@code event: error} is
   * one whatever its data says). A chunk without {@code "error"} in it is parsed once, with no tree
   * in between; {@link #advance} looks again at one that has no choice but a {@code "code"}.
   */
  private T decode(String data, boolean errorEvent) {
    if (!errorEvent && !data.contains("\"error\"")) {
      return decodeChunk(data);
    }
    JsonNode node = tree(data, errorEvent);
    if (errorEvent) {
      throw reported(StreamError.of(node), data);
    }
    failIfError(node, data);
    return decodeChunk(data);
  }

  /** {@code data} as a JSON object; otherwise a malformed chunk, or the text of an error event. */
  private JsonNode tree(String data, boolean errorEvent) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(data);
    } catch (JsonProcessingException e) {
      if (errorEvent) {
        throw streamError(null, excerpt(response.redact(data)));
      }
      throw malformed(data, e);
    }
    if (node == null || !node.isObject()) {
      if (errorEvent) {
        throw streamError(null, excerpt(response.redact(node != null && node.isTextual() ? node.asText() : data)));
      }
      throw malformed(data, null);
    }
    return node;
  }

  private void failIfError(JsonNode node, String data) {
    Optional<StreamError> error = StreamError.in(node);
    if (error.isPresent()) {
      throw reported(error.get(), data);
    }
  }

  private StreamErrorException reported(StreamError error, String data) {
    return streamError(response.redact(error.code()),
        response.redact(error.message() != null ? error.message() : excerpt(data)));
  }

  /** Ends the stream with the server's error; {@code code} (may be null) and {@code message} already redacted. */
  private StreamErrorException streamError(String code, String message) {
    finish();
    return new StreamErrorException(description + " stream reported an error after " + received + " chunk(s): "
        + (code == null ? "" : code + ": ") + message + requestIdSuffix(), code, message,
        metadata.requestId().orElse(null));
  }

  private T decodeChunk(String data) {
    T chunk;
    try {
      chunk = decoder.decode(data);
    } catch (IOException | IllegalArgumentException e) {
      throw malformed(data, e);
    }
    if (chunk == null) {
      throw malformed(data, null);
    }
    return chunk;
  }

  private StreamException malformed(String data, Exception cause) {
    finish();
    return new StreamException(description + " sent a malformed chunk #" + (received + 1) + " ("
        + (cause == null ? "not a JSON object" : cause.getClass().getSimpleName()) + "): "
        + excerpt(response.redact(data)) + requestIdSuffix(), cause);
  }

  private boolean failOrEnd(IOException e) {
    boolean byCaller = closed;
    finish();
    if (byCaller) {
      return false;
    }
    if (e instanceof HttpTimeoutException) {
      throw new RequestTimeoutException(description + " stream stalled after " + received + " chunk(s): "
          + e.getMessage() + requestIdSuffix(), e);
    }
    throw new StreamException(description + " stream lost the connection after " + received + " chunk(s): " + e
        + requestIdSuffix(), e);
  }

  private void choice(int index, boolean finished) {
    choicesReported++;
    choicesSeen.add(index);
    if (finished) {
      choicesFinished.add(index);
    }
  }

  private boolean everyChoiceFinished() {
    return !choicesFinished.isEmpty() && choicesFinished.containsAll(choicesSeen);
  }

  private void finish() {
    ended = true;
    close();
  }

  private String requestIdSuffix() {
    return metadata.requestId().map(id -> " (request id: " + id + ")").orElse("");
  }

  private static String excerpt(String s) {
    return s.length() <= EXCERPT ? s : s.substring(0, EXCERPT) + "...";
  }

  @Override
  public String toString() {
    return "EventStream{" + description + ", chunks=" + received + ", ended=" + ended + "}";
  }
}
