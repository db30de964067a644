package ai.fireworks.sdk.benchmarks;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import java.util.concurrent.CompletableFuture;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * {@code com.openai:openai-java} (OkHttp transport) with its defaults, pointed at the loopback
 * server through {@code baseUrl}, as a user would configure it for an OpenAI-compatible endpoint.
 * Loaded reflectively by {@link Contender#create}.
 */
final class OpenAiContender implements Contender {
  private final OpenAIClient client;

  OpenAiContender(String baseUrl) {
    this(baseUrl, false);
  }

  /**
   * @param wide lift OkHttp's dispatcher limits (64 calls, 5 per host) to 2,000 so that many
   *     requests can really be in flight at once; the SDK's other defaults stay
   */
  OpenAiContender(String baseUrl, boolean wide) {
    OpenAIOkHttpClient.Builder b = OpenAIOkHttpClient.builder()
        .apiKey("bench-key")
        .baseUrl(baseUrl + "/inference/v1");
    if (wide) {
      Dispatcher dispatcher = new Dispatcher();
      dispatcher.setMaxRequests(2000);
      dispatcher.setMaxRequestsPerHost(2000);
      b.okHttpClient(new OkHttpClient.Builder().dispatcher(dispatcher).build());
    }
    this.client = b.build();
  }

  private static ChatCompletionCreateParams params() {
    return ChatCompletionCreateParams.builder()
        .model(Payloads.MODEL)
        .addUserMessage(Payloads.PROMPT)
        .maxCompletionTokens(Payloads.MAX_TOKENS)
        .build();
  }

  private static String content(ChatCompletion c) {
    return c.choices().get(0).message().content().orElse("");
  }

  @Override
  public String chat() {
    return content(client.chat().completions().create(params()));
  }

  @Override
  public CompletableFuture<String> chatAsync() {
    return client.async().chat().completions().create(params()).thenApply(OpenAiContender::content);
  }

  @Override
  public int stream() {
    int[] events = {0};
    try (StreamResponse<ChatCompletionChunk> s = client.chat().completions().createStreaming(params())) {
      s.stream().forEach(chunk -> {
        if (!chunk.choices().isEmpty() && chunk.choices().get(0).delta().content().isPresent()) {
          events[0]++;
        }
      });
    }
    return events[0];
  }

  @Override
  public int embed() {
    CreateEmbeddingResponse r = client.embeddings().create(EmbeddingCreateParams.builder()
        .model(Payloads.EMBED_MODEL)
        .inputOfArrayOfStrings(Payloads.EMBED_TEXTS)
        .build());
    int floats = 0;
    for (Embedding e : r.data()) {
      floats += e.embedding().size();
    }
    return floats;
  }

  @Override
  public void close() {
    client.close();
  }
}
