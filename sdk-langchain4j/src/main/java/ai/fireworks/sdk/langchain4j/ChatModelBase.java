package ai.fireworks.sdk.langchain4j;

import ai.fireworks.sdk.core.ModelRef;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import java.util.List;
import java.util.Set;

/** What {@link FireworksChatModel} and {@link FireworksStreamingChatModel} answer alike. Immutable; thread-safe. */
abstract class ChatModelBase {
  /** Fireworks accepts {@code response_format} with a JSON schema, in OpenAI's form. */
  private static final Set<Capability> CAPABILITIES = Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);

  final ChatBinding binding;

  ChatModelBase(ChatBinding binding) {
    this.binding = binding;
  }

  /** The model queried when a request names none. */
  public ModelRef target() {
    return binding.target;
  }

  /** The builder's parameters, with {@code modelName} the target. */
  public ChatRequestParameters defaultRequestParameters() {
    return binding.defaults;
  }

  /** The builder's listeners. */
  public List<ChatModelListener> listeners() {
    return binding.listeners;
  }

  /** {@link ModelProvider#OTHER}: LangChain4j 1.19 has no constant for Fireworks. */
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  /** {@link Capability#RESPONSE_FORMAT_JSON_SCHEMA}. */
  public Set<Capability> supportedCapabilities() {
    return CAPABILITIES;
  }

  /** Names the target and the parameters, never the API key. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + binding + "}";
  }
}
