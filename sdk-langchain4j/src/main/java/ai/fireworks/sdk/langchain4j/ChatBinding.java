package ai.fireworks.sdk.langchain4j;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.inference.ChatRequest;
import ai.fireworks.sdk.inference.InferenceClient;
import ai.fireworks.sdk.langchain4j.internal.Requests;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import java.util.List;

/** What both chat models hold: the inference client, the target, the defaults and the listeners. Immutable. */
final class ChatBinding {
  final InferenceClient inference;
  final ModelRef target;
  final FireworksChatRequestParameters defaults;
  final List<ChatModelListener> listeners;
  private final AccountId account;

  ChatBinding(InferenceClient inference, ModelRef target, AccountId account, FireworksChatRequestParameters defaults,
      List<ChatModelListener> listeners) {
    this.inference = inference;
    this.target = target;
    this.account = account;
    this.defaults = defaults;
    this.listeners = List.copyOf(listeners);
  }

  /** The SDK request for a LangChain4j request whose parameters are already merged with the defaults. */
  ChatRequest request(dev.langchain4j.model.chat.request.ChatRequest request) {
    return Requests.toFireworks(request, target, account);
  }

  @Override
  public String toString() {
    return "target=" + target + ", defaults=" + defaults + ", " + inference;
  }
}
