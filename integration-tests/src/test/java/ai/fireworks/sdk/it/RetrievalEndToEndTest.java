package ai.fireworks.sdk.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.inference.EmbeddingRequest;
import ai.fireworks.sdk.inference.Embeddings;
import ai.fireworks.sdk.inference.InferenceClient;
import ai.fireworks.sdk.inference.RerankRequest;
import ai.fireworks.sdk.inference.RerankResponse;
import ai.fireworks.sdk.testkit.RecordedRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Embeddings and rerank through the SDK against the emulator: vectors, batching, ranking, cold starts. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RetrievalEndToEndTest {
  static final ModelName EMBEDDER = ModelName.parse("accounts/fireworks/models/qwen3-embedding-0p6b");
  static final ModelName RERANKER = ModelName.parse("accounts/fireworks/models/qwen3-reranker-0p6b");

  private final Sim sim = Sim.start();
  private final InferenceClient inference = sim.inference();

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void embedAllMatchesOneCallPerTextInOrderAndHonoursDimensions() {
    ModelRef target = ModelRef.of(EMBEDDER, ready(EMBEDDER, "emb", 1));
    List<String> texts = IntStream.range(0, 11).mapToObj(i -> "document number " + i).collect(Collectors.toList());

    Embeddings all = sim.await(inference.embeddings().embedAllAsync(EmbeddingRequest.builder().model(target)
        .input(texts).dimensions(256).build(), 4));
    Embeddings five = sim.await(inference.embeddings().embedAsync(EmbeddingRequest.builder().model(target)
        .input(texts.get(5)).dimensions(256).build()));

    assertEquals(11, all.size());
    assertEquals(256, all.dimensions());
    assertArrayEquals(five.vector(0), all.vector(5), "the batch's vector 5 is the text's own vector");
    assertFalse(Arrays.equals(all.vector(4), all.vector(5)));
    double norm = 0;
    for (float x : all.vector(3)) {
      norm += x * (double) x;
    }
    assertEquals(1.0, Math.sqrt(norm), 1e-4);
    assertEquals(4, sim.emulator.journal().requests("POST", "/inference/v1/embeddings").size(),
        "batches of 4 + 4 + 3, then the single call");
    assertEquals(33, all.usage().orElseThrow().promptTokens(), "3 words per text, summed over the batches");
  }

  @Test
  void rerankOrdersDocumentsAndKeepsTheirIndexes() {
    ModelRef target = ModelRef.of(RERANKER, ready(RERANKER, "rr", 1));
    List<String> docs = List.of("Paris is in France", "Deployments scale to zero when idle", "scale up");

    RerankResponse r = sim.await(inference.reranker().rerankAsync(RerankRequest.builder().model(target)
        .query("scale deployments to zero").documents(docs).topN(2).build()));

    assertEquals(List.of(1, 2), r.indices());
    assertEquals(docs.get(1), r.results().get(0).document().orElseThrow());
    assertTrue(r.results().get(0).relevanceScore() > r.results().get(1).relevanceScore());
  }

  @Test
  void embeddingsRideAColdStartFromZeroLikeChat() {
    DeploymentName d = ready(EMBEDDER, "cold-emb", 0);
    sim.advance(Duration.ofMinutes(6)); // idle past the scale-to-zero window
    sim.emulator.journal().clear();

    Embeddings e = sim.await(inference.on(d).embeddings().embedAsync(EmbeddingRequest.builder().input("wake up").build()));

    assertEquals(1024, e.dimensions());
    List<RecordedRequest> attempts = sim.emulator.journal().requests("POST", "/inference/v1/embeddings");
    assertEquals(503, attempts.get(0).status());
    assertEquals(200, attempts.get(attempts.size() - 1).status());
  }

  private DeploymentName ready(ModelName model, String id, int minReplicas) {
    return sim.await(sim.deployments().create(model).deploymentId(id).minReplicaCount(minReplicas).maxReplicaCount(1)
        .scaleToZeroWindow(Duration.ofMinutes(5))
        .submitAndWaitAsync(WaitOptions.builder().timeout(Duration.ofMinutes(2)).build())).name();
  }
}
