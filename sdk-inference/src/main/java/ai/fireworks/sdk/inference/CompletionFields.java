package ai.fireworks.sdk.inference;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The fields that {@link Completion}, {@link ChatCompletion} and their stream chunks all carry,
 * declared once; each value type names its {@code object} default with {@link #defaultObject()}
 * (a plain method, not an attribute, so the attributes keep their wire and {@code toString} order).
 *
 * @param <C> the choice type
 */
abstract class CompletionFields<C> {
  CompletionFields() {}

  /** The server's id for the generation (shared by all chunks of one stream). */
  @JsonProperty("id")
  @Value.Default
  String id() {
    return "";
  }

  /**
   * The object type: {@code "text_completion"} for completions and their chunks,
   * {@code "chat.completion"} for chat completions, {@code "chat.completion.chunk"} for their chunks.
   */
  @JsonProperty("object")
  @Value.Default
  String object() {
    return defaultObject();
  }

  /**
   * The {@code object} of this value type when the server sent none; each subclass overrides it.
   * Concrete on purpose: Immutables would take an abstract method for an attribute.
   */
  String defaultObject() {
    return "";
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
  abstract List<C> choices();

  /** Token counts; in a stream, present on the final chunk only. */
  @JsonProperty("usage")
  abstract Optional<Usage> usage();

  /**
   * Server-side performance metrics, present when the request set {@code perf_metrics_in_response}
   * (in a stream, on the final chunk).
   */
  @JsonProperty("perf_metrics")
  abstract Optional<JsonNode> perfMetrics();

  /** Fields the SDK does not model (such as {@code prompt_token_ids}), by wire name. */
  @JsonAnyGetter
  abstract Map<String, JsonNode> extra();
}
