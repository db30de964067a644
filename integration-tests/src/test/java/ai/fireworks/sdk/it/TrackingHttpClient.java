package ai.fireworks.sdk.it;

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
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK {@link HttpClient} that reports every asynchronous exchange to a {@link Sim} as work in
 * flight, from {@code sendAsync} until the response and the SDK's synchronous completion chain
 * (decoding, retry scheduling, hand-off to the client's executor) have run. Everything else is
 * delegated.
 */
final class TrackingHttpClient extends HttpClient {
  private final HttpClient delegate;
  private final Sim sim;

  TrackingHttpClient(HttpClient delegate, Sim sim) {
    this.delegate = delegate;
    this.sim = sim;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return delegate.send(request, handler);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return sendAsync(request, handler, null);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> push) {
    sim.begin();
    CompletableFuture<HttpResponse<T>> sent;
    try {
      sent = delegate.sendAsync(request, handler, push);
    } catch (RuntimeException e) {
      sim.end();
      throw e;
    }
    CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        sent.cancel(true);
      }
    });
    sent.whenComplete((r, e) -> {
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
