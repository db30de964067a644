package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * One sampled token with its log probability and, if requested with {@code top_logprobs}, the
 * most likely alternatives. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = TokenLogprob.class)
@JsonDeserialize(as = TokenLogprob.class)
abstract class AbstractTokenLogprob {
  /** The token text. */
  @JsonProperty("token")
  @Value.Default
  String token() {
    return "";
  }

  /** Natural log of the token's probability. */
  @JsonProperty("logprob")
  @Value.Default
  double logprob() {
    return 0;
  }

  /** UTF-8 bytes of the token, when the server sends them. */
  @JsonProperty("bytes")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  abstract List<Integer> bytes();

  /** The most likely alternatives at this position (they have no alternatives of their own). */
  @JsonProperty("top_logprobs")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  abstract List<TokenLogprob> topLogprobs();
}
