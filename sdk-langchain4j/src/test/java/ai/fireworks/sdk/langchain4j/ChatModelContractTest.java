package ai.fireworks.sdk.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.common.AbstractChatModelIT;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/** LangChain4j's own contract tests for chat models (langchain4j-core's tests jar), against the emulator. */
@NeedsARealModel
class ChatModelContractTest extends AbstractChatModelIT {
  final Emulated fw = new Emulated();

  @AfterAll
  void stop() {
    fw.close();
  }

  @Override
  protected List<ChatModel> models() {
    return List.of(fw.chat(Emulated.WARM).build());
  }

  @Override
  protected ChatModel createModelWith(ChatRequestParameters parameters) {
    return fw.chat(Emulated.WARM).defaultRequestParameters(parameters).build();
  }

  @Override
  protected String customModelName() {
    return Emulated.OTHER.toString();
  }

  @Override
  protected ChatRequestParameters createIntegrationSpecificParameters(int maxOutputTokens) {
    return FireworksChatRequestParameters.builder().maxOutputTokens(maxOutputTokens).build();
  }
}
