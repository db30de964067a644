package ai.fireworks.sdk.langchain4j;

import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.inference.InferenceClient;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link FireworksChatModel} and {@link FireworksStreamingChatModel} are built from, on top of
 * {@link FireworksModelBuilder}: default request parameters and {@link ChatModelListener}s.
 * Not thread-safe.
 *
 * @param <B> the concrete builder
 * @param <M> the model it builds
 */
public abstract class ChatModelBuilder<B extends ChatModelBuilder<B, M>, M> extends FireworksModelBuilder<B> {
  private ChatRequestParameters defaults = FireworksChatRequestParameters.builder().build();
  private final List<ChatModelListener> listeners = new ArrayList<>();

  ChatModelBuilder() {}

  /**
   * Parameters every request starts from; what a request sets wins. Use
   * {@link FireworksChatRequestParameters} for the Fireworks-only ones. Default: none, so the
   * server's defaults apply. A {@code modelName} here replaces the {@link #target}.
   */
  public B defaultRequestParameters(ChatRequestParameters parameters) {
    this.defaults = Objects.requireNonNull(parameters, "defaultRequestParameters");
    return self();
  }

  /** Listeners told of each request, response and error, as LangChain4j specifies; replaces earlier ones. */
  public B listeners(List<? extends ChatModelListener> listeners) {
    this.listeners.clear();
    Objects.requireNonNull(listeners, "listeners").forEach(l -> this.listeners.add(Objects.requireNonNull(l, "listener")));
    return self();
  }

  /**
   * Builds the model.
   *
   * @throws IllegalArgumentException if neither or both of client and inferenceClient were set,
   *     or there is no target
   */
  public abstract M build();

  ChatBinding binding() {
    InferenceClient inference = inference();
    ModelRef target = target(inference);
    FireworksChatRequestParameters merged = FireworksChatRequestParameters.builder().modelName(target.toString())
        .overrideWith(defaults).build();
    return new ChatBinding(inference, target, account(), merged, listeners);
  }
}
