package ai.fireworks.sdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the phase results in {@code results/}, prints the comparison table and writes
 * {@code summary.json}: every ratio by name at the top level, the target for each and
 * whether it was met, and the raw measurements. {@code Report <resultsDir> <summary.json>}.
 * Missing phases show as {@code n/a} (NaN in JSON is written as null).
 */
public final class Report {
  private final File dir;
  private final StringBuilder table = new StringBuilder();
  private final Map<String, Double> ratios = new LinkedHashMap<>();
  private final Map<String, String> targets = new LinkedHashMap<>();

  private Report(File dir) {
    this.dir = dir;
  }

  public static void main(String[] args) throws IOException {
    Report r = new Report(new File(args[0]));
    r.build();
    System.out.print(r.table);
    r.writeSummary(new File(args[1]));
    System.out.println("summary: " + args[1]);
  }

  /** The results of phase {@code name}; for a phase run in rounds ({@code name-r1}, ...), each figure's median. */
  private JsonNode load(String name) {
    List<JsonNode> rounds = rounds(name);
    return rounds.isEmpty() ? read(new File(dir, name + ".json")) : median(rounds);
  }

  /** The results of each round of phase {@code name} ({@code name-r1}, ...), in order; empty if it ran once. */
  private List<JsonNode> rounds(String name) {
    List<JsonNode> rounds = new ArrayList<>();
    for (int r = 1; new File(dir, name + "-r" + r + ".json").isFile(); r++) {
      rounds.add(read(new File(dir, name + "-r" + r + ".json")));
    }
    return rounds;
  }

  private static JsonNode read(File f) {
    try {
      return f.isFile() ? Results.MAPPER.readTree(f) : Results.MAPPER.createObjectNode();
    } catch (IOException e) {
      return Results.MAPPER.createObjectNode();
    }
  }

  /**
   * Objects merged field by field; numbers replaced by their median (of an even count, the mean of
   * the middle two); booleans true only if true in every round.
   */
  static JsonNode median(List<JsonNode> rounds) {
    JsonNode first = rounds.get(0);
    if (first.isObject()) {
      ObjectNode merged = Results.MAPPER.createObjectNode();
      first.fieldNames().forEachRemaining(k -> merged.set(k,
          median(rounds.stream().map(n -> n.path(k)).filter(n -> !n.isMissingNode()).collect(Collectors.toList()))));
      return merged;
    }
    if (first.isBoolean()) {
      return Results.MAPPER.getNodeFactory().booleanNode(rounds.stream().allMatch(JsonNode::asBoolean));
    }
    if (first.isNumber()) {
      return Results.MAPPER.getNodeFactory().numberNode(
          Results.median(rounds.stream().filter(JsonNode::isNumber).mapToDouble(JsonNode::asDouble)));
    }
    return first;
  }

  private static double num(JsonNode n) {
    return n != null && n.isNumber() ? n.asDouble() : Double.NaN;
  }

  private void build() {
    JsonNode raw = load("steady-raw").path("raw");
    JsonNode rawVariants = load("steady-raw_variants");
    JsonNode sdk = load("steady-sdk").path("sdk");
    JsonNode openai = load("steady-openai").path("openai");
    JsonNode rawFjp2 = load("steady-raw_fjp2").path("raw_fjp2");
    JsonNode sdkFjp2 = load("steady-sdk_fjp2").path("sdk_fjp2");

    line("Per request: non-streaming chat completion, blocking, concurrency 1 (median of blocks, then of rounds)");
    line("  %-32s %12s %12s %14s", "client", "wall us/req", "CPU us/req", "alloc KB/req");
    for (Object[] row : new Object[][] {{"raw JDK (Runnable::run)", raw},
        {"raw JDK (default executor)", rawVariants.path("raw_default")},
        {"raw JDK (sendAsync + join)", rawVariants.path("raw_async")}, {"fireworks SDK", sdk}, {"openai-java", openai}}) {
      JsonNode n = ((JsonNode) row[1]).path("chat");
      line("  %-32s %12s %12s %14s", row[0], f1(num(n.get("wall_us_per_op"))), f1(num(n.get("cpu_us_per_op"))),
          f1(num(n.get("alloc_bytes_per_op")) / 1024));
    }
    line("");
    line("Streaming: 1,000-event SSE chat completion, per event");
    line("  %-28s %12s %12s %14s", "client", "wall us/ev", "CPU us/ev", "alloc B/ev");
    for (Object[] row : new Object[][] {{"raw JDK (Runnable::run)", raw}, {"fireworks SDK", sdk},
        {"openai-java", openai}}) {
      JsonNode n = ((JsonNode) row[1]).path("stream");
      line("  %-28s %12s %12s %14s", row[0], f2(num(n.get("wall_us_per_op"))), f2(num(n.get("cpu_us_per_op"))),
          f0(num(n.get("alloc_bytes_per_op"))));
    }

    double rawCpu = min(min(num(raw.path("chat").get("cpu_us_per_op")),
        num(rawVariants.path("raw_default").path("chat").get("cpu_us_per_op"))),
        num(rawVariants.path("raw_async").path("chat").get("cpu_us_per_op")));
    double rawWall = min(min(num(raw.path("chat").get("wall_us_per_op")),
        num(rawVariants.path("raw_default").path("chat").get("wall_us_per_op"))),
        num(rawVariants.path("raw_async").path("chat").get("wall_us_per_op")));
    ratio("cpu_per_request_sdk_over_raw", num(sdk.path("chat").get("cpu_us_per_op")) / rawCpu, "<= 1.10");
    // the raw client is the floor of wall time; openai-java's wall is reported without a goal
    ratio("wall_per_request_sdk_over_raw", num(sdk.path("chat").get("wall_us_per_op")) / rawWall, "<= 1.10");
    ratio("cpu_per_request_sdk_over_openai", div(sdk, openai, "chat", "cpu_us_per_op"), "<= 1.0");
    ratio("alloc_per_request_sdk_over_openai", div(sdk, openai, "chat", "alloc_bytes_per_op"), "<= 0.5");
    ratio("wall_per_request_sdk_over_openai", div(sdk, openai, "chat", "wall_us_per_op"), null);
    ratio("embed_cpu_per_request_sdk_over_openai", div(sdk, openai, "embed", "cpu_us_per_op"), "<= 0.7");
    ratio("embed_alloc_per_request_sdk_over_openai", div(sdk, openai, "embed", "alloc_bytes_per_op"), "<= 0.3");
    ratio("stream_cpu_per_event_sdk_over_openai", div(sdk, openai, "stream", "cpu_us_per_op"), null);
    ratio("stream_alloc_per_event_sdk_over_openai", div(sdk, openai, "stream", "alloc_bytes_per_op"), null);
    ratio("stream_wall_per_event_sdk_over_openai", div(sdk, openai, "stream", "wall_us_per_op"), null);
    ratio("stream_cpu_per_event_sdk_over_raw", div(sdk, raw, "stream", "cpu_us_per_op"), "<= 1.25");

    line("");
    line("Same JVM: raw JDK and SDK measured in one JVM per round, blocks interleaved (SDK over raw, per round)");
    for (String[] row : new String[][] {{"chat", "cpu_us_per_op", "cpu_per_request_sdk_over_raw_same_jvm"},
        {"chat", "wall_us_per_op", "wall_per_request_sdk_over_raw_same_jvm"},
        {"stream", "cpu_us_per_op", "stream_cpu_per_event_sdk_over_raw_same_jvm"}}) {
      List<Double> rounds = sameJvm(row[0], row[1]);
      line("  %-44s %s", row[2], rounds.stream().map(Report::f2).collect(Collectors.joining(" ")));
      ratio(row[2], rounds.isEmpty() ? Double.NaN : Results.median(rounds.stream().mapToDouble(d -> d)), null);
    }

    line("");
    line("Throughput: asynchronous closed loop (requests/s; CPU us/req in brackets)");
    line("  %-32s %18s %18s %18s", "client", "c=1", "c=16", "c=64");
    for (Object[] row : new Object[][] {{"raw", raw}, {"raw_fjp2", rawFjp2}, {"sdk", sdk},
        {"sdk_fjp2", sdkFjp2}, {"openai", openai}}) {
      JsonNode t = (JsonNode) row[1];
      line("  %-32s %18s %18s %18s", label((String) row[0]), tp(t.path("c1")), tp(t.path("c16")), tp(t.path("c64")));
    }
    ratio("throughput_c64_sdk_over_raw", div(sdk, raw, "c64", "requests_per_second"), ">= 0.9");
    ratio("throughput_c64_sdk_fjp2_over_raw_fjp2",
        div(sdkFjp2, rawFjp2, "c64", "requests_per_second"), ">= 0.9");
    ratio("throughput_c64_sdk_over_openai", div(sdk, openai, "c64", "requests_per_second"), null);
    line("");
    line("Warm-up before blocking chat and streams (seconds until the JIT compiler was quiet; median of rounds)");
    for (String c : new String[] {"raw", "sdk", "openai", "raw_variants", "same_jvm"}) {
      JsonNode w = load("steady-" + c).path("warmup");
      line("  %-32s %8s s%s", c, f1(num(w.get("seconds"))),
          w.path("compiler_quiet").asBoolean(true) ? "" : "  (compiler still busy: figures include JIT work)");
    }

    JsonNode cold = load("coldstart");
    JsonNode cp = load("classpath");
    line("");
    line("Cold start (median of runs: JVM launch to first completed request) and runtime classpath");
    line("  %-28s %12s %12s %8s %14s %8s", "client", "wall ms", "CPU ms", "jars", "third-party", "MB");
    for (String c : new String[] {"raw", "sdk", "openai"}) {
      JsonNode k = cp.path(c);
      line("  %-28s %12s %12s %8s %14s %8s", label(c), f0(num(cold.path(c).get("wall_ms_median"))),
          f0(num(cold.path(c).get("cpu_ms_median"))), k.has("jars") ? k.get("jars").asText() : "",
          k.has("third_party_jars") ? k.get("third_party_jars").asText() : "", k.has("mb") ? f2(num(k.get("mb"))) : "");
    }
    ratio("cold_start_sdk_over_openai", num(cold.path("sdk").get("wall_ms_median"))
        / num(cold.path("openai").get("wall_ms_median")), "<= 0.65");
    ratio("cold_start_cpu_sdk_over_openai", num(cold.path("sdk").get("cpu_ms_median"))
        / num(cold.path("openai").get("cpu_ms_median")), null);
    ratio("classpath_jars_sdk", num(cp.path("sdk").get("third_party_jars")), "<= 5");
    ratio("classpath_jars_sdk_total", num(cp.path("sdk").get("jars")), null);
    ratio("classpath_mb_sdk", num(cp.path("sdk").get("mb")), "<= 3");
    ratio("classpath_jars_openai", num(cp.path("openai").get("jars")), null);
    ratio("classpath_mb_openai", num(cp.path("openai").get("mb")), null);

    line("");
    line("Many in flight: 1,000 asynchronous requests at once, server answers after 1 s, -Xmx256m");
    line("  %-28s %10s %8s %14s %14s", "client", "completed", "seconds", "peak heap MB", "peak threads");
    for (String c : new String[] {"raw", "sdk", "openai_wide"}) {
      JsonNode f = load("inflight-" + c);
      line("  %-28s %10s %8s %14s %14s", label(c), f.has("completed") ? f.get("completed").asText() : "n/a",
          f1(num(f.get("seconds"))), f0(num(f.get("peak_heap_mb"))),
          f.has("peak_threads") ? f.get("peak_threads").asText() : (f.has("error") ? f.get("error").asText() : "n/a"));
    }
    JsonNode inSdk = load("inflight-sdk");
    ratio("inflight_peak_heap_mb_sdk", num(inSdk.get("peak_heap_mb")), "< 256");
    ratio("inflight_peak_threads_sdk", num(inSdk.get("peak_threads")), null);
    ratio("inflight_peak_threads_openai", num(load("inflight-openai_wide").get("peak_threads")), null);

    JsonNode w = load("waiter");
    line("");
    line("Waiter: deployment READY after T of simulated time (mean over " + w.path("trials").asText("?")
        + " trials, ready time spread over one 9 s polling period)");
    line("  %-28s %20s %20s %20s", "strategy", "30 s: GETs / lag s", "5 min: GETs / lag s", "30 min: GETs / lag s");
    for (String s : new String[] {"sdk", "fixed_1s", "fixed_9s"}) {
      line("  %-28s %20s %20s %20s", label(s), wl(w.path("30s").path(s)), wl(w.path("5min").path(s)),
          wl(w.path("30min").path(s)));
    }
    for (String t : new String[] {"30s", "5min", "30min"}) {
      ratio("waiter_gets_" + t + "_sdk_over_9s_polling", num(w.path(t).path("sdk").get("gets"))
          / num(w.path(t).path("fixed_9s").get("gets")), "< 1");
      ratio("waiter_mean_lag_" + t + "_sdk_over_9s_polling", num(w.path(t).path("sdk").get("mean_lag_s"))
          / num(w.path(t).path("fixed_9s").get("mean_lag_s")), "< 1");
    }

    line("");
    line("Ratios (target from the issue; * = missed)");
    ratios.forEach((k, v) -> {
      String t = targets.get(k);
      String mark = t == null ? "" : met(v, t) ? "  ok  " + t : "  *   " + t;
      line("  %-44s %10s%s", k, f2(v), mark);
    });
  }

  private static String label(String c) {
    switch (c) {
      case "raw": return "raw JDK (Runnable::run)";
      case "sdk": return "fireworks SDK";
      case "sdk_fjp2": return "fireworks SDK, FJ parallelism 2";
      case "raw_fjp2": return "raw JDK, FJ parallelism 2";
      case "openai": return "openai-java (defaults)";
      case "openai_wide": return "openai-java (2000/host)";
      case "fixed_1s": return "fixed 1 s polling";
      case "fixed_9s": return "fixed 9 s polling";
      default: return c;
    }
  }

  private static String tp(JsonNode n) {
    double rps = num(n.get("requests_per_second"));
    return Double.isNaN(rps) ? "n/a" : String.format(Locale.ROOT, "%.0f (%.0f)", rps, num(n.get("cpu_us_per_request")));
  }

  private static String wl(JsonNode n) {
    return n.has("gets") ? String.format(Locale.ROOT, "%.1f / %.2f", num(n.get("gets")), num(n.get("mean_lag_s")))
        : "n/a";
  }

  private static double div(JsonNode a, JsonNode b, String bench, String field) {
    return num(a.path(bench).get(field)) / num(b.path(bench).get(field));
  }

  /**
   * Each round's SDK figure over the raw client's from the same JVM ({@code steady-same_jvm-r<i>}):
   * both then run on the same compiled code of the JDK's HTTP client, so the ratio is the SDK's
   * own cost and not which JVM happened to compile that code better.
   */
  private List<Double> sameJvm(String bench, String field) {
    return rounds("steady-same_jvm").stream().map(n -> div(n.path("sdk"), n.path("raw"), bench, field))
        .collect(Collectors.toList());
  }

  private static double min(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
  }

  private void ratio(String name, double value, String target) {
    ratios.put(name, value);
    if (target != null) {
      targets.put(name, target);
    }
  }

  /** Whether {@code v} meets {@code target} ({@code "<= 1.1"}, {@code ">= 0.9"}, ...); NaN never does. */
  static boolean met(double v, String target) {
    String[] p = target.split(" ");
    double bound = Double.parseDouble(p[1]);
    switch (p[0]) {
      case "<=": return v <= bound;
      case "<": return v < bound;
      case ">=": return v >= bound;
      default: return v > bound;
    }
  }

  private void writeSummary(File file) throws IOException {
    ObjectNode root = Results.MAPPER.createObjectNode();
    ratios.forEach((k, v) -> {
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        root.putNull(k);
      } else {
        root.put(k, Math.round(v * 1000) / 1000.0);
      }
    });
    ObjectNode t = root.putObject("targets");
    targets.forEach((k, v) -> t.putObject(k).put("target", v).put("met", met(ratios.get(k), v)));
    ObjectNode m = root.putObject("measurements");
    File[] files = dir.listFiles((d, n) -> n.endsWith(".json"));
    if (files != null) {
      java.util.Arrays.sort(files);
      for (File f : files) {
        m.set(f.getName().replace(".json", ""), load(f.getName().replace(".json", "")));
      }
    }
    Results.write(file.getPath(), root);
  }

  private void line(String format, Object... args) {
    table.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  private static String f0(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
  }

  private static String f1(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String f2(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }
}
