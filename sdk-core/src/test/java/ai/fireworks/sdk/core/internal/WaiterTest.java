package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.ErrorDetails;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.WaitProgress;
import ai.fireworks.sdk.core.WaiterTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The generic poller on virtual time: verdicts, deadline, backoff, progress, cancellation. */
class WaiterTest {
  private final ManualScheduler time = new ManualScheduler();
  private final Instant start = time.now();
  /** States the fake resource reports, one per poll; the last one repeats. */
  private final Deque<String> states = new ArrayDeque<>();
  private final List<Instant> polls = new ArrayList<>();
  private final List<WaitProgress> progress = new ArrayList<>();

  private CompletableFuture<String> poll() {
    polls.add(time.now());
    String s = states.size() > 1 ? states.poll() : states.peek();
    if (s.startsWith("ERROR")) {
      return CompletableFuture.failedFuture(new NotFoundException(ErrorDetails.builder().statusCode(404)
          .message("not yet").build()));
    }
    return CompletableFuture.completedFuture(s);
  }

  private static final Waiter.Acceptor<String> READY_OR_FAILED = new Waiter.Acceptor<>() {
    @Override
    public Waiter.Verdict<String> onValue(String value, Duration elapsed) {
      switch (value) {
        case "READY": return Waiter.Verdict.success(value);
        case "FAILED": return Waiter.Verdict.failure(new IllegalStateException("deployment FAILED: out of capacity"));
        default: return Waiter.Verdict.retry();
      }
    }
  };

  private WaitOptions.Builder options() {
    return WaitOptions.builder().timeout(Duration.ofMinutes(10)).initialInterval(Duration.ofSeconds(1))
        .maxInterval(Duration.ofSeconds(10)).onProgress(progress::add);
  }

  private CompletableFuture<String> start(WaitOptions options, Waiter.Acceptor<String> acceptor,
      Function<String, String> describe, Function<String, Optional<Duration>> hint) {
    return new Waiter<>("deployment accounts/acme/deployments/d to be READY", this::poll, acceptor, describe, hint,
        options, time.timeSource()).start();
  }

  private CompletableFuture<String> start(WaitOptions options) {
    return start(options, READY_OR_FAILED, s -> s, s -> Optional.empty());
  }

  private void states(String... s) {
    states.addAll(List.of(s));
  }

  private static Throwable cause(CompletableFuture<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, f::get);
    return e.getCause();
  }

  @Test
  void succeedsAfterSeveralPolls() throws Exception {
    states("CREATING", "CREATING", "UPDATING", "READY");

    CompletableFuture<String> f = start(options().build());
    time.drive(f);

    assertEquals("READY", f.get());
    assertEquals(4, polls.size());
    assertEquals(start, polls.get(0), "first poll right away");
    assertEquals(List.of(), time.pendingWaits(), "nothing left scheduled");
  }

  @Test
  void failureVerdictEndsTheWaitWithItsException() throws Exception {
    states("CREATING", "FAILED", "READY");

    CompletableFuture<String> f = start(options().build());
    time.drive(f);

    Throwable e = cause(f);
    assertEquals(IllegalStateException.class, e.getClass());
    assertEquals("deployment FAILED: out of capacity", e.getMessage());
    assertEquals(2, polls.size());
  }

  @Test
  void timeoutCarriesLastValueAttemptsAndElapsed() throws Exception {
    states("CREATING");

    CompletableFuture<String> f = start(options().timeout(Duration.ofSeconds(30)).build());
    time.drive(f);

    WaiterTimeoutException e = (WaiterTimeoutException) cause(f);
    assertEquals(Optional.of("CREATING"), e.lastSeen());
    assertEquals(polls.size(), e.attempts());
    assertEquals(Duration.ofSeconds(30), e.elapsed());
    assertEquals(start.plusSeconds(30), polls.get(polls.size() - 1), "the last poll happens at the deadline");
    assertTrue(polls.stream().allMatch(p -> !p.isAfter(start.plusSeconds(30))), "no poll after the deadline");
    assertTrue(e.getMessage().contains("deployment accounts/acme/deployments/d to be READY"), e.getMessage());
    assertTrue(e.getMessage().contains("last seen: CREATING"), e.getMessage());
    assertTrue(e.getMessage().contains("continues on the server"), e.getMessage());
  }

  @Test
  void timeoutWithNoSuccessfulPollHasNoLastValue() throws Exception {
    states("ERROR");
    Waiter.Acceptor<String> retryErrors = new Waiter.Acceptor<>() {
      @Override
      public Waiter.Verdict<String> onValue(String value, Duration elapsed) {
        return READY_OR_FAILED.onValue(value, elapsed);
      }

      @Override
      public Waiter.Verdict<String> onError(Throwable error, Duration elapsed) {
        return error instanceof NotFoundException ? Waiter.Verdict.retry() : Waiter.Acceptor.super.onError(error, elapsed);
      }
    };

    CompletableFuture<String> f = start(options().timeout(Duration.ofSeconds(5)).build(), retryErrors, s -> s,
        s -> Optional.empty());
    time.drive(f);

    WaiterTimeoutException e = (WaiterTimeoutException) cause(f);
    assertEquals(Optional.empty(), e.lastSeen());
    assertTrue(e.getMessage().contains("last seen: nothing"), e.getMessage());
  }

  @Test
  void errorsEndTheWaitByDefault() throws Exception {
    states("ERROR", "READY");

    CompletableFuture<String> f = start(options().build());
    time.drive(f);

    assertEquals(NotFoundException.class, cause(f).getClass());
    assertEquals(1, polls.size());
  }

  @Test
  void anAcceptorMayRetryErrors() throws Exception {
    states("ERROR", "ERROR", "READY");
    Waiter.Acceptor<String> retry404 = new Waiter.Acceptor<>() {
      @Override
      public Waiter.Verdict<String> onValue(String value, Duration elapsed) {
        return READY_OR_FAILED.onValue(value, elapsed);
      }

      @Override
      public Waiter.Verdict<String> onError(Throwable error, Duration elapsed) {
        return Waiter.Verdict.retry();
      }
    };

    CompletableFuture<String> f = start(options().build(), retry404, s -> s, s -> Optional.empty());
    time.drive(f);

    assertEquals("READY", f.get());
    assertEquals(3, polls.size());
  }

  @Test
  void aThrowingAcceptorFailsTheWait() throws Exception {
    states("CREATING");
    IllegalStateException boom = new IllegalStateException("acceptor bug");

    CompletableFuture<String> f = start(options().build(), (v, e) -> {
      throw boom;
    }, s -> s, s -> Optional.empty());
    time.drive(f);

    assertSame(boom, cause(f));
  }

  @Test
  void cancellingStopsPolling() throws Exception {
    states("CREATING");

    CompletableFuture<String> f = start(options().build());
    time.runDue();
    assertEquals(1, polls.size());
    assertEquals(1, time.pendingWaits().size(), "the next poll is scheduled");

    f.cancel(true);

    assertEquals(List.of(), time.pendingWaits(), "the scheduled poll is cancelled");
    time.advance(Duration.ofHours(1));
    assertEquals(1, polls.size());
  }

  @Test
  void cancellingCancelsThePollInFlight() throws Exception {
    CompletableFuture<String> inFlight = new CompletableFuture<>();
    CompletableFuture<String> f = new Waiter<>("x", () -> inFlight, READY_OR_FAILED, s -> s, s -> Optional.empty(),
        options().build(), time.timeSource()).start();
    time.runDue();

    f.cancel(true);

    assertTrue(inFlight.isCancelled());
    assertEquals(List.of(), time.pendingWaits());
  }

  @Test
  void backoffGrowsToTheMaximumInterval() throws Exception {
    for (int i = 0; i < 30; i++) {
      states("CREATING");
    }
    states("READY");

    CompletableFuture<String> f = start(options().timeout(Duration.ofHours(1)).build());
    time.drive(f);

    List<Duration> delays = time.requestedWaits().subList(1, time.requestedWaits().size());
    double expected = 1.0;
    for (Duration d : delays) {
      double s = d.toNanos() / 1e9;
      assertTrue(s >= 0.8 * expected - 1e-9 && s <= 1.2 * expected + 1e-9,
          "delay " + d + " outside ±20% of " + expected + " s; all: " + delays);
      assertTrue(d.compareTo(Duration.ofSeconds(10)) <= 0, "delay " + d + " above maxInterval");
      expected = Math.min(10.0, expected * 1.5);
    }
    assertTrue(delays.get(delays.size() - 1).compareTo(Duration.ofSeconds(8)) >= 0, "reached the maximum: " + delays);
  }

  @Test
  void anIntervalHintShortensTheDelay() throws Exception {
    states("CREATING", "CREATING", "CREATING", "CREATING", "READY");

    CompletableFuture<String> f = start(options().initialInterval(Duration.ofSeconds(5)).build(), READY_OR_FAILED,
        s -> s, s -> Optional.of(Duration.ofMillis(200)));
    time.drive(f);

    assertTrue(time.requestedWaits().subList(1, 5).stream().allMatch(d -> d.toMillis() >= 160 && d.toMillis() <= 240),
        "200 ms ±20% jitter: " + time.requestedWaits());
  }

  @Test
  void anIntervalHintLengthensTheDelayButNotBeyondMaxInterval() throws Exception {
    states("PENDING", "PENDING", "CREATING", "READY");

    CompletableFuture<String> f = start(options().maxInterval(Duration.ofSeconds(10)).build(), READY_OR_FAILED,
        s -> s, s -> s.equals("PENDING") ? Optional.of(Duration.ofSeconds(8)) : Optional.of(Duration.ofMinutes(5)));
    time.drive(f);

    List<Duration> waits = time.requestedWaits();
    assertEquals(4, waits.size(), waits.toString());
    assertTrue(waits.subList(1, 3).stream().allMatch(d -> d.toMillis() >= 6400 && d.toMillis() <= 9600),
        "8 s ±20% while the hint says far, not the 1 s backoff: " + waits);
    assertEquals(Duration.ofSeconds(10), waits.get(3), "a 5 min hint is capped at maxInterval: " + waits);
  }

  @Test
  void progressIsReportedAfterEveryPoll() throws Exception {
    states("CREATING", "CREATING", "READY");

    CompletableFuture<String> f = start(options().build(), READY_OR_FAILED, s -> s + " replicas 0/1", s -> Optional.empty());
    time.drive(f);

    assertEquals(3, progress.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(i + 1, progress.get(i).attempt());
      assertEquals(Duration.between(start, polls.get(i)), progress.get(i).elapsed());
    }
    assertEquals("CREATING replicas 0/1", progress.get(0).state());
    assertEquals("READY", progress.get(2).resource());
    assertEquals("CREATING replicas 0/1 (0s)", progress.get(0).toString());
  }

  @Test
  void aThrowingProgressCallbackDoesNotEndTheWait() throws Exception {
    states("CREATING", "CREATING", "READY");
    List<Integer> calls = new ArrayList<>();

    CompletableFuture<String> f = start(options().onProgress(p -> {
      calls.add(p.attempt());
      throw new IllegalStateException("user callback bug");
    }).build());
    time.drive(f);

    assertEquals("READY", f.get());
    assertEquals(List.of(1, 2, 3), calls);
  }

  @Test
  void aThrowingDescribeAtTheDeadlineStillEndsTheWait() throws Exception {
    states("CREATING");

    CompletableFuture<String> f = start(options().timeout(Duration.ofSeconds(3)).build(), READY_OR_FAILED, s -> {
      throw new NullPointerException("describe bug");
    }, s -> Optional.empty());
    time.drive(f);

    assertTrue(f.isCompletedExceptionally());
  }

  @Test
  void aThrowingHintStillEndsTheWait() throws Exception {
    states("CREATING");

    CompletableFuture<String> f = start(options().build(), READY_OR_FAILED, s -> s, s -> {
      throw new IllegalStateException("hint bug");
    });
    time.drive(f);

    assertTrue(f.isCompletedExceptionally());
  }

  @Test
  void pollsUseTheCallbackExecutor() throws Exception {
    List<Runnable> queued = new ArrayList<>();
    TimeSource viaQueue = new TimeSource() {
      @Override
      public Instant now() {
        return time.now();
      }

      @Override
      public java.util.concurrent.Future<?> schedule(Runnable task, Duration delay) {
        return time.schedule(task, delay.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
      }

      @Override
      public java.util.concurrent.Executor callbackExecutor() {
        return queued::add;
      }
    };
    states("READY");

    CompletableFuture<String> f = new Waiter<>("x", this::poll, READY_OR_FAILED, s -> s, s -> Optional.empty(),
        options().build(), viaQueue).start();
    time.runDue();

    assertFalse(f.isDone(), "the verdict waits for the callback executor");
    assertTrue(progress.isEmpty());
    assertEquals(1, queued.size());
    queued.get(0).run();
    assertEquals("READY", f.get());
    assertEquals(1, progress.size());
  }
}
