package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer to a {@link RerankRequest}: the documents by {@code relevance_score}, highest first
 * (the order is checked when read, so it holds whatever order the server sent), each with its
 * index in the request. At most {@code top_n} of them. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonSerialize(as = RerankResponse.class)
@JsonDeserialize(as = RerankResponse.class)
abstract class AbstractRerankResponse {
  private static final Comparator<RerankResult> BY_RELEVANCE = Comparator
      .comparingDouble(RerankResult::relevanceScore).reversed().thenComparingInt(RerankResult::index);

  /** The ranked documents, most relevant first. */
  @JsonProperty("data")
  abstract List<RerankResult> results();

  /** The model as the server named it. */
  @JsonProperty("model")
  @Value.Default
  String model() {
    return "";
  }

  /** Token counts, if the server reported them. */
  @JsonProperty("usage")
  abstract Optional<Usage> usage();

  /** Status and headers of the HTTP response; {@link ResponseMetadata#EMPTY} for values not read from one. */
  @JsonIgnore
  @Value.Auxiliary
  @Value.Default
  ResponseMetadata metadata() {
    return ResponseMetadata.EMPTY;
  }

  /** The indexes of the documents in the request, most relevant first. */
  public List<Integer> indices() {
    return results().stream().map(RerankResult::index).toList();
  }

  /** Sorts the results by relevance, highest first (ties by index), if the server did not. */
  @Value.Check
  AbstractRerankResponse sorted() {
    List<RerankResult> r = results();
    for (int i = 1; i < r.size(); i++) {
      if (BY_RELEVANCE.compare(r.get(i - 1), r.get(i)) > 0) {
        return RerankResponse.copyOf(this).withResults(r.stream().sorted(BY_RELEVANCE).toList());
      }
    }
    return this;
  }
}
