package ai.fireworks.sdk.benchmarks;

import ai.fireworks.sdk.testkit.ForwardingHttpClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link HttpClient} that delegates everything, counts GET requests and reports each
 * asynchronous exchange to a {@link VirtualTimeDriver} as work in flight until the response and
 * every dependent stage registered on it (the SDK's synchronous completion chain) have run.
 */
final class TrackingHttpClient extends ForwardingHttpClient {
  private final VirtualTimeDriver driver;
  private final AtomicLong gets = new AtomicLong();

  TrackingHttpClient(HttpClient delegate, VirtualTimeDriver driver) {
    super(delegate);
    this.driver = driver;
  }

  long gets() {
    return gets.get();
  }

  void resetGets() {
    gets.set(0);
  }

  private void count(HttpRequest request) {
    if (request.method().equals("GET")) {
      gets.incrementAndGet();
    }
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    count(request);
    return delegate().send(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    count(request);
    driver.begin();
    CompletableFuture<HttpResponse<T>> sent;
    try {
      sent = delegate().sendAsync(request, handler, pushPromiseHandler);
    } catch (RuntimeException e) {
      driver.end();
      throw e;
    }
    CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
    CompletableFuture<?> unused = sent.whenComplete((r, e) -> {
      try {
        if (e != null) {
          result.completeExceptionally(e);
        } else {
          result.complete(r);
        }
      } finally {
        driver.end();
      }
    });
    return result;
  }
}
