package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.core.internal.HttpTransport;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

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
}
