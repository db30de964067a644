package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.FireworksException;
import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The blocking forms of the SDK's operations: start the asynchronous form and wait for it. Stateless
 * apart from a per-thread flag; thread-safe.
 */
public final class Blocking {
  /** True while {@link #call} starts a call on its caller's thread. */
  private static final ThreadLocal<Boolean> CALLER_WAITS = ThreadLocal.withInitial(() -> false);

  private Blocking() {}

  /**
   * Starts a call on this thread and waits for it: what the call sends before its first wait runs
   * here with {@link HttpClient#send}, instead of handing the response to another thread (JDK 17's
   * {@code sendAsync} completes on a new thread per response when the machine has fewer than three
   * CPUs). Later attempts (retries) run asynchronously as usual. Rethrows like {@link #join}.
   */
  public static <T> T call(Supplier<CompletableFuture<T>> start) {
    CompletableFuture<T> future;
    if (CALLER_WAITS.get()) {
      future = start.get();
    } else {
      CALLER_WAITS.set(true);
      try {
        future = start.get();
      } finally {
        CALLER_WAITS.set(false);
      }
    }
    return join(future);
  }

  /** Whether the current thread is inside {@link #call}'s start, so an exchange may run on it. */
  static boolean callerWaits() {
    return CALLER_WAITS.get();
  }

  /** Waits for {@code future}, rethrowing its failure as the unchecked exception it carries. */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FireworksException("interrupted while waiting for the response", e);
    } catch (ExecutionException e) {
      Throwable cause = Futures.unwrap(e);
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new FireworksException(cause.getMessage(), cause);
    }
  }
}
