package ai.fireworks.sdk.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.inference.ColdStartPolicy;
import ai.fireworks.sdk.inference.ColdStartWait;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FireworksStreamingChatModelTest {
  Emulated fw;

  @BeforeEach
  void start() {
    fw = new Emulated();
  }

  @AfterEach
  void stop() {
    fw.close();
  }

  @Test
  void eachChunkIsAPartialResponseThenOneCompleteResponseJoinsThem() throws Exception {
    RecordingHandler handler = new RecordingHandler();

    fw.streaming(Emulated.WARM).build().chat("one two", handler);
    ChatResponse response = handler.response();

    assertEquals(List.of("partial [llama-v3p2-3b-instruct]", "partial  one", "partial  two", "complete"), handler.events);
    assertEquals("[llama-v3p2-3b-instruct] one two", response.aiMessage().text());
    assertEquals(FinishReason.STOP, response.finishReason());
    assertEquals(3, response.tokenUsage().outputTokenCount());
    assertTrue(response.id().startsWith("chatcmpl-"), response.id());
    assertEquals(Emulated.WARM.toString(), response.modelName());
    assertTrue(handler.threads.stream().noneMatch(t -> t.getName().contains("ForkJoinPool.commonPool")));
  }

  @Test
  void toolCallFragmentsArePartialToolCallsMergedIntoOneCompleteCall() throws Exception {
    RecordingHandler handler = new RecordingHandler();

    fw.streaming(Emulated.WARM).build().chat(ChatRequest.builder().messages(UserMessage.from("get_weather please"))
        .toolSpecifications(FireworksChatModelTest.WEATHER).build(), handler);
    ChatResponse response = handler.response();

    ToolExecutionRequest call = response.aiMessage().toolExecutionRequests().get(0);
    assertEquals(List.of("partial tool 0 " + call.id() + " get_weather {\"city\"",
        "partial tool 0 " + call.id() + " get_weather :\"city\"}",
        "tool 0 get_weather {\"city\":\"city\"}", "complete"), handler.events);
    assertEquals("{\"city\":\"city\"}", call.arguments());
    assertEquals(FinishReason.TOOL_EXECUTION, response.finishReason());
  }

  @Test
  void aColdStartIsRiddenThroughBeforeTheStreamOpens() throws Exception {
    RecordingHandler handler = new RecordingHandler();
    List<ColdStartWait> waits = new CopyOnWriteArrayList<>();

    fw.streaming(Emulated.COLD).onColdStart(waits::add).build().chat("Hello", handler);

    assertEquals("[llama-v3p2-3b-instruct] Hello", handler.response().aiMessage().text());
    Emulated.eventually(() -> waits.size() == 2);
  }

  @Test
  void aFailureIsOneOnErrorWithTheLangChain4jTypeAndTheSdkCause() {
    RecordingHandler handler = new RecordingHandler();

    fw.streaming(ModelRef.parse(Emulated.LLAMA + "#accounts/acme/deployments/gone"))
        .coldStartPolicy(ColdStartPolicy.disabled()).build().chat("Hello", handler);
    handler.await();

    assertEquals(List.of("error ModelNotFoundException"), handler.events);
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, handler::response);
    assertInstanceOf(NotFoundException.class, assertInstanceOf(ModelNotFoundException.class, e.getCause()).getCause());
  }

  @Test
  void exceptionsFromCallbacksGoToOnErrorAndTheStreamGoesOn() throws Exception {
    IllegalStateException broken = new IllegalStateException("handler broke");
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    RecordingHandler handler = new RecordingHandler() {
      @Override
      public void onPartialResponse(String text) {
        super.onPartialResponse(text);
        throw broken;
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        super.onCompleteResponse(response);
        throw broken;
      }

      @Override
      public void onError(Throwable error) {
        errors.add(error);
        throw new IllegalStateException("ignored");
      }
    };

    fw.streaming(Emulated.WARM).build().chat("one two", handler);
    handler.response();

    assertEquals(List.of("partial [llama-v3p2-3b-instruct]", "partial  one", "partial  two", "complete"), handler.events);
    Emulated.eventually(() -> errors.size() == 4);
    assertTrue(errors.stream().allMatch(e -> e == broken));
  }

  @Test
  void listenersSeeTheRequestAndTheJoinedResponse() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    ChatModelListener listener = new ChatModelListener() {
      @Override
      public void onRequest(ChatModelRequestContext c) {
        seen.add("request " + c.chatRequest().messages().size());
      }

      @Override
      public void onResponse(ChatModelResponseContext c) {
        seen.add("response " + c.chatResponse().aiMessage().text());
      }
    };
    RecordingHandler handler = new RecordingHandler();

    fw.streaming(Emulated.WARM).listeners(List.of(listener)).build().chat("Hi", handler);
    handler.response();

    assertEquals(List.of("request 1", "response [llama-v3p2-3b-instruct] Hi"), seen);
  }
}
