package ai.fireworks.sdk.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many in flight: starts {@code n} asynchronous chat requests at once against the slow loopback
 * server (every answer delayed) and records the peak heap in use and the peak number of live
 * threads until all have completed. Meant to run with {@code -Xmx256m}:
 * {@code InFlight <contender> <slowBaseUrl> <out.json> [n] [timeoutSeconds]}.
 */
public final class InFlight {
  private InFlight() {}

  public static void main(String[] args) throws Exception {
    String name = args[0];
    String url = args[1];
    String out = args[2];
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    int timeoutSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("contender", name);
    result.put("requests", n);
    result.put("max_heap_mb", Runtime.getRuntime().maxMemory() / 1e6);
    try (Contender c = Contender.create(name, url)) {
      Contender.check(c.chat());
      System.gc();
      long baseHeap = memory.getHeapMemoryUsage().getUsed();
      int baseThreads = threads.getThreadCount();
      threads.resetPeakThreadCount();
      AtomicLong peakHeap = new AtomicLong(baseHeap);
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      sampler.setDaemon(true);
      sampler.start();
      long t0 = System.nanoTime();
      List<CompletableFuture<String>> futures = new ArrayList<>(n);
      AtomicLong errors = new AtomicLong();
      for (int i = 0; i < n; i++) {
        futures.add(c.chatAsync().whenComplete((v, e) -> {
          if (e != null) {
            errors.incrementAndGet();
          }
        }));
      }
      boolean complete = true;
      try {
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
            .exceptionally(e -> null).get(timeoutSeconds, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        complete = false;
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      sampler.interrupt();
      long ok = futures.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
      result.put("completed", ok);
      result.put("errors", errors.get());
      result.put("all_completed_in_time", complete && ok == n);
      result.put("seconds", seconds);
      result.put("baseline_heap_mb", baseHeap / 1e6);
      result.put("peak_heap_mb", peakHeap.get() / 1e6);
      result.put("baseline_threads", baseThreads);
      result.put("peak_threads", threads.getPeakThreadCount());
      System.err.printf("  %-16s %d/%d ok in %.1f s, peak heap %.0f MB (base %.0f), peak threads %d (base %d)%n",
          name, ok, n, seconds, peakHeap.get() / 1e6, baseHeap / 1e6, threads.getPeakThreadCount(), baseThreads);
    } catch (OutOfMemoryError e) {
      result.put("error", "OutOfMemoryError: " + e.getMessage());
    }
    Results.write(out, result);
    System.exit(0);
  }
}
