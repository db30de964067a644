package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer to a chat completion request. {@link #metadata()} gives the response headers
 * (request id, rate limits, {@code fireworks-*} performance headers). Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = ChatCompletion.class)
@JsonDeserialize(as = ChatCompletion.class)
abstract class AbstractChatCompletion {
  /** The server's id for the generation (shared by all chunks of one stream). */
  @JsonProperty("id")
  @Value.Default
  String id() {
    return "";
  }

  /** The object type, {@code "chat.completion"}. */
  @JsonProperty("object")
  @Value.Default
  String object() {
    return "chat.completion";
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
  abstract List<ChatChoice> choices();

  /** Token counts. */
  @JsonProperty("usage")
  abstract Optional<Usage> usage();

  /**
   * Server-side performance metrics, present when the request set {@code perf_metrics_in_response}.
   */
  @JsonProperty("perf_metrics")
  abstract Optional<JsonNode> perfMetrics();

  /** Fields the SDK does not model (such as {@code prompt_token_ids}), by wire name. */
  @JsonAnyGetter
  abstract Map<String, JsonNode> extra();

  /** Status and headers of the HTTP response; {@link ResponseMetadata#EMPTY} for values not read from one. */
  @JsonIgnore
  @Value.Auxiliary
  @Value.Default
  ResponseMetadata metadata() {
    return ResponseMetadata.EMPTY;
  }

  /** The message text of the first choice, or {@code ""} if there is none. */
  public String text() {
    return choices().isEmpty() ? "" : choices().get(0).message().text();
  }
}
