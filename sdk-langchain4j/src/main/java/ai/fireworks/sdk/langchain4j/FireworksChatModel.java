package ai.fireworks.sdk.langchain4j;

import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.langchain4j.internal.Errors;
import ai.fireworks.sdk.langchain4j.internal.Responses;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * A Fireworks model, usually a dedicated deployment ({@code model#deployment}), as a LangChain4j
 * {@link ChatModel}, on this SDK's transport:
 * {@code FireworksChatModel.builder().client(fw).target(ModelRef.parse("...#...")).build().chat("Hello")}.
 *
 * <p>Requests map messages (system, user with text and images, AI with tool calls, tool results),
 * tools with their JSON schemas, tool choice, JSON and JSON-schema response formats, temperature,
 * top-p, top-k, max tokens, stop sequences, frequency and presence penalties, and the Fireworks
 * parameters of {@link FireworksChatRequestParameters}. Responses carry text, thinking
 * ({@code reasoning_content}), tool execution requests, token usage, finish reason, id and model.
 * A deployment scaled to zero is waited for under the builder's cold-start policy.
 *
 * <p>Bad input throws {@link IllegalArgumentException} before anything is sent; what LangChain4j
 * cannot express to Fireworks (audio, video, PDF) throws
 * {@link dev.langchain4j.exception.UnsupportedFeatureException}. Remote failures throw LangChain4j's
 * exceptions ({@code dev.langchain4j.exception}) with the SDK's {@link FireworksException} as the
 * cause. Listeners are called by {@link ChatModel#chat(ChatRequest)} as LangChain4j specifies.
 * Thread-safe.
 */
public final class FireworksChatModel extends ChatModelBase implements ChatModel {
  private FireworksChatModel(ChatBinding binding) {
    super(binding);
  }

  /** A new builder; {@code client} (or {@code inferenceClient}) and {@code target} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sends one chat completion request and waits for the answer (riding out cold starts).
   *
   * @throws IllegalArgumentException if a value is invalid; nothing is sent
   * @throws dev.langchain4j.exception.LangChain4jException (a subclass, per failure) if the request failed
   */
  @Override
  public ChatResponse doChat(ChatRequest request) {
    ai.fireworks.sdk.inference.ChatRequest sdkRequest = binding.request(request);
    try {
      return Responses.toLangChain4j(binding.inference.chat(sdkRequest));
    } catch (FireworksException e) {
      throw Errors.toLangChain4j(e);
    }
  }

  /** Builds a {@link FireworksChatModel}. Not thread-safe. */
  public static final class Builder extends ChatModelBuilder<Builder, FireworksChatModel> {
    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    @Override
    public FireworksChatModel build() {
      return new FireworksChatModel(binding());
    }
  }
}
