package ai.fireworks.sdk.examples.fwctl;

import ai.fireworks.sdk.testkit.ForwardingHttpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An {@link HttpClient} that keeps a copy of every successful JSON response body, so that
 * {@code fwctl -o json} can print a resource exactly as the API returned it (field order, fields
 * the SDK does not model) instead of a re-serialization of the SDK's value. Streamed responses
 * ({@code text/event-stream}) pass through untouched. Request headers, and so the API key, are
 * never recorded. Thread-safe.
 */
final class RecordingHttpClient extends ForwardingHttpClient {
  /** Largest body kept; bigger ones are passed through without a copy. */
  private static final int MAX_BODY = 16 * 1024 * 1024;

  /** One recorded exchange: request method and URI, response status and body text. */
  static final class Exchange {
    final String method;
    final String path;
    final int status;
    final String body;

    Exchange(String method, String path, int status, String body) {
      this.method = method;
      this.path = path;
      this.status = status;
      this.body = body;
    }
  }

  private final List<Exchange> exchanges = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();

  RecordingHttpClient(HttpClient delegate) {
    super(delegate);
  }

  /** The exchanges recorded so far, oldest first. */
  synchronized List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** How many requests were started, whatever became of them. */
  int requestsSent() {
    return sent.get();
  }

  private synchronized void record(Exchange e) {
    exchanges.add(e);
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return delegate().sendAsync(request, recording(request, handler), pushPromiseHandler);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return delegate().send(request, recording(request, handler));
  }

  private <T> HttpResponse.BodyHandler<T> recording(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    sent.incrementAndGet();
    return info -> {
      HttpResponse.BodySubscriber<T> target = handler.apply(info);
      String type = info.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
      if (info.statusCode() >= 300 || !type.contains("json")) {
        return target;
      }
      return new Tee<>(target, body -> record(new Exchange(request.method(), request.uri().getRawPath(),
          info.statusCode(), body)));
    };
  }

  /** Forwards every buffer to the real subscriber and keeps a copy of the bytes. */
  private static final class Tee<T> implements HttpResponse.BodySubscriber<T> {
    private final HttpResponse.BodySubscriber<T> target;
    private final java.util.function.Consumer<String> onBody;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private boolean overflow;

    Tee(HttpResponse.BodySubscriber<T> target, java.util.function.Consumer<String> onBody) {
      this.target = target;
      this.onBody = onBody;
    }

    @Override
    public CompletionStage<T> getBody() {
      return target.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      target.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        ByteBuffer d = b.duplicate();
        if (!overflow && copy.size() + d.remaining() <= MAX_BODY) {
          byte[] bytes = new byte[d.remaining()];
          d.get(bytes);
          copy.write(bytes, 0, bytes.length);
        } else {
          overflow = true;
        }
      }
      target.onNext(items);
    }

    @Override
    public void onError(Throwable throwable) {
      target.onError(throwable);
    }

    @Override
    public void onComplete() {
      if (!overflow) {
        onBody.accept(copy.toString(StandardCharsets.UTF_8));
      }
      target.onComplete();
    }
  }
}
