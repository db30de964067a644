package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One generated alternative of a chat completion. Immutable; thread-safe. */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = ChatChoice.class)
@JsonDeserialize(as = ChatChoice.class)
abstract class AbstractChatChoice {
  /** Position among the request's {@code n} choices, from 0. */
  @JsonProperty("index")
  @Value.Default
  int index() {
    return 0;
  }

  /** The assistant's message: content, tool calls, reasoning content. */
  @JsonProperty("message")
  abstract ChatMessage message();

  /** Why generation stopped. */
  @JsonProperty("finish_reason")
  abstract Optional<FinishReason> finishReason();

  /** Log probabilities, if the request asked for them. */
  @JsonProperty("logprobs")
  abstract Optional<Logprobs> logprobs();

  /** Fields the SDK does not model (such as {@code raw_output} or {@code token_ids}), by wire name. */
  @JsonAnyGetter
  abstract Map<String, JsonNode> extra();
}
