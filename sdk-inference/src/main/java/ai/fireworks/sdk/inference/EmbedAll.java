package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.internal.Futures;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * One {@link EmbeddingsClient#embedAll} call: sends batches, at most {@code concurrency} at once,
 * starting the next on the client's executor as each one lands, and joins them in input order.
 * The first failure fails the call and cancels the batches in flight; so does cancelling it.
 */
final class EmbedAll {
  private final EmbeddingRequest request;
  private final int batchSize;
  private final int batches;
  private final int concurrency;
  private final Function<EmbeddingRequest, CompletableFuture<Embeddings>> send;
  private final Executor executor;
  private final Embeddings[] parts;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicReferenceArray<CompletableFuture<Embeddings>> sent;
  private final CompletableFuture<Embeddings> result = new CompletableFuture<>();

  EmbedAll(EmbeddingRequest request, int batchSize, int concurrency,
      Function<EmbeddingRequest, CompletableFuture<Embeddings>> send, Executor executor) {
    this.request = request;
    this.batchSize = batchSize;
    this.batches = (request.input().size() + batchSize - 1) / batchSize;
    this.concurrency = Math.min(concurrency, batches);
    this.send = send;
    this.executor = executor;
    this.parts = new Embeddings[batches];
    this.sent = new AtomicReferenceArray<>(batches);
  }

  CompletableFuture<Embeddings> start() {
    Futures.onCompletion(result, (v, e) -> {
      if (e instanceof CancellationException) {
        cancelSent();
      }
    });
    for (int i = 0; i < concurrency; i++) {
      launch();
    }
    return result;
  }

  private void launch() {
    int b = next.getAndIncrement();
    if (b >= batches || result.isDone()) {
      return;
    }
    int from = b * batchSize;
    int to = Math.min(from + batchSize, request.input().size());
    CompletableFuture<Embeddings> f;
    try {
      f = send.apply(request.slice(from, to));
    } catch (RuntimeException e) {
      fail(from, to, e);
      return;
    }
    sent.set(b, f);
    Futures.onCompletion(f, (v, e) -> {
      try {
        executor.execute(() -> landed(b, from, to, v, e));
      } catch (RejectedExecutionException rejected) {
        landed(b, from, to, v, e);
      }
    });
  }

  private void landed(int b, int from, int to, Embeddings v, Throwable e) {
    if (e != null) {
      fail(from, to, Futures.unwrap(e));
      return;
    }
    parts[b] = v;
    if (done.incrementAndGet() == batches) {
      result.complete(join());
    } else {
      launch();
    }
  }

  private void fail(int from, int to, Throwable cause) {
    if (result.isDone()) {
      return;
    }
    result.completeExceptionally(cause instanceof CancellationException ? cause
        : new EmbeddingBatchException(from, to, request.input().size(), cause));
    cancelSent();
  }

  /** Cancels the batches sent (a no-op for those already landed). */
  private void cancelSent() {
    for (int i = 0; i < batches; i++) {
      CompletableFuture<Embeddings> f = sent.get(i);
      if (f != null) {
        f.cancel(true);
      }
    }
  }

  private Embeddings join() {
    float[][] all = new float[request.input().size()][];
    int at = 0;
    int prompt = 0;
    int total = 0;
    boolean counted = false;
    for (Embeddings part : parts) {
      float[][] v = part.rawVectors();
      System.arraycopy(v, 0, all, at, v.length);
      at += v.length;
      if (part.usage().isPresent()) {
        counted = true;
        prompt += part.usage().get().promptTokens();
        total += part.usage().get().totalTokens();
      }
    }
    Usage usage = counted ? Usage.builder().promptTokens(prompt).totalTokens(total).build() : null;
    return new Embeddings(all, parts[0].model(), usage, parts[0].metadata());
  }
}
