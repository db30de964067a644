package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.FireworksException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls and waits in progress, so that closing the client fails them instead of leaving them
 * pending forever. Thread-safe.
 */
final class InProgress {
  private final Map<CompletableFuture<?>, Object> work = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * Registers {@code future} under {@code what} (named by its {@code toString}, taken only if the
   * client closes); fails it at once if closed already. Returns it.
   */
  @SuppressWarnings("CollectionUndefinedEquality") // futures are keys by identity, which is what we want
  <T> CompletableFuture<T> track(CompletableFuture<T> future, Object what) {
    if (future.isDone()) {
      return future; // answered already (on the caller's thread): nothing left for close() to fail
    }
    work.put(future, what);
    Futures.onCompletion(future, (v, e) -> work.remove(future));
    if (closed) {
      future.completeExceptionally(closedWhile(what));
    }
    return future;
  }

  boolean isClosed() {
    return closed;
  }

  /** Fails everything registered, and everything registered later. Idempotent. */
  void close() {
    closed = true;
    work.forEach((future, what) -> future.completeExceptionally(closedWhile(what)));
  }

  private static FireworksException closedWhile(Object what) {
    return new FireworksException("the FireworksClient was closed; abandoned: " + what);
  }
}
