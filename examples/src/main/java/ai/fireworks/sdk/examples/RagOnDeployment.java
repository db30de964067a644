package ai.fireworks.sdk.examples;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.ChatCompletion;
import ai.fireworks.sdk.inference.ChatMessage;
import ai.fireworks.sdk.inference.ChatRequest;
import ai.fireworks.sdk.inference.EmbeddingRequest;
import ai.fireworks.sdk.inference.Embeddings;
import ai.fireworks.sdk.inference.InferenceClient;
import ai.fireworks.sdk.inference.RerankRequest;
import ai.fireworks.sdk.inference.RerankResponse;
import ai.fireworks.sdk.inference.RerankResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Retrieval-augmented generation on three dedicated deployments: embed a few documents with an
 * embedding model, retrieve the nearest to a question by cosine similarity, rerank those with a
 * reranker, and answer from the best passage with a chat model. Every call rides cold starts.
 */
public final class RagOnDeployment {
  static final List<String> DOCUMENTS = List.of(
      "A deployment with min replica count 0 scales to zero after its scale-to-zero window without traffic.",
      "Paris is the capital of France.",
      "Requests to a deployment scaled to zero get 503 DEPLOYMENT_SCALING_UP until a replica is up.",
      "LoRA addons are deployed onto a deployment of their base model.");
  static final String QUESTION = "What happens to requests when a deployment is scaled to zero?";

  private RagOnDeployment() {}

  public static void main(String[] args) {
    try (Examples.Connection connection = Examples.connect(System.getenv(), System.out)) {
      run(connection.client(), System.out);
    }
  }

  /** Creates the three deployments, answers {@link #QUESTION} from {@link #DOCUMENTS}, and deletes them. */
  public static void run(FireworksClient fw, PrintStream out) {
    DeploymentsClient deployments = DeploymentsClient.of(fw);
    List<CompletableFuture<Deployment>> starting = new ArrayList<>();
    for (String model : List.of("qwen3-embedding-0p6b", "qwen3-reranker-0p6b", "llama-v3p2-3b-instruct")) {
      starting.add(deployments.create(ModelName.parse(model)).deploymentId(Examples.uniqueId("rag"))
          .minReplicaCount(1).maxReplicaCount(1)
          .submitAndWaitAsync(Examples.waitOptions(Duration.ofMinutes(30), out)));
    }
    try {
      List<ModelRef> refs = starting.stream().map(CompletableFuture::join).map(d -> ModelRef.of(d.baseModel(), d.name()))
          .collect(Collectors.toList());
      out.println("Ready: embedder, reranker and chat model on " + refs.size() + " deployments");
      InferenceClient inference = InferenceClient.of(fw).withColdStart(Examples.coldStart(out));

      Embeddings docs = inference.embeddings().embedAll(EmbeddingRequest.of(refs.get(0), DOCUMENTS), 2);
      float[] question = inference.embeddings().embed(EmbeddingRequest.of(refs.get(0), QUESTION)).vector(0);
      out.println("Embedded " + docs.size() + " documents, " + docs.dimensions() + " dimensions each");
      List<Integer> nearest = IntStream.range(0, docs.size()).boxed()
          .sorted(Comparator.comparingDouble(i -> -dot(question, docs.vector(i)))).limit(3).collect(Collectors.toList());
      out.println("Nearest by cosine: documents " + nearest);

      RerankResponse ranked = inference.reranker().rerank(RerankRequest.builder().model(refs.get(1)).query(QUESTION)
          .documents(nearest.stream().map(DOCUMENTS::get).collect(Collectors.toList())).topN(1).build());
      RerankResult best = ranked.results().get(0);
      String passage = DOCUMENTS.get(nearest.get(best.index()));
      out.println("Best after rerank: document " + nearest.get(best.index()) + String.format(" (score %.2f)",
          best.relevanceScore()));

      ChatCompletion answer = inference.chat(ChatRequest.builder().model(refs.get(2))
          .addMessage(ChatMessage.system("Answer in one sentence, using only this context: " + passage))
          .addMessage(ChatMessage.user(QUESTION)).maxTokens(96).build());
      out.println("Answer: " + answer.text());
    } finally {
      for (CompletableFuture<Deployment> d : starting) {
        if (!d.isCompletedExceptionally()) {
          deployments.delete(d.join().name());
        }
      }
      out.println("Deleted the deployments");
    }
  }

  /** The dot product: the cosine similarity of unit vectors, as embedding models return. */
  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * (double) b[i];
    }
    return s;
  }
}
