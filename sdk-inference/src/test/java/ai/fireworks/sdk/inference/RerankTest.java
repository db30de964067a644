package ai.fireworks.sdk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RerankTest extends InferenceTestSupport {
  static final ModelRef TARGET = ModelRef.of(ModelName.parse("accounts/fireworks/models/qwen3-reranker-8b"),
      DeploymentName.parse("accounts/acme/deployments/rr"));
  static final List<String> DOCS = List.of("GPUs serve models", "Deployments scale to zero", "Paris is in France");

  @Test
  void sendsOnlyTheFieldsTheEndpointAccepts() throws Exception {
    server.enqueue(json(200, fixture("rerank.json")));

    inference.reranker().rerank(RerankRequest.builder().model(TARGET).query("what serves models?").documents(DOCS)
        .topN(2).returnDocuments(false).task("find passages that answer the question").build());

    JsonNode body = body(take());
    assertEquals(TARGET.toString(), body.get("model").asText());
    assertEquals("what serves models?", body.get("query").asText());
    assertEquals(3, body.get("documents").size());
    assertEquals(2, body.get("top_n").asInt());
    assertFalse(body.get("return_documents").asBoolean());
    assertEquals("find passages that answer the question", body.get("task").asText());
    assertEquals(6, body.size());
  }

  @Test
  void sendsNoOptionalFieldWhenNoneIsSet() throws Exception {
    server.enqueue(json(200, fixture("rerank.json")));

    inference.reranker().rerank(RerankRequest.of(TARGET, "q", DOCS));

    JsonNode body = body(take());
    assertEquals(3, body.size(), "model, query, documents: " + body);
  }

  @Test
  void resultsComeMostRelevantFirstWithTheirOriginalIndexWhateverOrderTheServerSent() {
    server.enqueue(json(200, fixture("rerank.json")));

    RerankResponse r = inference.reranker().rerank(RerankRequest.of(TARGET, "q", DOCS));

    assertEquals(List.of(0, 1, 2), r.indices());
    assertEquals(0.93, r.results().get(0).relevanceScore(), 1e-9);
    assertEquals("GPUs serve models", r.results().get(0).document().orElseThrow());
    assertEquals(42, r.usage().orElseThrow().promptTokens());
    assertTrue(r.model().endsWith("#accounts/acme/deployments/rr"));
    assertEquals("req-200", r.metadata().requestId().orElseThrow());
  }

  @Test
  void resultsWithoutDocumentsDecode() {
    server.enqueue(json(200, "{\"data\":[{\"index\":1,\"relevance_score\":0.7}],\"model\":\"m\"}"));

    RerankResponse r = inference.reranker().rerank(RerankRequest.of(TARGET, "q", DOCS));

    assertTrue(r.results().get(0).document().isEmpty());
    assertTrue(r.usage().isEmpty());
  }

  @Test
  void aResultIndexOutsideTheDocumentsFails() {
    server.enqueue(json(200, "{\"data\":[{\"index\":3,\"relevance_score\":0.7}]}"));

    FireworksException e = assertThrows(FireworksException.class,
        () -> inference.reranker().rerank(RerankRequest.of(TARGET, "q", DOCS)));

    assertTrue(e.getMessage().contains("document index 3"), e.getMessage());
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsSent() {
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> RerankRequest.of(TARGET, " ", DOCS));
    assertTrue(blank.getMessage().contains("query"));
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> RerankRequest.of(TARGET, "q", List.of()));
    assertTrue(none.getMessage().contains("documents"));
    IllegalArgumentException topN = assertThrows(IllegalArgumentException.class,
        () -> RerankRequest.builder().topN(0));
    assertTrue(topN.getMessage().contains("topN must be at least 1, was 0"));
    assertThrows(IllegalArgumentException.class, () -> inference.reranker()
        .rerankAsync(RerankRequest.builder().query("q").documents(DOCS).build()));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aColdStartIsRiddenOutLikeChat() throws Exception {
    server.enqueue(scalingUp());
    server.enqueue(json(200, fixture("rerank.json")));

    CompletableFuture<RerankResponse> f = inference.reranker().rerankAsync(RerankRequest.of(TARGET, "q", DOCS));
    runNext(Duration.ofMinutes(1));

    assertEquals(3, f.get().results().size());
    assertEquals(2, server.getRequestCount());
  }
}
