package ai.fireworks.sdk.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link ChatBenchmark} for one contender with the GC (allocation) and CPU profilers and
 * writes the scores as JSON:
 * {@code JmhMain <contender> <baseUrl> <out.json> [warmupIterations measureIterations iterationSeconds [methods]]},
 * {@code methods} a regex of benchmark methods (default: all). A contender named
 * {@code <name>}{@link Contender#FJP2} runs {@code <name>} with {@link Contender#FJP2_JVM_ARG}.
 * The JMH fork inherits this JVM's classpath, which is the contender's own.
 */
public final class JmhMain {
  private JmhMain() {}

  public static void main(String[] args) throws Exception {
    String contender = args[0];
    String url = args[1];
    String out = args[2];
    int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    int measurements = args.length > 4 ? Integer.parseInt(args[4]) : 4;
    int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 2;
    String methods = args.length > 6 ? args[6] : ".*";
    boolean fjp2 = contender.endsWith(Contender.FJP2);
    Options options = new OptionsBuilder()
        .include(ChatBenchmark.class.getName() + "\\.(" + methods + ")$")
        .param("contender", fjp2 ? contender.substring(0, contender.length() - Contender.FJP2.length()) : contender)
        .forks(1)
        .warmupIterations(warmups)
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(measurements)
        .measurementTime(TimeValue.seconds(seconds))
        .jvmArgsAppend(fjp2
            ? new String[] {"-Dbench.url=" + url, "-Xms1g", "-Xmx1g", Contender.FJP2_JVM_ARG}
            : new String[] {"-Dbench.url=" + url, "-Xms1g", "-Xmx1g"})
        .addProfiler(GCProfiler.class)
        .addProfiler(CpuProfiler.class)
        .verbosity(VerboseMode.SILENT)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    if (results.isEmpty()) {
      throw new IllegalStateException("JMH produced no result for " + contender + " (did the benchmark fail?)");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("contender", contender);
    for (RunResult r : results) {
      BenchmarkResult agg = r.getAggregatedResult();
      String method = r.getParams().getBenchmark().replaceAll(".*\\.", "");
      Map<String, Double> m = new LinkedHashMap<>();
      Result<?> primary = agg.getPrimaryResult();
      // chat: µs per request; stream: µs per event (OperationsPerInvocation = events)
      m.put("wall_us_per_op", primary.getScore());
      m.put("wall_us_per_op_error", primary.getScoreError());
      m.put("alloc_bytes_per_op", score(agg.getSecondaryResults().get("gc.alloc.rate.norm")));
      m.put("cpu_us_per_op", score(agg.getSecondaryResults().get("cpu.time.norm")) / 1e3);
      m.put("gc_count", score(agg.getSecondaryResults().get("gc.count")));
      json.put(method, m);
      System.err.printf("  %-12s %-6s wall %8.2f us/op  cpu %8.2f us/op  alloc %9.0f B/op%n", contender, method,
          m.get("wall_us_per_op"), m.get("cpu_us_per_op"), m.get("alloc_bytes_per_op"));
    }
    Results.write(out, json);
  }

  private static double score(Result<?> r) {
    return r == null ? Double.NaN : r.getScore();
  }
}
