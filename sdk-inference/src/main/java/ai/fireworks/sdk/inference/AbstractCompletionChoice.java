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

/**
 * One generated alternative of a text completion, or its next piece in a streamed
 * {@link CompletionChunk}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = CompletionChoice.class)
@JsonDeserialize(as = CompletionChoice.class)
abstract class AbstractCompletionChoice {
  /** Position among the request's {@code n} choices, from 0. */
  @JsonProperty("index")
  @Value.Default
  int index() {
    return 0;
  }

  /** The generated text (with the prompt in front when {@code echo} was set); a fragment in chunks. */
  @JsonProperty("text")
  @Value.Default
  String text() {
    return "";
  }

  /** Why generation stopped; in a stream, present only on the choice's last chunk. */
  @JsonProperty("finish_reason")
  abstract Optional<FinishReason> finishReason();

  /** Log probabilities, if the request asked for them. */
  @JsonProperty("logprobs")
  abstract Optional<Logprobs> logprobs();

  /** Fields the SDK does not model (such as {@code raw_output}), by wire name. */
  @JsonAnyGetter
  abstract Map<String, JsonNode> extra();
}
