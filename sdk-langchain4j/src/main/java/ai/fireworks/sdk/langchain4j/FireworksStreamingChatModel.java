package ai.fireworks.sdk.langchain4j;

import ai.fireworks.sdk.langchain4j.internal.StreamRelay;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

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
public final class FireworksStreamingChatModel extends ChatModelBase implements StreamingChatModel {
  private FireworksStreamingChatModel(ChatBinding binding) {
    super(binding);
  }

  /** A new builder; {@code client} (or {@code inferenceClient}) and {@code target} are required. */
  public static Builder builder() {
    return new Builder();
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
