package ai.fireworks.sdk.core.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The SDK's plumbing between futures: listeners, cancellation passed along, composition, unwrapping. Stateless;
 * thread-safe.
 */
public final class Futures {
  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk");

  private Futures() {}

  /**
   * Runs {@code listener} once {@code future} completes, on the completing thread. Unlike a bare
   * {@code whenComplete}, whose failures land in a future nobody reads, what the listener throws is
   * logged as a bug.
   */
  public static <T> void onCompletion(CompletableFuture<T> future, BiConsumer<? super T, ? super Throwable> listener) {
    CompletableFuture<T> unused = future.whenComplete((v, e) -> {
      try {
        listener.accept(v, e);
      } catch (RuntimeException bug) {
        LOG.log(System.Logger.Level.WARNING, "an SDK completion listener threw; please report this", bug);
      }
    });
  }

  /**
   * Disposes of a value that arrived for a future nobody waits for any more (cancelled, failed by
   * {@code close()}, or completed already): closes it if it is {@link AutoCloseable}, such as an
   * opened stream, which must not leak its connection; a failure to close is only logged.
   */
  public static void discard(Object unwanted) {
    if (unwanted instanceof AutoCloseable) {
      try {
        ((AutoCloseable) unwanted).close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.DEBUG, () -> "closing an unwanted " + unwanted.getClass().getSimpleName()
            + " failed: " + e);
      }
    }
  }

  /** Strips {@link CompletionException} and {@link ExecutionException} wrappers. */
  public static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /**
   * Cancelling {@code from} cancels {@code to} (with interruption); other outcomes leave {@code to}
   * alone. Nothing is registered when {@code to} is done already, as a call answered on its
   * caller's thread is, since cancelling it could change nothing.
   */
  public static void passCancellation(CompletableFuture<?> from, Future<?> to) {
    if (to.isDone()) {
      return;
    }
    onCompletion(from, (v, e) -> {
      if (e instanceof CancellationException) {
        to.cancel(true);
      }
    });
  }

  /**
   * {@code first} then {@code next}, like {@link CompletableFuture#thenCompose}, except that
   * cancelling the result cancels whichever stage is running (so cancelling "create, then wait"
   * stops the wait's polling). Failures are unwrapped.
   */
  public static <A, B> CompletableFuture<B> compose(CompletableFuture<A> first,
      Function<? super A, CompletableFuture<B>> next) {
    CompletableFuture<B> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> running = new AtomicReference<>(first);
    onCompletion(result, (v, e) -> {
      if (e instanceof CancellationException) {
        running.get().cancel(true);
      }
    });
    onCompletion(first, (a, e) -> {
      if (e != null) {
        result.completeExceptionally(unwrap(e));
        return;
      }
      CompletableFuture<B> second;
      try {
        second = next.apply(a);
      } catch (RuntimeException | Error t) {
        result.completeExceptionally(t);
        return;
      }
      running.set(second);
      if (result.isCancelled()) {
        second.cancel(true);
      }
      onCompletion(second, (b, e2) -> {
        if (e2 != null) {
          result.completeExceptionally(unwrap(e2));
        } else {
          result.complete(b);
        }
      });
    });
    return result;
  }
}
