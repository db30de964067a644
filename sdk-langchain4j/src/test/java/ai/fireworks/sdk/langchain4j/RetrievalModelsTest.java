package ai.fireworks.sdk.langchain4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.inference.ColdStartPolicy;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.output.Response;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FireworksEmbeddingModel and FireworksScoringModel on the emulator's embedding and reranker deployments. */
class RetrievalModelsTest {
  static final List<TextSegment> DOCS = List.of(TextSegment.from("cats purr"), TextSegment.from("dogs bark loudly"),
      TextSegment.from("cats and dogs"), TextSegment.from("fish swim"), TextSegment.from("birds sing"));

  Emulated fw;
  ModelRef embedder;
  ModelRef reranker;

  @BeforeEach
  void start() {
    fw = new Emulated();
    embedder = fw.deploy("embedder", "accounts/fireworks/models/qwen3-embedding-0p6b");
    reranker = fw.deploy("reranker", "accounts/fireworks/models/qwen3-reranker-0p6b");
  }

  @AfterEach
  void stop() {
    fw.close();
  }

  private int embeddingRequests() {
    return fw.emulator.journal().requests("POST", "/inference/v1/embeddings").size();
  }

  @Test
  void embedAllSendsBatchesAndKeepsTheInputOrder() {
    FireworksEmbeddingModel model = FireworksEmbeddingModel.builder().client(fw.client).target(embedder)
        .coldStartPolicy(Emulated.QUICK).batchSize(2).build();

    Response<List<Embedding>> all = model.embedAll(DOCS);

    assertEquals(3, embeddingRequests());
    assertEquals(5, all.content().size());
    for (int i = 0; i < DOCS.size(); i++) {
      assertArrayEquals(model.embed(DOCS.get(i)).content().vector(), all.content().get(i).vector(), 0f);
    }
    assertEquals(1024, all.content().get(0).dimension());
    assertEquals(12, all.tokenUsage().inputTokenCount());
  }

  @Test
  void aConfiguredDimensionIsAskedForAndKnownWithoutACall() {
    FireworksEmbeddingModel model = FireworksEmbeddingModel.builder().client(fw.client).target(embedder)
        .dimensions(256).build();

    assertEquals(256, model.dimension());
    assertEquals(0, embeddingRequests());
    assertEquals(256, model.embed("cats").content().dimension());
    assertEquals(256, fw.emulator.journal().requests("POST", "/inference/v1/embeddings").get(0).bodyJson()
        .get("dimensions").asInt());
  }

  @Test
  void anUnconfiguredDimensionIsMeasuredOnce() {
    FireworksEmbeddingModel model = FireworksEmbeddingModel.builder().client(fw.client).target(embedder).build();

    assertEquals(1024, model.dimension());
    assertEquals(1024, model.dimension());
    assertEquals(1, embeddingRequests());
    assertEquals(embedder.toString(), model.modelName());
  }

  @Test
  void scoresComeBackInTheSegmentsOrder() {
    FireworksScoringModel model = FireworksScoringModel.builder().client(fw.client).target(reranker).build();

    Response<List<Double>> scores = model.scoreAll(DOCS, "cats and dogs");

    double[] expected = {1.0 / 3, 1.0 / 3, 1.0, 0.0, 0.0};
    assertEquals(expected.length, scores.content().size());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], scores.content().get(i), 1e-6, "document " + i);
    }
  }

  @Test
  void failuresAreLangChain4jExceptions() {
    ModelRef gone = ModelRef.parse("accounts/fireworks/models/qwen3-embedding-0p6b#accounts/acme/deployments/gone");

    assertThrows(ModelNotFoundException.class, () -> FireworksEmbeddingModel.builder().client(fw.client).target(gone)
        .coldStartPolicy(ColdStartPolicy.disabled()).build().embed("x"));
    ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> FireworksScoringModel.builder()
        .client(fw.client).target(gone).coldStartPolicy(ColdStartPolicy.disabled()).build().score("x", "y"));
    assertInstanceOf(ai.fireworks.sdk.core.NotFoundException.class, e.getCause());
  }
}
