package ai.fireworks.sdk.benchmarks;

import ai.fireworks.sdk.testkit.ManualScheduler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Moves a {@link ManualScheduler} timeline from task to task while real work (HTTP exchanges on
 * loopback, client callbacks on a thread pool) happens in between, as a discrete-event
 * simulation: time advances only when nothing is in flight, so a request never sees its own
 * timeout fire and takes no simulated time. Work is counted with {@link #begin()}/{@link #end()},
 * done by {@link TrackingHttpClient} and {@link #track(Executor)}.
 */
final class VirtualTimeDriver {
  private final ManualScheduler time;
  private int busy;

  VirtualTimeDriver(ManualScheduler time) {
    this.time = time;
  }

  synchronized void begin() {
    busy++;
  }

  synchronized void end() {
    if (--busy == 0) {
      notifyAll();
    }
  }

  private synchronized void awaitIdle() throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (busy > 0) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        throw new IllegalStateException("work still in flight after 30 s of real time");
      }
      wait(left);
    }
  }

  /** An executor whose tasks count as work in flight from submission to completion. */
  Executor track(Executor pool) {
    return task -> {
      begin();
      try {
        pool.execute(() -> {
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

  /** Runs tasks in due order, letting in-flight work settle before each, until {@code done} completes. */
  void runUntil(CompletableFuture<?> done) throws InterruptedException {
    for (long steps = 0; steps < 1_000_000; steps++) {
      awaitIdle();
      if (done.isDone()) {
        return;
      }
      time.pendingTasks(); // drops cancelled tasks (request timeouts), so they cannot move the clock
      if (time.runDueTasks() > 0) {
        continue;
      }
      if (!time.advanceToNextTask()) {
        awaitIdle();
        if (!done.isDone()) {
          throw new IllegalStateException("nothing scheduled, nothing in flight, and the wait is not over");
        }
      }
    }
    throw new IllegalStateException("no result after a million steps");
  }
}
