package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.core.internal.HttpTransport;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Hands transport futures to callers. Stateless; thread-safe. */
public final class Futures {
  private Futures() {}

  /**
   * {@link HttpTransport#toCaller} plus cancellation: cancelling the returned future cancels
   * {@code raw} (stopping a waiter's polling or an in-flight request) and nothing else.
   */
  public static <T> CompletableFuture<T> toCaller(HttpTransport transport, CompletableFuture<T> raw) {
    CompletableFuture<T> result = transport.toCaller(raw);
    result.whenComplete((v, e) -> {
      if (e instanceof CancellationException) {
        raw.cancel(true);
      }
    });
    return result;
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
    result.whenComplete((v, e) -> {
      if (e instanceof CancellationException) {
        running.get().cancel(true);
      }
    });
    first.whenComplete((a, e) -> {
      if (e != null) {
        result.completeExceptionally(HttpTransport.unwrap(e));
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
      second.whenComplete((b, e2) -> {
        if (e2 != null) {
          result.completeExceptionally(HttpTransport.unwrap(e2));
        } else {
          result.complete(b);
        }
      });
    });
    return result;
  }
}
