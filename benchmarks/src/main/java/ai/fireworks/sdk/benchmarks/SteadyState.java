package ai.fireworks.sdk.benchmarks;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Steady-state cost of one or more contenders in one JVM: per blocking chat request, per streamed
 * event, and asynchronous closed-loop throughput.
 *
 * <p>It warms every contender up until the JIT compiler has gone quiet: on two cores C2
 * needs 13 to 23 s of this work before it stops compiling, and until then it takes most of a
 * core, so a fixed short warm-up measures the compiler rather than the client. Then it measures
 * short blocks, contenders and measures interleaved, and keeps each figure's median over the
 * blocks. It does so one group of measures at a time ({@link #GROUPS}), then runs the throughput
 * loop. CPU is the whole JVM's (caller, selector and pool threads, GC, JIT); allocation is the
 * sum over live threads, so a thread that starts and ends within a block (the JDK's thread per
 * {@code sendAsync} completion on fewer than 3 CPUs) is not counted.
 *
 * <p>{@code SteadyState <out.json> <baseUrl> [--quick] <contender>=<measure>[,<measure>...] ...},
 * measures being {@code chat}, {@code stream}, {@code embed} (one 64-input embeddings request) and
 * {@code throughput}.
 */
public final class SteadyState {
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /**
   * The blocking measures in the order they are warmed up and measured, a group at a time. A JVM's
   * compiled code for the JDK's HTTP client is shaped by all the work it has run, so each figure
   * is taken before any later group runs: blocking chat and streams after the same warm-up for
   * every contender, embeddings (which only some contenders run) and then the throughput loop
   * (each level warmed on its own) after them.
   */
  private static final List<List<String>> GROUPS = List.of(List.of("chat", "stream"), List.of("embed"));

  private final Map<String, Contender> contenders = new LinkedHashMap<>();
  private final Map<String, List<String>> measures = new LinkedHashMap<>();
  private final boolean quick;

  private SteadyState(boolean quick) {
    this.quick = quick;
  }

  public static void main(String[] args) throws Exception {
    List<String> rest = Arrays.asList(args).subList(2, args.length);
    Results.write(args[0], measure(args[1], rest.contains("--quick"), rest));
    System.exit(0);
  }

  /** Measures the contenders given as {@code name=measure,...} (other arguments are ignored); see the class comment. */
  static Map<String, Object> measure(String baseUrl, boolean quick, List<String> specs) throws InterruptedException {
    SteadyState s = new SteadyState(quick);
    try {
      for (String spec : specs) {
        int eq = spec.indexOf('=');
        if (eq > 0) {
          s.measures.put(spec.substring(0, eq), List.of(spec.substring(eq + 1).split(",")));
          s.contenders.put(spec.substring(0, eq), Contender.create(spec.substring(0, eq), baseUrl));
        }
      }
      return s.run();
    } finally {
      s.contenders.values().forEach(Contender::close);
    }
  }

  private Map<String, Object> run() throws InterruptedException {
    contenders.forEach((name, c) -> {
      Contender.check(c.chat());
      Contender.checkStream(c.stream());
      if (measures.get(name).contains("embed")) {
        Contender.checkEmbed(c.embed());
      }
    });
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Map<String, List<double[]>>> blocks = new LinkedHashMap<>();
    for (List<String> group : GROUPS) {
      Map<String, List<String>> asked = asked(group);
      if (asked.isEmpty()) {
        continue;
      }
      String key = group.equals(GROUPS.get(0)) ? "warmup" : "warmup_" + String.join("_", group);
      out.put(key, warmUp(asked, quick ? 1 : 30));
      for (int b = 0; b < (quick ? 1 : 5); b++) {
        for (Map.Entry<String, List<String>> e : asked.entrySet()) {
          for (String m : e.getValue()) {
            blocks.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).computeIfAbsent(m, k -> new ArrayList<>())
                .add(block(contenders.get(e.getKey()), m, quick ? 0.2 : 1));
          }
        }
      }
    }
    for (Map.Entry<String, Contender> e : contenders.entrySet()) {
      Map<String, Object> figures = new LinkedHashMap<>();
      blocks.getOrDefault(e.getKey(), Map.of()).forEach((m, list) -> {
        figures.put(m, medians(list));
        System.err.printf("  %-12s %-6s wall %8.2f us/op  cpu %8.2f us/op  alloc %9.0f B/op%n", e.getKey(), m,
            median(list, 0), median(list, 1), median(list, 2));
      });
      if (measures.get(e.getKey()).contains("throughput")) {
        for (int concurrency : new int[] {1, 16, 64}) {
          warmLevel(e.getValue(), concurrency);
          Map<String, Double> t = closedLoop(e.getValue(), concurrency, quick ? 0.3 : 2);
          figures.put("c" + concurrency, t);
          System.err.printf("  %-12s c=%-3d %9.0f req/s  %7.1f us CPU/req  (%d errors, %.0f ms compiling)%n",
              e.getKey(), concurrency, t.get("requests_per_second"), t.get("cpu_us_per_request"),
              t.get("errors").longValue(), t.get("jit_ms"));
        }
      }
      out.put(e.getKey(), figures);
    }
    return out;
  }

  /** Each contender's measures of {@code group}, for the contenders that asked for any. */
  private Map<String, List<String>> asked(List<String> group) {
    Map<String, List<String>> asked = new LinkedHashMap<>();
    measures.forEach((name, ms) -> {
      List<String> in = ms.stream().filter(group::contains).collect(Collectors.toList());
      if (!in.isEmpty()) {
        asked.put(name, in);
      }
    });
    return asked;
  }

  /**
   * Runs the {@code asked} measures in rounds of about a second until two rounds in a row cost the
   * compiler under 50 ms each, 5% of a core (at least 4 s, at most {@code maxSeconds}).
   */
  private Map<String, Object> warmUp(Map<String, List<String>> asked, double maxSeconds) throws InterruptedException {
    Warm warm = untilCompilerQuiet(() -> {
      double share = 1.0 / asked.size();
      for (Map.Entry<String, List<String>> e : asked.entrySet()) {
        for (String m : e.getValue()) {
          block(contenders.get(e.getKey()), m, share / e.getValue().size());
        }
      }
    }, 50, Math.min(4, maxSeconds), maxSeconds);
    System.err.printf("  %s warmed up for %.1f s (%s)%n", asked, warm.seconds(),
        warm.quiet() ? "compiler quiet" : "compiler still busy: figures include JIT work");
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("seconds", warm.seconds());
    w.put("compiler_quiet", warm.quiet());
    return w;
  }

  /** One round of warm-up work. */
  @FunctionalInterface
  private interface Round {
    void run() throws InterruptedException;
  }

  /** How long a warm-up took, and whether the compiler went quiet within it. */
  private record Warm(double seconds, boolean quiet) {}

  /**
   * Runs {@code round} until two rounds in a row cost the compiler under {@code quietMs} each, for
   * at least {@code minSeconds} and at most {@code maxSeconds}.
   */
  private static Warm untilCompilerQuiet(Round round, long quietMs, double minSeconds, double maxSeconds)
      throws InterruptedException {
    long start = System.nanoTime();
    int quiet = 0;
    double elapsed = 0;
    while (elapsed < maxSeconds && (quiet < 2 || elapsed < minSeconds)) {
      long jit = JIT.getTotalCompilationTime();
      round.run();
      quiet = JIT.getTotalCompilationTime() - jit < quietMs ? quiet + 1 : 0;
      elapsed = (System.nanoTime() - start) / 1e9;
    }
    return new Warm(elapsed, quiet >= 2);
  }

  /**
   * Blocking calls of {@code measure} ({@code chat}, {@code stream} or {@code embed}) for
   * {@code seconds}: wall µs, CPU µs and bytes allocated per operation (per event for streams).
   */
  private static double[] block(Contender c, String measure, double seconds) {
    boolean stream = measure.equals("stream");
    Map<Long, Long> alloc0 = allocatedByThread();
    long cpu0 = Results.processCpuNanos();
    long t0 = System.nanoTime();
    long deadline = t0 + (long) (seconds * 1e9);
    long ops = 0;
    do {
      if (stream) {
        Contender.checkStream(c.stream());
      } else if (measure.equals("embed")) {
        Contender.checkEmbed(c.embed());
      } else {
        Contender.check(c.chat());
      }
      ops++;
    } while (System.nanoTime() < deadline);
    long wall = System.nanoTime() - t0;
    long cpu = Results.processCpuNanos() - cpu0;
    long allocated = 0;
    for (Map.Entry<Long, Long> e : allocatedByThread().entrySet()) {
      allocated += e.getValue() - alloc0.getOrDefault(e.getKey(), 0L);
    }
    double per = stream ? ops * (double) Payloads.STREAM_CHUNKS : ops;
    return new double[] {wall / 1e3 / per, cpu / 1e3 / per, allocated / per};
  }

  private static Map<Long, Long> allocatedByThread() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    Map<Long, Long> m = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        m.put(ids[i], bytes[i]);
      }
    }
    return m;
  }

  private static Map<String, Double> medians(List<double[]> blocks) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("wall_us_per_op", median(blocks, 0));
    m.put("cpu_us_per_op", median(blocks, 1));
    m.put("alloc_bytes_per_op", median(blocks, 2));
    m.put("blocks", (double) blocks.size());
    return m;
  }

  private static double median(List<double[]> blocks, int figure) {
    return Results.median(blocks.stream().mapToDouble(b -> b[figure]));
  }

  /**
   * Runs the closed loop at {@code concurrency} in half-second windows until two in a row cost the
   * compiler under 25 ms each (at most 10 s). A new level brings new thread interleavings and type
   * profiles: without this, the first 2 s at 64 in flight held 0.5 to 1.6 s of compilation, for
   * the raw client as for the SDK, and the figure measured the compiler.
   */
  private void warmLevel(Contender c, int concurrency) throws InterruptedException {
    untilCompilerQuiet(() -> closedLoop(c, concurrency, quick ? 0.1 : 0.5), 25, 0, quick ? 0.1 : 10);
  }

  /**
   * Closed-loop asynchronous throughput: {@code concurrency} requests in flight, each completion
   * starting the next, for {@code seconds}. Requests per second and process CPU µs per request.
   */
  static Map<String, Double> closedLoop(Contender c, int concurrency, double seconds) throws InterruptedException {
    AtomicBoolean open = new AtomicBoolean(true);
    AtomicLong completed = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    CountDownLatch drained = new CountDownLatch(concurrency);
    long cpu0 = Results.processCpuNanos();
    long jit0 = JIT.getTotalCompilationTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      new Loop(c, open, completed, errors, drained).next();
    }
    long deadline = t0 + (long) (seconds * 1e9);
    while (System.nanoTime() < deadline) {
      Thread.sleep(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
    }
    open.set(false);
    long done = completed.get();
    long elapsed = System.nanoTime() - t0;
    long cpu = Results.processCpuNanos() - cpu0;
    long jit = JIT.getTotalCompilationTime() - jit0;
    if (!drained.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("requests still in flight 30 s after the window closed");
    }
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("requests_per_second", done / (elapsed / 1e9));
    m.put("cpu_us_per_request", done == 0 ? Double.NaN : cpu / 1e3 / done);
    m.put("requests", (double) done);
    m.put("errors", (double) errors.get());
    m.put("jit_ms", (double) jit);
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
      // the handler counts every outcome itself; the future whenComplete derives carries nothing more
      CompletableFuture<String> unused = c.chatAsync().whenComplete((v, e) -> {
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
