package ai.fireworks.sdk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.ModelRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link EmbedAll}'s scheduling with futures the test completes by hand. */
class EmbedAllConcurrencyTest {
  private final List<CompletableFuture<Embeddings>> sent = new ArrayList<>();
  private final List<EmbeddingRequest> batches = new ArrayList<>();

  @Test
  void neverHasMoreThanTheBoundInFlightAndStartsTheNextAsOneLands() {
    EmbeddingRequest request = EmbeddingRequest.of(ModelRef.parse("accounts/a/models/m"),
        IntStream.range(0, 5).mapToObj(i -> "t" + i).collect(Collectors.toList()));
    CompletableFuture<Embeddings> all = new EmbedAll(request, 1, 2, this::send, Runnable::run).start();

    assertEquals(2, sent.size(), "two batches in flight at first");
    sent.get(1).complete(Embeddings.of("m", List.of(new float[] {1})));
    assertEquals(3, sent.size(), "one landed, one more sent");
    sent.get(0).complete(Embeddings.of("m", List.of(new float[] {0})));
    sent.get(2).complete(Embeddings.of("m", List.of(new float[] {2})));
    sent.get(3).complete(Embeddings.of("m", List.of(new float[] {3})));
    assertEquals(5, sent.size());
    sent.get(4).complete(Embeddings.of("m", List.of(new float[] {4})));

    Embeddings e = all.join();
    for (int i = 0; i < 5; i++) {
      assertEquals(i, e.vector(i)[0]);
      assertEquals(List.of("t" + i), batches.get(i).input());
    }
  }

  @Test
  void cancellingTheCallCancelsTheBatchesInFlightAndSendsNoMore() {
    EmbeddingRequest request = EmbeddingRequest.of(ModelRef.parse("accounts/a/models/m"), List.of("a", "b", "c"));
    CompletableFuture<Embeddings> all = new EmbedAll(request, 1, 2, this::send, Runnable::run).start();

    all.cancel(true);

    assertTrue(sent.get(0).isCancelled() && sent.get(1).isCancelled());
    assertEquals(2, sent.size());
  }

  private CompletableFuture<Embeddings> send(EmbeddingRequest batch) {
    CompletableFuture<Embeddings> f = new CompletableFuture<>();
    sent.add(f);
    batches.add(batch);
    return f;
  }
}
