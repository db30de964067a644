package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.ModelRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A rerank request ({@code POST /inference/v1/rerank}): a query and the documents to order by
 * relevance to it, on a reranker model such as {@code qwen3-reranker-8b} (as
 * {@code model#deployment} for a deployment). The endpoint rejects fields it does not know, so
 * this request sends only these: {@code model}, {@code query}, {@code documents}, and when set
 * {@code top_n}, {@code return_documents} (server default: true) and {@code task}. Build with
 * {@link #of(ModelRef, String, List)} or {@code RerankRequest.builder()}. Immutable; thread-safe.
 */
public final class RerankRequest {
  private final Object model;
  private final String query;
  private final List<String> documents;
  private final Integer topN;
  private final Boolean returnDocuments;
  private final String task;

  private RerankRequest(Builder b) {
    this.model = b.model;
    this.query = b.query;
    this.documents = b.documents;
    this.topN = b.topN;
    this.returnDocuments = b.returnDocuments;
    this.task = b.task;
  }

  /** A request ranking {@code documents} (at least one) against {@code query} with {@code model}. */
  public static RerankRequest of(ModelRef model, String query, List<String> documents) {
    return builder().model(model).query(query).documents(documents).build();
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The model as given (empty when a deployment-bound client supplies the target). */
  public Optional<String> model() {
    return Optional.ofNullable(model).map(Object::toString);
  }

  /** The query the documents are ranked against. */
  public String query() {
    return query;
  }

  /** The documents, in the order their result indexes refer to. */
  public List<String> documents() {
    return documents;
  }

  /** {@code top_n}: how many of the best documents to return; all when empty. */
  public Optional<Integer> topN() {
    return Optional.ofNullable(topN);
  }

  /** {@code return_documents}, if set. */
  public Optional<Boolean> returnDocuments() {
    return Optional.ofNullable(returnDocuments);
  }

  /** {@code task}: an instruction describing the ranking, if set. */
  public Optional<String> task() {
    return Optional.ofNullable(task);
  }

  Optional<ModelRef> resolveModel(AccountId account) {
    return InferenceRequest.resolve(model, account);
  }

  /** The body as sent, with {@code target} as the model. */
  Map<String, Object> body(String target) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", target);
    body.put("query", query);
    body.put("documents", documents);
    if (topN != null) {
      body.put("top_n", topN);
    }
    if (returnDocuments != null) {
      body.put("return_documents", returnDocuments);
    }
    if (task != null) {
      body.put("task", task);
    }
    return body;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RerankRequest && model().equals(((RerankRequest) o).model())
        && body("").equals(((RerankRequest) o).body(""));
  }

  @Override
  public int hashCode() {
    return Objects.hash(model(), body(""));
  }

  /** The model, the query's length and the number of documents; never their text. */
  @Override
  public String toString() {
    return "RerankRequest{model=" + model().orElse("(bound deployment)") + ", queryChars=" + query.length()
        + ", documents=" + documents.size() + topN().map(n -> ", topN=" + n).orElse("") + "}";
  }

  /** Builds a {@link RerankRequest}. Not thread-safe. */
  public static final class Builder {
    private Object model;
    private String query;
    private List<String> documents = List.of();
    private Integer topN;
    private Boolean returnDocuments;
    private String task;

    private Builder() {}

    /** The reranker model, usually {@code model#deployment}. */
    public Builder model(ModelRef model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /** The model as a string; short forms are resolved against the client's account when sent. */
    public Builder model(String identifier) {
      this.model = InferenceRequest.identifier(identifier);
      return this;
    }

    /** The query; required. */
    public Builder query(String query) {
      this.query = Objects.requireNonNull(query, "query");
      return this;
    }

    /** The documents to rank, at least one. */
    public Builder documents(List<String> documents) {
      this.documents = List.copyOf(Objects.requireNonNull(documents, "documents"));
      return this;
    }

    /**
     * {@code top_n}: return only the best {@code topN} documents.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder topN(int topN) {
      if (topN < 1) {
        throw new IllegalArgumentException("topN must be at least 1, was " + topN);
      }
      this.topN = topN;
      return this;
    }

    /** {@code return_documents}: whether results carry the document text (server default: true). */
    public Builder returnDocuments(boolean returnDocuments) {
      this.returnDocuments = returnDocuments;
      return this;
    }

    /** {@code task}: an instruction for instruction-aware rerankers, e.g. "Given a question, find passages that answer it". */
    public Builder task(String task) {
      this.task = Objects.requireNonNull(task, "task");
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException if the query is missing or blank, or there are no documents
     */
    public RerankRequest build() {
      if (query == null || query.isBlank()) {
        throw new IllegalArgumentException("query is required and must not be blank, was "
            + (query == null ? "absent" : "'" + query + "'"));
      }
      if (documents.isEmpty()) {
        throw new IllegalArgumentException("documents must contain at least one document, was empty");
      }
      return new RerankRequest(this);
    }
  }
}
