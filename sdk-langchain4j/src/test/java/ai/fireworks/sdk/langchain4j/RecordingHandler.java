package ai.fireworks.sdk.langchain4j;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Records every callback, in order, and ends {@link #done} with the response or the error. */
class RecordingHandler implements StreamingChatResponseHandler {
  final List<String> events = new CopyOnWriteArrayList<>();
  final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
  final List<Thread> threads = new CopyOnWriteArrayList<>();

  @Override
  public void onPartialResponse(String text) {
    record("partial " + text);
  }

  @Override
  public void onPartialToolCall(PartialToolCall call) {
    record("partial tool " + call.index() + " " + call.id() + " " + call.name() + " " + call.partialArguments());
  }

  @Override
  public void onCompleteToolCall(CompleteToolCall call) {
    record("tool " + call.index() + " " + call.toolExecutionRequest().name() + " "
        + call.toolExecutionRequest().arguments());
  }

  @Override
  public void onCompleteResponse(ChatResponse response) {
    record("complete");
    done.complete(response);
  }

  @Override
  public void onError(Throwable error) {
    record("error " + error.getClass().getSimpleName());
    done.completeExceptionally(error);
  }

  private void record(String event) {
    threads.add(Thread.currentThread());
    events.add(event);
  }

  /** The response, waiting at most 10 s; throws what onError received. */
  ChatResponse response() throws Exception {
    return done.get(10, TimeUnit.SECONDS);
  }

  /** Waits at most 10 s for the end, whatever it was. */
  void await() {
    done.handle((r, e) -> r).orTimeout(10, TimeUnit.SECONDS).join();
  }
}
