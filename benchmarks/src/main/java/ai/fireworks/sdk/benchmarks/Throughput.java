package ai.fireworks.sdk.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop throughput with a fixed number of asynchronous requests in flight: each completion
 * starts the next request until the measuring window closes. Reports requests per second and
 * the JVM's CPU time per request at each concurrency. Runs in its own JVM per contender:
 * {@code Throughput <contender> <baseUrl> <out.json> [warmupSeconds measureSeconds]}.
 */
public final class Throughput {
  private Throughput() {}

  public static void main(String[] args) throws Exception {
    String name = args[0];
    String url = args[1];
    String out = args[2];
    double warmup = args.length > 3 ? Double.parseDouble(args[3]) : 2;
    double measure = args.length > 4 ? Double.parseDouble(args[4]) : 4;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("contender", name);
    try (Contender c = Contender.create(name, url)) {
      Contender.check(c.chat());
      for (int concurrency : new int[] {1, 16, 64}) {
        run(c, concurrency, warmup);
        Map<String, Double> m = run(c, concurrency, measure);
        result.put("c" + concurrency, m);
        System.err.printf("  %-12s c=%-3d %9.0f req/s  %7.1f us CPU/req  (%d errors)%n", name, concurrency,
            m.get("requests_per_second"), m.get("cpu_us_per_request"), m.get("errors").longValue());
      }
    }
    Results.write(out, result);
    System.exit(0);
  }

  private static Map<String, Double> run(Contender c, int concurrency, double seconds) throws InterruptedException {
    AtomicBoolean open = new AtomicBoolean(true);
    AtomicLong completed = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    CountDownLatch drained = new CountDownLatch(concurrency);
    long cpu0 = Results.processCpuNanos();
    long t0 = System.nanoTime();
    List<Loop> loops = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      loops.add(new Loop(c, open, completed, errors, drained));
    }
    loops.forEach(Loop::next);
    long deadline = t0 + (long) (seconds * 1e9);
    while (System.nanoTime() < deadline) {
      Thread.sleep(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
    }
    open.set(false);
    long done = completed.get();
    long elapsed = System.nanoTime() - t0;
    long cpu = Results.processCpuNanos() - cpu0;
    if (!drained.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("requests still in flight 30 s after the window closed");
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("requests_per_second", done / (elapsed / 1e9));
    m.put("cpu_us_per_request", done == 0 ? Double.NaN : cpu / 1e3 / done);
    m.put("requests", (double) done);
    m.put("errors", (double) errors.get());
    return m;
  }

  /** One slot of the closed loop: a request, then the next one from its completion. */
  private static final class Loop {
    final Contender c;
    final AtomicBoolean open;
    final AtomicLong completed;
    final AtomicLong errors;
    final CountDownLatch drained;

    Loop(Contender c, AtomicBoolean open, AtomicLong completed, AtomicLong errors, CountDownLatch drained) {
      this.c = c;
      this.open = open;
      this.completed = completed;
      this.errors = errors;
      this.drained = drained;
    }

    void next() {
      if (!open.get()) {
        drained.countDown();
        return;
      }
      c.chatAsync().whenComplete((v, e) -> {
        if (e != null || !Payloads.ANSWER.equals(v)) {
          if (errors.incrementAndGet() >= 100) {
            open.set(false); // a broken contender: stop rather than spin
          }
        } else if (open.get()) {
          completed.incrementAndGet();
        }
        next();
      });
    }
  }
}
