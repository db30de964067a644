package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One server-sent event of a streamed text completion: the next text of each advancing choice.
 * The final chunk carries the finish reason, {@link #usage()} and, if requested,
 * {@link #perfMetrics()}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = CompletionChunk.class)
@JsonDeserialize(as = CompletionChunk.class)
abstract class AbstractCompletionChunk {
  /** The server's id for the generation (shared by all chunks of one stream). */
  @JsonProperty("id")
  @Value.Default
  String id() {
    return "";
  }

  /** The object type, {@code "text_completion"}. */
  @JsonProperty("object")
  @Value.Default
  String object() {
    return "text_completion";
  }

  /** Creation time in Unix seconds. */
  @JsonProperty("created")
  @Value.Default
  long created() {
    return 0;
  }

  /** The model that served the request, as the server names it. */
  @JsonProperty("model")
  @Value.Default
  String model() {
    return "";
  }

  /** The generated alternatives ({@code n} of them; in a chunk, those that advanced). */
  @JsonProperty("choices")
  abstract List<CompletionChoice> choices();

  /** Token counts; present on the final chunk only. */
  @JsonProperty("usage")
  abstract Optional<Usage> usage();

  /**
   * Server-side performance metrics, present when the request set {@code perf_metrics_in_response} (on the final chunk).
   */
  @JsonProperty("perf_metrics")
  abstract Optional<JsonNode> perfMetrics();

  /** Fields the SDK does not model (such as {@code prompt_token_ids}), by wire name. */
  @JsonAnyGetter
  abstract Map<String, JsonNode> extra();

  /** The text this chunk adds to the first choice, or {@code ""}. */
  public String text() {
    return choices().isEmpty() ? "" : choices().get(0).text();
  }
}
