package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import ai.fireworks.sdk.inference.internal.AllowNulls;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Log probabilities of a choice. Chat responses (and {@code logprobs: true}) use {@link #content()};
 * the legacy completions format ({@code logprobs: N}) fills the parallel lists {@link #tokens()},
 * {@link #tokenLogprobs()}, {@link #topLogprobs()} and {@link #textOffset()}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = Logprobs.class)
@JsonDeserialize(as = Logprobs.class)
abstract class AbstractLogprobs {
  /** One entry per generated token (OpenAI chat format). */
  @JsonProperty("content")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  abstract List<TokenLogprob> content();

  /** Legacy format: the tokens. */
  @JsonProperty("tokens")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  abstract List<String> tokens();

  /** Legacy format: each token's log probability; {@code null} where none is defined (an echoed first token). */
  @AllowNulls
  @JsonProperty("token_logprobs")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  abstract List<Double> tokenLogprobs();

  /** Legacy format: per position, the alternatives and their log probabilities; entries may be {@code null}. */
  @AllowNulls
  @JsonProperty("top_logprobs")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  abstract List<Map<String, Double>> topLogprobs();

  /** Legacy format: each token's character offset in the text. */
  @JsonProperty("text_offset")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  abstract List<Integer> textOffset();

  /** Fields the SDK does not model, by wire name. */
  @JsonAnyGetter
  abstract Map<String, JsonNode> extra();
}
