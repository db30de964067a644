package ai.fireworks.sdk.langchain4j;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.common.AbstractStreamingChatModelIT;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** LangChain4j's own contract tests for streaming chat models (langchain4j-core's tests jar), against the emulator. */
@NeedsARealModel
@Exclude(value = {"should_propagate_user_exceptions_thrown_from_onPartialResponse",
    "should_propagate_user_exceptions_thrown_from_onCompleteResponse", "should_ignore_user_exceptions_thrown_from_onError"},
    because = "they also check that the answer says Berlin; the same handler behaviour is checked in "
        + "FireworksStreamingChatModelTest.exceptionsFromCallbacksGoToOnErrorAndTheStreamGoesOn")
class StreamingChatModelContractTest extends AbstractStreamingChatModelIT {
  final Emulated fw = new Emulated();

  @AfterAll
  void stop() {
    fw.close();
  }

  @Override
  protected List<StreamingChatModel> models() {
    return List.of(fw.streaming(Emulated.WARM).build());
  }

  @Override
  public StreamingChatModel createModelWith(ChatModelListener listener) {
    return fw.streaming(Emulated.WARM).listeners(List.of(listener)).build();
  }

  @Override
  protected StreamingChatModel createModelWith(ChatRequestParameters parameters) {
    return fw.streaming(Emulated.WARM).defaultRequestParameters(parameters).build();
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
