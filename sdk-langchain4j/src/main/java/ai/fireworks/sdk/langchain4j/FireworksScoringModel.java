package ai.fireworks.sdk.langchain4j;

import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.inference.InferenceClient;
import ai.fireworks.sdk.inference.RerankClient;
import ai.fireworks.sdk.inference.RerankRequest;
import ai.fireworks.sdk.inference.RerankResponse;
import ai.fireworks.sdk.inference.RerankResult;
import ai.fireworks.sdk.langchain4j.internal.Errors;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.model.scoring.ScoringModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Fireworks reranker, usually a dedicated deployment ({@code model#deployment}), as a LangChain4j
 * {@link ScoringModel}: one rerank request per call, every document scored (no {@code top_n}),
 * the scores returned in the segments' order. Cold starts are ridden out as for chat; errors as
 * for {@link FireworksChatModel}. Thread-safe.
 */
public final class FireworksScoringModel implements ScoringModel {
  private final RerankClient reranker;
  private final ModelRef target;

  private FireworksScoringModel(Builder b) {
    InferenceClient inference = b.inference();
    this.reranker = inference.reranker();
    this.target = b.target(inference);
  }

  /** A new builder; {@code client} (or {@code inferenceClient}) and {@code target} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Scores each segment against {@code query}; higher is more relevant.
   *
   * @throws IllegalArgumentException if there are no segments or the query is blank; nothing is sent
   * @throws dev.langchain4j.exception.LangChain4jException (a subclass, per failure) if the request failed
   */
  @Override
  public Response<List<Double>> scoreAll(List<TextSegment> segments, String query) {
    List<String> documents = new ArrayList<>(segments.size());
    segments.forEach(s -> documents.add(s.text()));
    RerankResponse response;
    try {
      response = reranker.rerank(RerankRequest.of(target, query, documents));
    } catch (FireworksException e) {
      throw Errors.toLangChain4j(e);
    }
    Double[] scores = new Double[documents.size()];
    for (RerankResult r : response.results()) {
      scores[r.index()] = r.relevanceScore();
    }
    TokenUsage usage = response.usage().map(u -> new TokenUsage(u.promptTokens(), 0, u.totalTokens())).orElse(null);
    return Response.from(Arrays.asList(scores), usage);
  }

  /** Names the target, never the API key. */
  @Override
  public String toString() {
    return "FireworksScoringModel{target=" + target + "}";
  }

  /** Builds a {@link FireworksScoringModel}. Not thread-safe. */
  public static final class Builder extends FireworksModelBuilder<Builder> {
    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Builds the model.
     *
     * @throws IllegalArgumentException if neither or both of client and inferenceClient were set, or there is no target
     */
    public FireworksScoringModel build() {
      return new FireworksScoringModel(this);
    }
  }
}
