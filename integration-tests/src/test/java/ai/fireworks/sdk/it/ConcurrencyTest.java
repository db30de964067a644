package ai.fireworks.sdk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentState;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.deployments.ListDeploymentsRequest;
import ai.fireworks.sdk.inference.ChatCompletion;
import ai.fireworks.sdk.inference.ChatRequest;
import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.CompletionChunk;
import ai.fireworks.sdk.inference.CompletionRequest;
import ai.fireworks.sdk.inference.EventStream;
import ai.fireworks.sdk.inference.InferenceClient;
import ai.fireworks.sdk.testkit.Fault;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import ai.fireworks.sdk.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One {@link FireworksClient} shared by 64 threads issuing mixed calls (sync, async, streaming,
 * waiters) against the emulator: no deadlock, no lost response, a bounded number of SDK threads;
 * and a waiter cancelled mid-flight stops polling.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrencyTest {
  private static final int THREADS = 64;
  private static final int CALLS_PER_THREAD = 4;
  private static final Duration DEADLINE = Duration.ofSeconds(40);
  /** Name prefixes of the threads the SDK (and the JDK HTTP client under it) may start. */
  private static final List<String> SDK_THREADS = List.of("fireworks-callback", "fireworks-scheduler", "HttpClient-");

  @Test
  void sixtyFourThreadsShareOneClientWithoutDeadlockLossOrUnboundedThreads() throws Exception {
    try (FireworksEmulator emulator = FireworksEmulator.builder().readyAfterPolls(2).start()) {
      List<DeploymentName> serving = new ArrayList<>();
      // Other tests' HTTP clients may still have selector threads awaiting GC: count only threads born from here on.
      Set<Thread> existing = Set.copyOf(Thread.getAllStackTraces().keySet());
      int sdkThreadsBefore = sdkThreads(Set.of()).size(); // left over from earlier tests, not counted below
      int liveBefore = Thread.activeCount();
      FireworksClient client = emulator.client();
      DeploymentsClient deployments = DeploymentsClient.of(client);
      InferenceClient inference = InferenceClient.of(client);
      for (int i = 0; i < 4; i++) {
        serving.add(deployments.create(DeploymentsEndToEndTest.LLAMA).deploymentId("shared-" + i).minReplicaCount(1)
            .submit().name());
      }
      emulator.advance(Duration.ofMinutes(1));

      ExecutorService callers = Executors.newFixedThreadPool(THREADS);
      CountDownLatch done = new CountDownLatch(THREADS * CALLS_PER_THREAD);
      AtomicInteger issued = new AtomicInteger();
      AtomicInteger answered = new AtomicInteger();
      Map<String, Throwable> failures = new ConcurrentHashMap<>();
      Map<String, AtomicInteger> byKind = new ConcurrentHashMap<>();
      AtomicLong peakSdkThreads = new AtomicLong();
      Set<String> sdkThreadNames = ConcurrentHashMap.newKeySet();
      long start = System.nanoTime();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        callers.execute(() -> {
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            int kind = (thread + i) % 8;
            DeploymentName d = serving.get((thread + i) % serving.size());
            ModelRef target = ModelRef.of(DeploymentsEndToEndTest.LLAMA, d);
            String label = thread + "/" + i;
            String prompt = "call " + label;
            issued.incrementAndGet();
            try {
              String what = call(kind, deployments, inference, d, target, prompt, thread, i);
              byKind.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
              answered.incrementAndGet();
            } catch (Throwable e) {
              failures.put(label + " kind " + kind, e);
            } finally {
              done.countDown();
            }
          }
        });
      }
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (done.getCount() > 0 && System.nanoTime() < deadline) {
        List<String> names = sdkThreads(existing);
        sdkThreadNames.addAll(names);
        peakSdkThreads.accumulateAndGet(names.size(), Math::max);
        done.await(20, TimeUnit.MILLISECONDS);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      callers.shutdown();

      assertEquals(0, done.getCount(), "no deadlock: every call ended within " + DEADLINE + "; stuck: "
          + done.getCount());
      assertEquals(Map.of(), failures);
      assertEquals(THREADS * CALLS_PER_THREAD, issued.get());
      assertEquals(issued.get(), answered.get(), "no lost response");
      int cores = Runtime.getRuntime().availableProcessors();
      // Callback pool, scheduler, the JDK client's selector (+1 spare), and the transport's sender
      // threads (at most 64, Senders.MAX), which carry asynchronous exchanges so that the JDK does not
      // start a thread per response (its sendAsync does on fewer than 3 CPUs; those threads, named
      // Thread-N, were never counted here).
      int bound = Math.max(2, cores) + 1 + 2 + 64;
      assertTrue(peakSdkThreads.get() <= bound, "SDK threads stay bounded with 64 callers: peak "
          + peakSdkThreads.get() + " > " + bound + " " + sdkThreadNames);

      client.close();
      Bounded.until(Duration.ofSeconds(10), "the client's own threads end on close",
          () -> sdkThreads(existing).stream().noneMatch(n -> n.startsWith("fireworks-")));
      assertTrue(callers.awaitTermination(10, TimeUnit.SECONDS));
      System.out.printf("CONCURRENCY threads=%d calls=%d answered=%d kinds=%s took=%d ms cores=%d "
              + "sdkThreads(preexisting=%d, new peak=%d, bound=%d, afterClose=%d) liveThreads(before=%d, afterClose=%d) names=%s%n",
          THREADS, issued.get(), answered.get(), new java.util.TreeMap<>(byKind), took.toMillis(), cores,
          sdkThreadsBefore, peakSdkThreads.get(), bound, sdkThreads(existing).size(), liveBefore, Thread.activeCount(),
          new java.util.TreeSet<>(sdkThreadNames));
    }
  }

  /** One call of the given kind; returns its label after checking its answer. */
  private static String call(int kind, DeploymentsClient deployments, InferenceClient inference,
      DeploymentName d, ModelRef target, String prompt, int thread, int i) {
    String expected = "[llama-v3p2-3b-instruct] " + prompt;
    switch (kind) {
      case 0: {
        Deployment got = deployments.get(d);
        check(got.name().equals(d), "get returned " + got.name());
        return "sync get";
      }
      case 1: {
        Completion c = inference.completeAsync(CompletionRequest.of(target, prompt)).join();
        check(c.text().equals(expected), c.text());
        return "async completion";
      }
      case 2: {
        StringBuilder text = new StringBuilder();
        try (EventStream<CompletionChunk> s = inference.completeStreaming(CompletionRequest.of(target, prompt))) {
          s.forEach(c -> text.append(c.text()));
          check(s.isComplete(), "stream incomplete");
        }
        check(text.toString().equals(expected), text.toString());
        return "sync stream";
      }
      case 3: {
        AtomicInteger chunks = new AtomicInteger();
        ChatCompletion c = inference.chatStreamingAsync(ChatRequest.of(target, prompt), x -> chunks.incrementAndGet())
            .join();
        check(c.text().equals(expected) && chunks.get() > 0, c.text());
        return "async stream";
      }
      case 4: {
        Deployment ready = deployments.create(DeploymentsEndToEndTest.LLAMA).deploymentId("w-" + thread + "-" + i)
            .minReplicaCount(1).submitAndWaitAsync(WaitOptions.builder().timeout(Duration.ofSeconds(30))
                .initialInterval(Duration.ofMillis(5)).maxInterval(Duration.ofMillis(20)).build()).join();
        check(ready.state().equals(DeploymentState.READY), ready.state().toString());
        return "create + waiter";
      }
      case 5: {
        ChatCompletion c = inference.chat(ChatRequest.of(target, prompt));
        check(c.text().equals(expected), c.text());
        return "sync chat";
      }
      case 6: {
        // A caller blocking inside a continuation on the client's executor must not starve the SDK.
        Deployment again = deployments.getAsync(d).thenApply(first -> deployments.get(first.name())).join();
        check(again.name().equals(d), again.name().toString());
        return "sync inside async continuation";
      }
      default: {
        List<Deployment> page = deployments.listAsync(ListDeploymentsRequest.builder().pageSize(3).build()).join()
            .items();
        check(!page.isEmpty() && page.size() <= 3, "page of " + page.size());
        return "async list";
      }
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  /** Live SDK threads that are not in {@code existing}. */
  private static List<String> sdkThreads(Set<Thread> existing) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !existing.contains(t))
        .map(Thread::getName)
        .filter(n -> SDK_THREADS.stream().anyMatch(n::startsWith)).collect(Collectors.toList());
  }

  @Test
  void aWaiterCancelledBetweenPollsStopsPolling() {
    Duration minute = Duration.ofMinutes(1);
    try (Sim sim = Sim.start(e -> e.creatingPhases(minute, minute, minute))) {
      DeploymentName name = sim.await(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).deploymentId("cancel-me")
          .submitAsync()).name();
      String path = "/v1/accounts/acme/deployments/cancel-me";
      sim.emulator.journal().clear();
      CompletableFuture<Deployment> waiting = sim.deployments().waitUntilReady(name);
      for (int step = 0; sim.emulator.journal().requests("GET", path).size() < 3; step++) {
        assertTrue(step < 100, "the waiter polls");
        sim.settle();
        sim.time.advanceToNextTask();
      }
      sim.settle();
      int pollsAtCancel = sim.emulator.journal().requests("GET", path).size();

      assertTrue(waiting.cancel(true));
      sim.advance(Duration.ofHours(2));

      assertEquals(pollsAtCancel, sim.emulator.journal().requests("GET", path).size(), "no poll after the cancel");
      assertEquals(0, sim.time.pendingTasks(), "nothing left scheduled");
      assertTrue(sim.emulator.deployment("cancel-me").isPresent(), "cancelling stops the waiting only");
      assertEquals("READY", sim.emulator.deployment("cancel-me").orElseThrow().path("state").asText());
    }
  }

  @Test
  void anAddonWaiterCancelledBetweenPollsStopsPolling() {
    try (Sim sim = Sim.start()) {
      DeploymentName host = sim.await(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).deploymentId("lora-host")
          .minReplicaCount(1).enableAddons(true)
          .submitAndWaitAsync(WaitOptions.builder().timeout(Duration.ofMinutes(2)).build())).name();
      ai.fireworks.sdk.deployments.DeployedModel loading = sim.await(sim.addons()
          .deploy(ai.fireworks.sdk.core.ModelName.parse("accounts/acme/models/my-lora")).to(host).submitAsync());
      String path = "/v1/" + loading.name();
      sim.emulator.journal().clear();
      CompletableFuture<ai.fireworks.sdk.deployments.DeployedModel> waiting = sim.addons()
          .waitUntilDeployed(loading.name());
      for (int step = 0; sim.emulator.journal().requests("GET", path).size() < 2; step++) {
        assertTrue(step < 100, "the waiter polls");
        sim.settle();
        sim.time.advanceToNextTask();
      }
      sim.settle();
      int polls = sim.emulator.journal().requests("GET", path).size();

      assertTrue(waiting.cancel(true));
      sim.advance(Duration.ofHours(1));

      assertEquals(polls, sim.emulator.journal().requests("GET", path).size(), "no poll after the cancel");
      assertEquals(0, sim.time.pendingTasks(), "nothing left scheduled");
    }
  }

  @Test
  void aWaiterCancelledWhileItsPollIsInFlightStopsPolling() {
    try (Sim sim = Sim.start()) {
      DeploymentName name = sim.await(sim.deployments().create(DeploymentsEndToEndTest.LLAMA).deploymentId("mid-flight")
          .submitAsync()).name();
      String path = "/v1/accounts/acme/deployments/mid-flight";
      sim.emulator.journal().clear();
      CompletableFuture<Deployment> waiting = sim.deployments().waitUntilReady(name);
      sim.advance(Duration.ofSeconds(5));
      sim.emulator.faults().inject(Fault.delay(Duration.ofMillis(300)).on("GET", path));
      sim.time.advanceToNextTask(); // the next poll goes out and is held by the emulator
      Bounded.until(Duration.ofSeconds(5), "the held poll reached the emulator", () -> {
        List<RecordedRequest> gets = sim.emulator.journal().requests("GET", path);
        return !gets.isEmpty() && gets.get(gets.size() - 1).fault().isPresent();
      });
      int polls = sim.emulator.journal().requests("GET", path).size();

      assertTrue(waiting.cancel(true));
      sim.awaitIdle(); // the held answer arrives (or its exchange is cancelled)
      sim.advance(Duration.ofHours(2));

      assertEquals(polls, sim.emulator.journal().requests("GET", path).size(), "no poll after the cancel");
      assertEquals(0, sim.time.pendingTasks());
      assertThrows(CancellationException.class, waiting::join, "the caller sees the cancellation, never a late value");
    }
  }
}
