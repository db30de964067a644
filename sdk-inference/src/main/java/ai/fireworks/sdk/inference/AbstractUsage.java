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
 * Token counts of one request. Streams carry it on their final chunk (Fireworks always includes
 * it there). Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = Usage.class)
@JsonDeserialize(as = Usage.class)
abstract class AbstractUsage {
  /** Tokens in the prompt (after the chat template). */
  @JsonProperty("prompt_tokens")
  @Value.Default
  int promptTokens() {
    return 0;
  }

  /** Tokens generated. */
  @JsonProperty("completion_tokens")
  @Value.Default
  int completionTokens() {
    return 0;
  }

  /** Prompt plus completion tokens. */
  @JsonProperty("total_tokens")
  @Value.Default
  int totalTokens() {
    return 0;
  }

  /** Breakdown of the prompt tokens as the server sent it, such as {@code {"cached_tokens": 512}}. */
  @JsonProperty("prompt_tokens_details")
  abstract Optional<JsonNode> promptTokensDetails();

  /** Fields the SDK does not model, by wire name. */
  @JsonAnyGetter
  abstract Map<String, JsonNode> extra();

  /** Prompt tokens served from the prompt cache ({@code prompt_tokens_details.cached_tokens}); 0 if not reported. */
  public int cachedTokens() {
    return promptTokensDetails().map(d -> d.path("cached_tokens").asInt(0)).orElse(0);
  }
}
