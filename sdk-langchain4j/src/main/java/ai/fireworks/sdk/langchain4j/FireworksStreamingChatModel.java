package ai.fireworks.sdk.langchain4j;

import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.langchain4j.internal.StreamRelay;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.Set;

/**
 * A Fireworks model, usually a dedicated deployment ({@code model#deployment}), as a LangChain4j
 * {@link StreamingChatModel}, mapping requests and responses as {@link FireworksChatModel} does.
 *
 * <p>{@code chat} returns at once; the handler is then called on the client's executor, in order:
 * {@code onPartialResponse} per text fragment, {@code onPartialThinking} per reasoning fragment,
 * {@code onPartialToolCall} per tool-call argument fragment and {@code onCompleteToolCall} when a
 * call is whole, and finally exactly one of {@code onCompleteResponse} (with the joined text,
 * thinking, tool calls, usage and finish reason) or {@code onError} (LangChain4j's exception, the
 * SDK's as its cause). As LangChain4j specifies, an exception the handler throws from a callback
 * is handed to its {@code onError} and the stream goes on (one thrown by {@code onError} is logged
 * and ignored). Cancelling through a callback's {@code StreamingHandle} closes the stream
 * and ends the callbacks. A cold start is ridden out before the stream opens; a stream is never
 * retried once a chunk arrived. Bad input throws {@link IllegalArgumentException} from {@code chat}
 * itself, before anything is sent. Thread-safe.
 */
public final class FireworksStreamingChatModel implements StreamingChatModel {
  private final ChatBinding binding;

  private FireworksStreamingChatModel(ChatBinding binding) {
    this.binding = binding;
  }

  /** A new builder; {@code client} (or {@code inferenceClient}) and {@code target} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The model queried when a request names none. */
  public ModelRef target() {
    return binding.target;
  }

  /**
   * Starts streaming one chat completion to {@code handler}.
   *
   * @throws IllegalArgumentException if a value is invalid; nothing is sent and the handler is not called
   */
  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    ai.fireworks.sdk.inference.ChatRequest sdkRequest = binding.request(request);
    StreamRelay relay = new StreamRelay(handler);
    relay.attach(binding.inference.chatStreamingAsync(sdkRequest, relay));
  }

  /** The builder's parameters, with {@code modelName} the target. */
  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return binding.defaults;
  }

  @Override
  public List<ChatModelListener> listeners() {
    return binding.listeners;
  }

  /** {@link ModelProvider#OTHER}: LangChain4j 1.19 has no constant for Fireworks. */
  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  /** {@link Capability#RESPONSE_FORMAT_JSON_SCHEMA}. */
  @Override
  public Set<Capability> supportedCapabilities() {
    return ChatBinding.CAPABILITIES;
  }

  /** Names the target and the parameters, never the API key. */
  @Override
  public String toString() {
    return "FireworksStreamingChatModel{" + binding + "}";
  }

  /** Builds a {@link FireworksStreamingChatModel}. Not thread-safe. */
  public static final class Builder extends ChatModelBuilder<Builder, FireworksStreamingChatModel> {
    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    @Override
    public FireworksStreamingChatModel build() {
      return new FireworksStreamingChatModel(binding());
    }
  }
}
