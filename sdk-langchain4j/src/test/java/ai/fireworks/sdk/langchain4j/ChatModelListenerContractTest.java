package ai.fireworks.sdk.langchain4j;

import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.common.AbstractChatModelListenerIT;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** LangChain4j's own contract tests for chat model listeners (langchain4j-core's tests jar), against the emulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatModelListenerContractTest extends AbstractChatModelListenerIT {
  final Emulated fw = new Emulated();

  @AfterAll
  void stop() {
    fw.close();
  }

  @Override
  protected ChatModel createModel(ChatModelListener listener) {
    return fw.chat(Emulated.WARM).defaultRequestParameters(FireworksChatRequestParameters.builder()
        .temperature(temperature()).topP(topP()).maxOutputTokens(maxTokens()).build()).listeners(List.of(listener)).build();
  }

  @Override
  protected String modelName() {
    return Emulated.WARM.toString();
  }

  @Override
  protected ChatModel createFailingModel(ChatModelListener listener) {
    return fw.failingChat(listener);
  }

  @Override
  protected Class<? extends Exception> expectedExceptionClass() {
    return ModelNotFoundException.class;
  }
}
