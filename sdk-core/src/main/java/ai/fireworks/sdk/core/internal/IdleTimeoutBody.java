package ai.fireworks.sdk.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} whose reads fail with {@link HttpTimeoutException}
 * when no byte arrives for the idle timeout. The JDK's request timeout stops at the headers, so
 * without this a stalled stream would block its reader forever. Closing it cancels the exchange;
 * a read blocked on another thread then returns end-of-stream instead of waiting out the timeout.
 */
final class IdleTimeoutBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
  private static final List<ByteBuffer> END = List.of();

  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Duration idleTimeout;
  private volatile Flow.Subscription subscription;
  private Iterator<ByteBuffer> current = List.<ByteBuffer>of().iterator();
  private ByteBuffer buffer;
  private boolean done;
  private volatile boolean closed;

  IdleTimeoutBody(Duration idleTimeout) {
    this.idleTimeout = idleTimeout;
  }

  @Override
  public CompletionStage<InputStream> getBody() {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (closed) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    queue.add(item);
  }

  @Override
  public void onError(Throwable t) {
    queue.add(t instanceof IOException ? t : new IOException(t));
  }

  @Override
  public void onComplete() {
    queue.add(END);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("stream is closed");
    }
    if (len == 0) {
      return 0;
    }
    while (buffer == null || !buffer.hasRemaining()) {
      if (current.hasNext()) {
        buffer = current.next();
        continue;
      }
      if (done) {
        return -1;
      }
      next();
    }
    int n = Math.min(len, buffer.remaining());
    buffer.get(b, off, n);
    return n;
  }

  @SuppressWarnings("unchecked")
  private void next() throws IOException {
    Object item;
    try {
      item = queue.poll(idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new java.io.InterruptedIOException("interrupted while reading the response body");
    }
    if (item == null) {
      close();
      throw new HttpTimeoutException("no data received for " + idleTimeout.toMillis()
          + " ms (the client's bodyIdleTimeout); the connection was closed");
    }
    if (item instanceof IOException) {
      done = true;
      throw (IOException) item;
    }
    if (item == END) {
      done = true;
      return;
    }
    current = ((List<ByteBuffer>) item).iterator();
    Flow.Subscription s = subscription;
    if (s != null) {
      s.request(1);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      queue.clear();
      queue.add(END); // wakes a reader blocked in next() on another thread: it sees the end at once
    }
  }
}
