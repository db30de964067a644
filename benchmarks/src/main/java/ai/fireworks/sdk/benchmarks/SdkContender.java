package ai.fireworks.sdk.benchmarks;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.inference.ChatCompletion;
import ai.fireworks.sdk.inference.ChatCompletionChunk;
import ai.fireworks.sdk.inference.ChatMessage;
import ai.fireworks.sdk.inference.ChatRequest;
import ai.fireworks.sdk.inference.EmbeddingRequest;
import ai.fireworks.sdk.inference.Embeddings;
import ai.fireworks.sdk.inference.EventStream;
import ai.fireworks.sdk.inference.InferenceClient;
import java.util.concurrent.CompletableFuture;

/**
 * This SDK with its defaults, as the README tells users to set it up, pointed at the loopback
 * server. Loaded reflectively by {@link Contender#create}.
 */
final class SdkContender implements Contender {
  private static final ModelRef MODEL = ModelRef.parse(Payloads.MODEL);
  private static final ModelRef EMBEDDER = ModelRef.parse(Payloads.EMBED_MODEL);

  private final FireworksClient client;
  private final InferenceClient inference;

  SdkContender(String baseUrl) {
    this.client = FireworksClient.builder().apiKey("bench-key").baseUrl(baseUrl).build();
    this.inference = InferenceClient.of(client);
  }

  private static ChatRequest request() {
    return ChatRequest.builder()
        .model(MODEL)
        .addMessage(ChatMessage.user(Payloads.PROMPT))
        .maxTokens(Payloads.MAX_TOKENS)
        .build();
  }

  @Override
  public String chat() {
    return inference.chat(request()).text();
  }

  @Override
  public CompletableFuture<String> chatAsync() {
    return inference.chatAsync(request()).thenApply(ChatCompletion::text);
  }

  @Override
  public int stream() {
    int events = 0;
    try (EventStream<ChatCompletionChunk> s = inference.chatStreaming(request())) {
      for (ChatCompletionChunk chunk : s) {
        if (!chunk.text().isEmpty()) {
          events++;
        }
      }
    }
    return events;
  }

  @Override
  public int embed() {
    Embeddings e = inference.embeddings().embed(EmbeddingRequest.of(EMBEDDER, Payloads.EMBED_TEXTS));
    int floats = 0;
    for (int i = 0; i < e.size(); i++) {
      floats += e.vector(i).length;
    }
    return floats;
  }

  @Override
  public void close() {
    client.close();
  }
}
