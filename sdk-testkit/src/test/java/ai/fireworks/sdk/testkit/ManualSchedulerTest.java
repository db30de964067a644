package ai.fireworks.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.internal.ApiRequest;
import ai.fireworks.sdk.core.internal.ApiResponse;
import ai.fireworks.sdk.core.internal.ClientAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@SuppressWarnings("FutureReturnValueIgnored") // tasks here are observed through their effects, not their futures
class ManualSchedulerTest {
  private static final Instant T0 = ManualScheduler.DEFAULT_START;

  @Test
  void tasksRunInDueOrderWhenTimeReachesThem() {
    ManualScheduler time = new ManualScheduler();
    List<String> ran = new ArrayList<>();
    time.schedule(() -> ran.add("b@" + time.now()), 2, TimeUnit.SECONDS);
    time.schedule(() -> ran.add("a@" + time.now()), 1, TimeUnit.SECONDS);
    time.schedule(() -> ran.add("c@" + time.now()), 2, TimeUnit.SECONDS);

    time.advance(Duration.ofMillis(1500));
    assertEquals(List.of("a@" + T0.plusSeconds(1)), ran);
    assertEquals(T0.plusMillis(1500), time.now());
    assertEquals(T0.plusMillis(1500), time.clock().instant());

    time.advance(Duration.ofSeconds(5));
    assertEquals(List.of("a@" + T0.plusSeconds(1), "b@" + T0.plusSeconds(2), "c@" + T0.plusSeconds(2)), ran);
    assertEquals(0, time.pendingTasks());
  }

  @Test
  void periodicTasksRepeatAtFixedRateAndWithFixedDelay() {
    ManualScheduler time = new ManualScheduler();
    List<Long> rate = new ArrayList<>();
    List<Long> delay = new ArrayList<>();
    ScheduledFuture<?> r = time.scheduleAtFixedRate(() -> rate.add(time.now().getEpochSecond() - T0.getEpochSecond()),
        1, 2, TimeUnit.SECONDS);
    time.scheduleWithFixedDelay(() -> delay.add(time.now().getEpochSecond() - T0.getEpochSecond()), 0, 3, TimeUnit.SECONDS);

    time.advance(Duration.ofSeconds(7));
    r.cancel(false);
    time.advance(Duration.ofSeconds(4));

    assertEquals(List.of(1L, 3L, 5L, 7L), rate);
    assertEquals(List.of(0L, 3L, 6L, 9L), delay);
  }

  @Test
  void cancelledTasksDoNotRunAndResultsArriveThroughFutures() throws Exception {
    ManualScheduler time = new ManualScheduler();
    List<String> ran = new ArrayList<>();
    ScheduledFuture<?> cancelled = time.schedule(() -> ran.add("no"), 1, TimeUnit.SECONDS);
    ScheduledFuture<String> value = time.schedule(() -> "done", 2, TimeUnit.SECONDS);
    cancelled.cancel(false);

    assertEquals(2, value.getDelay(TimeUnit.SECONDS));
    time.advance(Duration.ofSeconds(2));

    assertTrue(ran.isEmpty());
    assertEquals("done", value.get());
  }

  @Test
  void executeWaitsForTheNextAdvanceOrRunDueTasks() {
    ManualScheduler time = new ManualScheduler();
    List<String> ran = new ArrayList<>();
    time.execute(() -> ran.add("now"));

    assertTrue(ran.isEmpty());
    assertEquals(1, time.runDueTasks());
    assertEquals(List.of("now"), ran);
    assertEquals(T0, time.now());
  }

  @Test
  void tasksScheduledByTasksRunInTheSameAdvanceIfDue() {
    ManualScheduler time = new ManualScheduler();
    List<Instant> ran = new ArrayList<>();
    time.schedule(() -> {
      ran.add(time.now());
      time.schedule(() -> ran.add(time.now()), 1, TimeUnit.SECONDS);
    }, 1, TimeUnit.SECONDS);

    time.advance(Duration.ofSeconds(3));

    assertEquals(List.of(T0.plusSeconds(1), T0.plusSeconds(2)), ran);
  }

  @Test
  void advanceToNextTaskJumpsToIt() {
    ManualScheduler time = new ManualScheduler();
    time.schedule(() -> { }, 90, TimeUnit.SECONDS);

    assertEquals(Optional.of(T0.plusSeconds(90)), time.nextTaskTime());
    assertTrue(time.advanceToNextTask());
    assertEquals(T0.plusSeconds(90), time.now());
    assertFalse(time.advanceToNextTask());
  }

  @Test
  void timeNeverGoesBackAndShutdownRefusesWork() {
    ManualScheduler time = new ManualScheduler();
    time.schedule(() -> { }, 1, TimeUnit.SECONDS);

    assertThrows(IllegalArgumentException.class, () -> time.advance(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> time.advanceTo(T0.minusSeconds(1)));
    assertEquals(1, time.shutdownNow().size());
    assertTrue(time.isShutdown());
    assertTrue(time.isTerminated());
    assertThrows(RejectedExecutionException.class, () -> time.schedule(() -> { }, 1, TimeUnit.SECONDS));
  }

  @Test
  void clientRetryDelaysWaitForTheManualClock() throws Exception {
    ManualScheduler time = new ManualScheduler();
    try (FireworksEmulator fw = FireworksEmulator.builder().timeline(time).start();
         FireworksClient client = fw.clientBuilder().scheduler(time).clock(time.clock()).build()) {
      fw.faults().inject(Fault.rateLimited(Duration.ofSeconds(2)));

      CompletableFuture<ApiResponse> call = ClientAccess.transport(client)
          .send(ApiRequest.get("/v1/accounts/acme/deployments"), RequestOptions.none());
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      // The 429 arrives on the client's thread, which then schedules the retry 2 s ahead on the
      // fake clock (its 60 s attempt timeout is also on it, so never advance blindly).
      while (time.nextTaskTime().filter(t -> t.isBefore(T0.plusSeconds(30))).isEmpty()) {
        assertTrue(System.nanoTime() < deadline, "the client never scheduled its retry");
        Thread.onSpinWait();
      }
      assertEquals(Optional.of(T0.plusSeconds(2)), time.nextTaskTime(), "Retry-After: 2 on the fake clock");
      assertFalse(call.isDone(), "the retry waits for the fake clock");
      assertEquals(1, fw.journal().size());

      time.advance(Duration.ofSeconds(2));

      assertEquals(200, call.get(20, TimeUnit.SECONDS).status());
      List<RecordedRequest> attempts = fw.journal().requests();
      assertEquals(2, attempts.size());
      assertEquals(T0.plusSeconds(2), attempts.get(1).receivedAt(), "the emulator shares the timeline");
    }
  }

  @Test
  void requestedAndPendingDelaysShowWhatWasAskedFor() {
    ManualScheduler time = new ManualScheduler();
    time.schedule(() -> { }, 5, TimeUnit.SECONDS);
    ScheduledFuture<?> cancelled = time.schedule(() -> { }, 1, TimeUnit.SECONDS);
    time.execute(() -> { });
    time.schedule(() -> { }, -3, TimeUnit.SECONDS);
    cancelled.cancel(false);

    assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO), time.requestedDelays());
    assertEquals(List.of(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5)), time.pendingDelays());
    time.advance(Duration.ofSeconds(2));
    assertEquals(List.of(Duration.ofSeconds(3)), time.pendingDelays());
  }

  @Test
  void awaitTaskDueWithinWaitsForAnotherThreadWithoutMovingTime() throws Exception {
    ManualScheduler time = new ManualScheduler();
    time.schedule(() -> { }, 1, TimeUnit.HOURS); // beyond the horizon, like a request timeout

    assertEquals(Optional.empty(), time.awaitTaskDueWithin(Duration.ofMinutes(1), Duration.ofMillis(20)));
    CompletableFuture.runAsync(() -> time.schedule(() -> { }, 7, TimeUnit.SECONDS));
    assertEquals(Optional.of(T0.plusSeconds(7)), time.awaitTaskDueWithin(Duration.ofMinutes(1), Duration.ofSeconds(10)));
    assertEquals(T0, time.now());
    assertThrows(IllegalArgumentException.class, () -> time.awaitTaskDueWithin(Duration.ofSeconds(-1), Duration.ZERO));
  }

  @Test
  void advanceUntilDoneFollowsTasksWithinTheHorizonOnly() throws Exception {
    ManualScheduler time = new ManualScheduler();
    CompletableFuture<String> done = new CompletableFuture<>();
    time.schedule(() -> done.complete("late"), 1, TimeUnit.HOURS);
    // A chain of polls, each scheduling the next from another thread, as responses would.
    Runnable[] poll = new Runnable[1];
    int[] polls = {0};
    poll[0] = () -> CompletableFuture.runAsync(() -> {
      if (++polls[0] == 3) {
        done.complete("polled");
      } else {
        time.schedule(poll[0], 10, TimeUnit.SECONDS);
      }
    });
    time.schedule(poll[0], 10, TimeUnit.SECONDS);

    assertTrue(time.advanceUntilDone(done, Duration.ofMinutes(1), Duration.ofSeconds(10)));
    assertEquals("polled", done.get());
    assertEquals(T0.plusSeconds(30), time.now(), "the 1 h task was never reached");
    assertFalse(time.advanceUntilDone(new CompletableFuture<>(), Duration.ofMinutes(1), Duration.ofMillis(20)));
    assertEquals(T0.plusSeconds(30), time.now());
  }
}
