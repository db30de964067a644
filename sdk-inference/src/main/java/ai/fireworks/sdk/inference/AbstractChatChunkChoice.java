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

/** One choice's piece within a {@link ChatCompletionChunk}. Immutable; thread-safe. */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = ChatChunkChoice.class)
@JsonDeserialize(as = ChatChunkChoice.class)
abstract class AbstractChatChunkChoice {
  /** Position among the request's {@code n} choices, from 0. */
  @JsonProperty("index")
  @Value.Default
  int index() {
    return 0;
  }

  /** What this chunk adds to the message. */
  @JsonProperty("delta")
  @Value.Default
  ChatDelta delta() {
    return ChatDelta.builder().build();
  }

  /** Why generation stopped; present only on the choice's last chunk. */
  @JsonProperty("finish_reason")
  abstract Optional<FinishReason> finishReason();

  /** Log probabilities of this piece, if the request asked for them. */
  @JsonProperty("logprobs")
  abstract Optional<Logprobs> logprobs();

  /** Fields the SDK does not model, by wire name. */
  @JsonAnyGetter
  abstract Map<String, JsonNode> extra();
}
