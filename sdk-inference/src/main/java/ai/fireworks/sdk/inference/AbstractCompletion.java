package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * The answer to a text completion request. {@link #metadata()} gives the response headers
 * (request id, rate limits, {@code fireworks-*} performance headers). Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = Completion.class)
@JsonDeserialize(as = Completion.class)
abstract class AbstractCompletion extends CompletionFields<CompletionChoice> {
  @Override
  String defaultObject() {
    return "text_completion";
  }

  /** Status and headers of the HTTP response; {@link ResponseMetadata#EMPTY} for values not read from one. */
  @JsonIgnore
  @Value.Auxiliary
  @Value.Default
  ResponseMetadata metadata() {
    return ResponseMetadata.EMPTY;
  }

  /** The text of the first choice, or {@code ""} if there is none. */
  public String text() {
    return choices().isEmpty() ? "" : choices().get(0).text();
  }
}
