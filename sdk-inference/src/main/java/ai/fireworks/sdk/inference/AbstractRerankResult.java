package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** One document's place in a {@link RerankResponse}: its index in the request, its score, and its text. Immutable; thread-safe. */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = RerankResult.class)
@JsonDeserialize(as = RerankResult.class)
abstract class AbstractRerankResult {
  /** Index of the document in the request's {@code documents}. */
  @JsonProperty("index")
  abstract int index();

  /** How relevant the document is to the query; higher is more relevant. */
  @JsonProperty("relevance_score")
  abstract double relevanceScore();

  /** The document's text, present unless the request set {@code return_documents} to false. */
  @JsonProperty("document")
  abstract Optional<String> document();
}
