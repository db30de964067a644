package ai.fireworks.sdk.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Moves the completion of a future to the client's executor, so callers' continuations never run
 * on the HTTP client's I/O threads. Immutable; thread-safe.
 */
final class CallerHandOver {
  private final Executor executor;

  CallerHandOver(Executor executor) {
    this.executor = executor;
  }

  /**
   * A future completed on the executor with {@code future}'s outcome (unwrapped). Cancelling it
   * cancels {@code future}. If the executor rejects the hand-over (shut down, or full), the result
   * completes on the current thread rather than never.
   */
  <T> CompletableFuture<T> of(CompletableFuture<T> future) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Futures.onCompletion(future, (v, e) -> {
      Runnable complete = () -> {
        if (e != null) {
          result.completeExceptionally(Futures.unwrap(e));
        } else {
          result.complete(v);
        }
      };
      try {
        executor.execute(complete);
      } catch (RejectedExecutionException rejected) {
        complete.run();
      }
    });
    Futures.passCancellation(result, future);
    return result;
  }

  Executor executor() {
    return executor;
  }
}
