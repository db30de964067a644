package ai.fireworks.sdk.core.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reusable threads that carry asynchronous exchanges, each making one blocking
 * {@link java.net.http.HttpClient#send} at a time, where the JDK would otherwise start a thread per
 * response: its {@code sendAsync} (17 to 25) hands every response to {@code CompletableFuture}'s
 * default executor, which, when the common pool's parallelism is below 2 (fewer than three CPUs, as
 * in most containers), is a new thread per task. Elsewhere that executor is the common pool, and
 * handing a response to it costs less than waking a blocked sender ({@link HttpTransport#sendersPayOff}).
 *
 * <p>At most {@link #MAX} threads run at once, as many as OkHttp's default limit of calls in
 * flight; when all are busy, {@link #tryRun} refuses and the exchange uses {@code sendAsync}. A
 * thread idle for 30 s ends. Only around the HTTP client the SDK builds: an application's own
 * {@code HttpClient} (which may count or trace its {@code sendAsync} calls) is used as it is
 * ({@link #none()}). Thread-safe.
 */
final class Senders {
  static final int MAX = 64;

  private final ThreadPoolExecutor pool;

  private Senders(ThreadPoolExecutor pool) {
    this.pool = pool;
  }

  /** Up to {@link #MAX} threads, started as needed. */
  static Senders upToMax() {
    AtomicInteger n = new AtomicInteger();
    // No queue: a task either goes to an idle thread, starts a new one below MAX, or is refused.
    return new Senders(new ThreadPoolExecutor(0, MAX, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
      Thread t = new Thread(r, "fireworks-sender-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }));
  }

  /** No threads: {@link #tryRun} always refuses. */
  static Senders none() {
    return new Senders(null);
  }

  /** Runs {@code exchange} on a sender thread; false if all {@link #MAX} are busy or they were shut down. */
  boolean tryRun(Runnable exchange) {
    if (pool == null) {
      return false;
    }
    try {
      pool.execute(exchange);
      return true;
    } catch (RejectedExecutionException busy) {
      return false;
    }
  }

  /** Interrupts the exchanges in progress (they fail) and ends the threads. Idempotent. */
  void shutdown() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
