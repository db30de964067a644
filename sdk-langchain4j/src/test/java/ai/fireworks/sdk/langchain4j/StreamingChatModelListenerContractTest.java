package ai.fireworks.sdk.langchain4j;

import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.common.AbstractStreamingChatModelListenerIT;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** LangChain4j's own contract tests for streaming chat model listeners (langchain4j-core's tests jar), against the emulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamingChatModelListenerContractTest extends AbstractStreamingChatModelListenerIT {
  final Emulated fw = new Emulated();

  @AfterAll
  void stop() {
    fw.close();
  }

  @Override
  protected StreamingChatModel createModel(ChatModelListener listener) {
    return fw.streaming(Emulated.WARM).defaultRequestParameters(FireworksChatRequestParameters.builder()
        .temperature(temperature()).topP(topP()).maxOutputTokens(maxTokens()).build()).listeners(List.of(listener)).build();
  }

  @Override
  protected String modelName() {
    return Emulated.WARM.toString();
  }

  @Override
  protected StreamingChatModel createFailingModel(ChatModelListener listener) {
    return fw.failingStreaming(listener);
  }

  @Override
  protected Class<? extends Exception> expectedExceptionClass() {
    return ModelNotFoundException.class;
  }
}
