package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The plumbing between futures: listeners whose failures are logged, cancellation passed along, composition. */
class FuturesTest {
  @Test
  void aListenerThatThrowsIsLoggedAsABugInsteadOfVanishing() {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        records.add(r);
      }

      @Override
      public void flush() { }

      @Override
      public void close() { }
    };
    Logger log = Logger.getLogger("ai.fireworks.sdk");
    log.addHandler(capture);
    log.setUseParentHandlers(false); // keep the expected warning off the console
    try {
      CompletableFuture<String> f = new CompletableFuture<>();
      IllegalStateException bug = new IllegalStateException("listener bug");
      Futures.onCompletion(f, (v, e) -> {
        throw bug;
      });

      f.complete("x");

      assertEquals(1, records.size());
      assertEquals(Level.WARNING, records.get(0).getLevel());
      assertSame(bug, records.get(0).getThrown());
    } finally {
      log.removeHandler(capture);
      log.setUseParentHandlers(true);
    }
  }

  @Test
  void cancellationPassesAlongButOtherOutcomesDoNot() {
    CompletableFuture<String> cancelled = new CompletableFuture<>();
    CompletableFuture<String> downstreamOfCancelled = new CompletableFuture<>();
    Futures.passCancellation(cancelled, downstreamOfCancelled);
    CompletableFuture<String> failed = new CompletableFuture<>();
    CompletableFuture<String> downstreamOfFailed = new CompletableFuture<>();
    Futures.passCancellation(failed, downstreamOfFailed);

    cancelled.cancel(true);
    failed.completeExceptionally(new IllegalStateException("boom"));

    assertTrue(downstreamOfCancelled.isCancelled());
    assertFalse(downstreamOfFailed.isDone());
  }

  @Test
  void composeRunsTheSecondStageAndCancelsWhicheverStageIsRunning() throws Exception {
    CompletableFuture<Integer> first = new CompletableFuture<>();
    CompletableFuture<String> second = new CompletableFuture<>();
    CompletableFuture<String> both = Futures.compose(first, n -> second);
    first.complete(2);
    second.complete("two");
    assertEquals("two", both.get());

    CompletableFuture<Integer> first2 = new CompletableFuture<>();
    CompletableFuture<String> second2 = new CompletableFuture<>();
    CompletableFuture<String> both2 = Futures.compose(first2, n -> second2);
    first2.complete(3);
    both2.cancel(true);
    assertTrue(second2.isCancelled(), "the running stage, the second, is cancelled");

    CompletableFuture<Integer> failing = new CompletableFuture<>();
    CompletableFuture<String> both3 = Futures.compose(failing, n -> second);
    failing.completeExceptionally(new java.util.concurrent.CompletionException(new IllegalStateException("bad")));
    ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, both3::get);
    assertEquals("bad", e.getCause().getMessage(), "failures are unwrapped");
  }
}
