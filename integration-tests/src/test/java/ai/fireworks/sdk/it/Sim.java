package ai.fireworks.sdk.it;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.deployments.AddonsClient;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.InferenceClient;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import ai.fireworks.sdk.testkit.ManualScheduler;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An emulator and an SDK client on one {@link ManualScheduler} timeline, driven as a discrete-event
 * simulation: time moves only when no HTTP exchange and no client callback is in flight, so a
 * request never sees its own timeout fire, takes no simulated time, and every retry delay, poll
 * interval and cold start is exact. Bounded in real time: a drive that makes no progress for
 * {@link #REAL_LIMIT} fails instead of hanging.
 */
final class Sim implements AutoCloseable {
  static final Duration REAL_LIMIT = Duration.ofSeconds(20);
  private static final int MAX_STEPS = 100_000;

  final ManualScheduler time = new ManualScheduler();
  final FireworksEmulator emulator;
  final FireworksClient client;
  private final ExecutorService pool;
  private final Object lock = new Object();
  private int busy;

  private Sim(Consumer<FireworksEmulator.Builder> emulatorConfig, UnaryOperator<FireworksClient.Builder> clientConfig) {
    FireworksEmulator.Builder eb = FireworksEmulator.builder().timeline(time);
    emulatorConfig.accept(eb);
    this.emulator = eb.start();
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "sim-callback-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).executor(Runnable::run).build();
    FireworksClient.Builder cb = emulator.clientBuilder().scheduler(time).clock(time.clock())
        .executor(track(pool)).httpClient(new TrackingHttpClient(http, this));
    this.client = clientConfig.apply(cb).build();
  }

  /** An emulator with its defaults and a client on its timeline. */
  static Sim start() {
    return start(b -> { }, b -> b);
  }

  static Sim start(Consumer<FireworksEmulator.Builder> emulatorConfig) {
    return start(emulatorConfig, b -> b);
  }

  static Sim start(Consumer<FireworksEmulator.Builder> emulatorConfig, UnaryOperator<FireworksClient.Builder> clientConfig) {
    return new Sim(emulatorConfig, clientConfig);
  }

  DeploymentsClient deployments() {
    return DeploymentsClient.of(client);
  }

  AddonsClient addons() {
    return AddonsClient.of(client);
  }

  InferenceClient inference() {
    return InferenceClient.of(client);
  }

  Instant now() {
    return time.now();
  }

  void begin() {
    synchronized (lock) {
      busy++;
    }
  }

  void end() {
    synchronized (lock) {
      if (--busy == 0) {
        lock.notifyAll();
      }
    }
  }

  /** An executor whose tasks count as in flight from submission to the end of their run. */
  private Executor track(Executor delegate) {
    return task -> {
      begin();
      try {
        delegate.execute(() -> {
          try {
            task.run();
          } finally {
            end();
          }
        });
      } catch (RejectedExecutionException e) {
        end();
        throw e;
      }
    };
  }

  /** Waits (in real time, bounded) until no exchange or callback is in flight. */
  void awaitIdle() {
    long deadline = System.nanoTime() + REAL_LIMIT.toNanos();
    synchronized (lock) {
      while (busy > 0) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          throw new AssertionError("work still in flight after " + REAL_LIMIT + " of real time (" + busy + " open)");
        }
        try {
          lock.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for in-flight work", e);
        }
      }
    }
  }

  /** Runs the timeline task by task until {@code f} completes; returns its value or throws its cause. */
  <T> T await(CompletableFuture<T> f) {
    drive(f);
    return join(f);
  }

  /** Like {@link #await} for a future expected to fail: returns the (unwrapped) failure. */
  Throwable awaitFailure(CompletableFuture<?> f) {
    drive(f);
    try {
      Object v = f.join();
      throw new AssertionError("expected a failure, got " + v);
    } catch (CompletionException | CancellationException e) {
      return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
  }

  private void drive(CompletableFuture<?> f) {
    for (int step = 0; step < MAX_STEPS; step++) {
      awaitIdle();
      if (f.isDone()) {
        return;
      }
      time.pendingTasks(); // drops cancelled tasks (finished requests' timeouts) so they cannot move the clock
      if (time.runDueTasks() > 0) {
        continue;
      }
      if (!time.advanceToNextTask()) {
        awaitIdle();
        if (f.isDone()) {
          return;
        }
        throw new AssertionError("nothing scheduled, nothing in flight, and the call has not completed");
      }
    }
    throw new AssertionError("no result after " + MAX_STEPS + " simulation steps");
  }

  /** Moves time forward by {@code step}, running everything that falls due and letting it settle. */
  void advance(Duration step) {
    Instant target = time.now().plus(step);
    for (int i = 0; i < MAX_STEPS; i++) {
      awaitIdle();
      time.pendingTasks();
      Optional<Instant> next = time.nextTaskTime();
      if (next.isPresent() && !next.get().isAfter(target)) {
        time.advanceTo(next.get());
        continue;
      }
      time.advanceTo(target);
      awaitIdle();
      return;
    }
    throw new AssertionError("time did not reach " + target + " after " + MAX_STEPS + " steps");
  }

  /** Runs what is due now and lets it settle, without moving time. */
  void settle() {
    for (int i = 0; i < MAX_STEPS; i++) {
      awaitIdle();
      if (time.runDueTasks() == 0) {
        awaitIdle();
        return;
      }
    }
  }

  static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw e;
    }
  }

  @Override
  public void close() {
    client.close();
    emulator.close();
    pool.shutdownNow();
  }
}
