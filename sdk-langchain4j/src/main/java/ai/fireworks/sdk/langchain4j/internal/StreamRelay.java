package ai.fireworks.sdk.langchain4j.internal;

import ai.fireworks.sdk.inference.ChatChunkChoice;
import ai.fireworks.sdk.inference.ChatCompletion;
import ai.fireworks.sdk.inference.ChatCompletionChunk;
import ai.fireworks.sdk.inference.ChatDelta;
import ai.fireworks.sdk.inference.ToolCall;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Relays one streamed chat completion to a LangChain4j {@link StreamingChatResponseHandler}:
 * {@code onPartialResponse} per text fragment, {@code onPartialThinking} per reasoning fragment,
 * {@code onPartialToolCall} per tool-call argument fragment and {@code onCompleteToolCall} once a
 * call's fragments are joined, then exactly one of {@code onCompleteResponse} or {@code onError}.
 * As LangChain4j specifies, an exception a callback throws is handed to {@code onError} and the
 * stream goes on; one {@code onError} throws is logged and ignored. Only the first choice is relayed. After {@link StreamingHandle#cancel()} no callback follows.
 * Chunks arrive one at a time, in order, on the client's executor; not otherwise thread-safe.
 */
public final class StreamRelay implements Consumer<ChatCompletionChunk>, StreamingHandle {
  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk.langchain4j");

  private final StreamingChatResponseHandler handler;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile boolean cancelled;
  private volatile CompletableFuture<?> stream;

  private final StringBuilder text = new StringBuilder();
  private final StringBuilder thinking = new StringBuilder();
  private final List<ToolExecutionRequest> calls = new ArrayList<>();
  private String id;
  private String model;
  private int callIndex = -1;
  private String callId;
  private String callName;
  private final StringBuilder callArguments = new StringBuilder();

  /** A relay to {@code handler}; {@link #attach} it to the stream's future. */
  public StreamRelay(StreamingChatResponseHandler handler) {
    this.handler = handler;
  }

  /** Ends the relay with {@code future}: its completion or its failure (mapped by {@link Errors}). */
  public void attach(CompletableFuture<ChatCompletion> future) {
    this.stream = future;
    CompletableFuture<?> unused = future.whenComplete((completion, failure) -> {
      if (failure != null) {
        fail(failure);
      } else {
        complete(completion);
      }
    });
  }

  @Override
  public void accept(ChatCompletionChunk chunk) {
    if (cancelled || ended.get()) {
      return;
    }
    id = id == null && !chunk.id().isEmpty() ? chunk.id() : id;
    model = model == null && !chunk.model().isEmpty() ? chunk.model() : model;
    for (ChatChunkChoice choice : chunk.choices()) {
      if (choice.index() != 0) {
        continue;
      }
      ChatDelta delta = choice.delta();
      delta.reasoningContent().filter(t -> !t.isEmpty()).ifPresent(t -> {
        thinking.append(t);
        safely(() -> handler.onPartialThinking(new PartialThinking(t), new PartialThinkingContext(this)));
      });
      delta.content().filter(t -> !t.isEmpty()).ifPresent(t -> {
        text.append(t);
        safely(() -> handler.onPartialResponse(new PartialResponse(t), new PartialResponseContext(this)));
      });
      delta.toolCalls().forEach(this::toolCallFragment);
      if (choice.finishReason().isPresent()) {
        completeToolCall();
        finish(choice.finishReason().get(), chunk);
      }
    }
  }

  private void toolCallFragment(ToolCall fragment) {
    int index = fragment.index().orElse(Math.max(callIndex, 0));
    if (index != callIndex) {
      completeToolCall();
      callIndex = index;
    }
    fragment.id().filter(s -> !s.isEmpty()).ifPresent(s -> callId = s);
    if (!fragment.function().name().isEmpty()) {
      callName = fragment.function().name();
    }
    String arguments = fragment.function().arguments();
    if (!arguments.isEmpty()) {
      callArguments.append(arguments);
      PartialToolCall partial = PartialToolCall.builder().index(index).id(callId).name(callName)
          .partialArguments(arguments).build();
      safely(() -> handler.onPartialToolCall(partial, new PartialToolCallContext(this)));
    }
  }

  private void completeToolCall() {
    if (callIndex < 0 || callName == null) {
      return;
    }
    String arguments = callArguments.length() == 0 ? "{}" : callArguments.toString();
    ToolExecutionRequest request = ToolExecutionRequest.builder().id(callId).name(callName).arguments(arguments).build();
    calls.add(request);
    CompleteToolCall call = new CompleteToolCall(callIndex, request);
    safely(() -> handler.onCompleteToolCall(call));
    callIndex = -1;
    callId = null;
    callName = null;
    callArguments.setLength(0);
  }

  /**
   * Ends the relay on the chunk that finishes the first choice (Fireworks sends the usage on it), on
   * the thread that delivered the chunks, as LangChain4j expects of all callbacks of one call.
   */
  private void finish(ai.fireworks.sdk.inference.FinishReason reason, ChatCompletionChunk last) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    AiMessage.Builder message = AiMessage.builder().toolExecutionRequests(List.copyOf(calls));
    if (text.length() > 0 || calls.isEmpty()) {
      message.text(text.toString());
    }
    if (thinking.length() > 0) {
      message.thinking(thinking.toString());
    }
    ChatResponseMetadata.Builder<?> metadata = ChatResponseMetadata.builder().id(id).modelName(model)
        .finishReason(Responses.finishReason(reason));
    last.usage().ifPresent(u -> metadata.tokenUsage(Responses.tokenUsage(u)));
    ChatResponse response = ChatResponse.builder().aiMessage(message.build()).metadata(metadata.build()).build();
    safely(() -> handler.onCompleteResponse(response));
  }

  /** The fallback end, from the joined completion, if no chunk finished the first choice. */
  private void complete(ChatCompletion completion) {
    if (cancelled || !ended.compareAndSet(false, true)) {
      return;
    }
    completeToolCall();
    ChatResponse response = Responses.toLangChain4j(completion);
    safely(() -> handler.onCompleteResponse(response));
  }

  /** Runs a handler callback; an exception it throws goes to {@code onError}, as LangChain4j specifies, and the stream goes on. */
  private void safely(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      onError(e);
    }
  }

  private void onError(Throwable error) {
    try {
      handler.onError(error);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the StreamingChatResponseHandler threw from onError; ignored", e);
    }
  }

  /** Hands {@code failure} to {@code onError}, once; exceptions the handler throws there are logged and ignored. */
  public void fail(Throwable failure) {
    if (cancelled || !ended.compareAndSet(false, true)) {
      return;
    }
    onError(Errors.toLangChain4j(failure));
  }

  /** Stops the stream; no callback follows. */
  @Override
  public void cancel() {
    cancelled = true;
    CompletableFuture<?> s = stream;
    if (s != null) {
      s.cancel(true);
    }
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }
}
