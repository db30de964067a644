package ai.fireworks.sdk.langchain4j;

import ai.fireworks.sdk.core.ModelRef;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.common.AbstractEmbeddingModelIT;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** LangChain4j's own contract tests for embedding models (langchain4j-core's tests jar), against the emulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddingModelContractTest extends AbstractEmbeddingModelIT {
  final Emulated fw = new Emulated();
  final ModelRef embedder = fw.deploy("embedder", "accounts/fireworks/models/qwen3-embedding-0p6b");

  @AfterAll
  void stop() {
    fw.close();
  }

  @Override
  protected List<EmbeddingModel> models() {
    return List.of(modelWith(null));
  }

  @Override
  protected EmbeddingModel modelWith(EmbeddingModelListener listener) {
    return FireworksEmbeddingModel.builder().client(fw.client).target(embedder).coldStartPolicy(Emulated.QUICK)
        .listeners(listener == null ? List.of() : List.of(listener)).build();
  }

  @Override
  protected EmbeddingModel failingModelWith(EmbeddingModelListener listener) {
    return FireworksEmbeddingModel.builder().client(fw.client).target(Emulated.GONE)
        .coldStartPolicy(ai.fireworks.sdk.inference.ColdStartPolicy.disabled()).listeners(List.of(listener)).build();
  }

  /** Fireworks embeds text only; also keeps the suite from downloading its cat picture. */
  @Override
  protected boolean supportsImageInput() {
    return false;
  }

  /** Fireworks' embeddings endpoint has no query/document input type. */
  @Override
  protected boolean supportsInputTypeParameter() {
    return false;
  }
}
