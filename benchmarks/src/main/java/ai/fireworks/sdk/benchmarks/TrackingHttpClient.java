package ai.fireworks.sdk.benchmarks;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that delegates everything, counts GET requests and reports each
 * asynchronous exchange to a {@link VirtualTimeDriver} as work in flight until the response and
 * every dependent stage registered on it (the SDK's synchronous completion chain) have run.
 */
final class TrackingHttpClient extends HttpClient {
  private final HttpClient delegate;
  private final VirtualTimeDriver driver;
  private final AtomicLong gets = new AtomicLong();

  TrackingHttpClient(HttpClient delegate, VirtualTimeDriver driver) {
    this.delegate = delegate;
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
    return delegate.send(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return sendAsync(request, handler, null);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    count(request);
    driver.begin();
    CompletableFuture<HttpResponse<T>> sent;
    try {
      sent = delegate.sendAsync(request, handler, pushPromiseHandler);
    } catch (RuntimeException e) {
      driver.end();
      throw e;
    }
    CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
    sent.whenComplete((r, e) -> {
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

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
