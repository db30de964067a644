package ai.fireworks.sdk.it;

import ai.fireworks.sdk.testkit.ForwardingHttpClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * A JDK {@link HttpClient} that reports every asynchronous exchange to a {@link Sim} as work in
 * flight, from {@code sendAsync} until the response and the SDK's synchronous completion chain
 * (decoding, retry scheduling, hand-off to the client's executor) have run. Everything else is
 * delegated.
 */
final class TrackingHttpClient extends ForwardingHttpClient {
  private final Sim sim;

  TrackingHttpClient(HttpClient delegate, Sim sim) {
    super(delegate);
    this.sim = sim;
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> push) {
    sim.begin();
    CompletableFuture<HttpResponse<T>> sent;
    try {
      sent = delegate().sendAsync(request, handler, push);
    } catch (RuntimeException e) {
      sim.end();
      throw e;
    }
    CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
    CompletableFuture<?> unused = result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        sent.cancel(true);
      }
    });
    unused = sent.whenComplete((r, e) -> {
      try {
        if (e != null) {
          result.completeExceptionally(e);
        } else {
          result.complete(r);
        }
      } finally {
        sim.end(); // after every dependent stage registered on result has run
      }
    });
    return result;
  }
}
