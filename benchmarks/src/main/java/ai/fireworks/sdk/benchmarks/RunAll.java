package ai.fireworks.sdk.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The whole comparison, one phase after another, each contender in its own JVM with its own
 * runtime classpath: starts the loopback servers (separate processes), runs {@link SteadyState}
 * (per request, per event, throughput) per contender, cold starts, the many-in-flight test and the
 * waiter simulation, then prints the table and writes {@code summary.json} (see {@link Report}).
 *
 * <p>{@code RunAll <targetDir> [--quick]}; {@code targetDir} must hold {@code classes/},
 * {@code classpath.txt} (everything), {@code cp-sdk.txt} and {@code cp-openai.txt} (each
 * contender's runtime classpath as a user would get it), written by {@code benchmarks/run}.
 * {@code --quick} shortens every phase (a smoke run; its numbers mean little).
 */
public final class RunAll {
  private final Path target;
  private final Path results;
  private final boolean quick;
  private final String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  private final String classes;
  private final List<String> full;
  private final List<String> sdk;
  private final List<String> openai;

  private final List<String> jackson;

  private RunAll(Path target, boolean quick) throws IOException {
    this.target = target;
    this.results = target.resolve("results");
    this.quick = quick;
    this.classes = target.resolve("classes").toString();
    this.full = readClasspath(target.resolve("classpath.txt"));
    this.sdk = readClasspath(target.resolve("cp-sdk.txt"));
    this.openai = readClasspath(target.resolve("cp-openai.txt"));
    this.jackson = sdk.stream().filter(p -> p.matches(".*/jackson-(core|databind|annotations)-[^/]*\\.jar"))
        .collect(Collectors.toList());
  }

  public static void main(String[] args) throws Exception {
    Path target = Paths.get(args[0]).toAbsolutePath();
    boolean quick = Arrays.asList(args).contains("--quick");
    new RunAll(target, quick).run();
    System.exit(0);
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    Files.createDirectories(results);
    try (Server fast = Server.start(java, classes, 0); Server slow = Server.start(java, classes, 1000)) {
      String url = "http://127.0.0.1:" + fast.port;
      String slowUrl = "http://127.0.0.1:" + slow.port;
      // The figures of one JVM move by tens of percent from run to run on a shared machine: within one
      // run, the raw client's blocking chat read 75, 106 and 129 µs of CPU in its three JVMs, about
      // as far apart as a good and a slow set of compiled code for the HTTP client's selector loop.
      // So every contender whose figures enter a ratio runs in five interleaved rounds (three were
      // too few to tell a 10% goal from that spread) and Report takes the median of each figure.
      int rounds = quick ? 1 : 5;
      phase("Steady state: per request, per event, throughput (" + rounds + " interleaved rounds; each JVM warms up "
          + "until the JIT compiler is quiet)");
      for (int r = 1; r <= rounds; r++) {
        steady(List.of(), classpath("raw"), url, "steady-raw-r" + r, "raw=chat,stream,throughput");
        steady(List.of(), classpath("sdk"), url, "steady-sdk-r" + r, "sdk=chat,stream,throughput,embed");
        steady(List.of(), classpath("openai"), url, "steady-openai-r" + r, "openai=chat,stream,throughput,embed");
        // the raw client's other configurations (the per-request floor is the best of them), and both
        // JDK-based clients without JDK 17's thread per sendAsync completion
        steady(List.of(), classpath("raw"), url, "steady-raw_variants-r" + r, "raw_default=chat", "raw_async=chat");
        // the pair in one JVM, on the same compiled code of the JDK's client: what the SDK itself adds
        steady(List.of(), classpath("sdk"), url, "steady-same_jvm-r" + r, "raw=chat,stream", "sdk=chat,stream");
        for (String c : List.of("raw", "sdk")) {
          steady(List.of(Contender.FJP2_JVM_ARG), classpath(c), url, "steady-" + c + Contender.FJP2 + "-r" + r,
              c + Contender.FJP2 + "=throughput");
        }
      }
      phase("Cold start: JVM launch to first completed request");
      ColdStartRunner cold = new ColdStartRunner(java, url);
      int reps = quick ? 1 : 4;
      for (int i = 0; i < reps; i++) {
        for (String c : List.of("raw", "sdk", "openai")) {
          cold.measure(c, classpath(c));
        }
      }
      Results.write(out("coldstart"), cold.summary());
      Results.write(out("classpath"), Map.of(
          "raw", ClasspathStats.of(jackson, "\0"),
          "sdk", ClasspathStats.of(sdk, "fireworks-sdk-"),
          "openai", ClasspathStats.of(openai, "openai-java")));
      phase("Many in flight: 1,000 async requests, server answers after 1 s, -Xmx256m");
      for (String c : List.of("raw", "sdk", "openai_wide")) {
        child(List.of("-Xmx256m"), classpath(c), "InFlight", c, slowUrl, out("inflight-" + c),
            quick ? "200" : "1000", "60");
      }
    }
    phase("Waiter: GETs and detection lag in simulated time");
    // The emulator is a JDK HttpServer: without TCP_NODELAY each keep-alive answer waits ~40 ms.
    child(List.of("-Dsun.net.httpserver.nodelay=true"), cp(List.of(classes), full), "WaiterBench", out("waiter"),
        quick ? "2" : "8");
    phase("Report");
    Report.main(new String[] {results.toString(), target.resolve("summary.json").toString()});
    System.err.printf("%nfinished in %.0f s%n", (System.nanoTime() - started) / 1e9);
  }

  private void steady(List<String> jvmArgs, List<String> classpath, String url, String name, String... contenders)
      throws Exception {
    List<String> args = new ArrayList<>(List.of("-Xms1g", "-Xmx1g"));
    args.addAll(jvmArgs);
    String[] head = quick ? new String[] {out(name), url, "--quick"} : new String[] {out(name), url};
    child(args, classpath, "SteadyState", cat(head, contenders));
  }

  private List<String> classpath(String contender) {
    List<String> base = new ArrayList<>(List.of(classes));
    switch (contender) {
      case "raw":
      case "raw_default":
      case "raw_async":
      case "raw_fjp2":
        base.addAll(jackson);
        return base;
      case "sdk":
      case "sdk_fjp2":
        base.addAll(sdk);
        return base;
      default:
        base.addAll(openai);
        return base;
    }
  }

  private String out(String name) {
    return results.resolve(name + ".json").toString();
  }

  private static void phase(String title) {
    System.err.println();
    System.err.println("== " + title);
  }

  private void child(List<String> jvmArgs, List<String> classpath, String main, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, classpath));
    cmd.add("ai.fireworks.sdk.benchmarks." + main);
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    if (!p.waitFor(8, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(main + " did not finish within 8 minutes");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(main + " " + String.join(" ", args) + " exited with " + p.exitValue());
    }
  }

  private static String[] cat(String[] a, String[] b) {
    String[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  private static List<String> cp(List<String> a, List<String> b) {
    List<String> r = new ArrayList<>(a);
    r.addAll(b);
    return r;
  }

  static List<String> readClasspath(Path file) throws IOException {
    String s = Files.readString(file).trim();
    return s.isEmpty() ? List.of() : Arrays.stream(s.split(File.pathSeparator)).map(String::trim)
        .filter(x -> !x.isEmpty()).collect(Collectors.toList());
  }

  /** A loopback server in its own process; closing it ends the process. */
  static final class Server implements AutoCloseable {
    final Process process;
    final int port;

    private Server(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    static Server start(String java, String classes, int delayMillis) throws IOException {
      Process p = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1",
          "-cp", classes, LoopbackServer.class.getName(), "--delay-ms", Integer.toString(delayMillis),
          "--max-seconds", "2400")
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
      String line = in.readLine();
      if (line == null || !line.startsWith("PORT ")) {
        p.destroyForcibly();
        throw new IOException("loopback server did not start: " + line);
      }
      return new Server(p, Integer.parseInt(line.substring(5).trim()));
    }

    @Override
    public void close() throws IOException {
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.flush();
      }
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  /** Spawns {@link ColdStart} children and keeps the wall and CPU times to the first request. */
  static final class ColdStartRunner {
    private final String java;
    private final String url;
    private final Map<String, List<double[]>> samples = new TreeMap<>();

    ColdStartRunner(String java, String url) {
      this.java = java;
      this.url = url;
    }

    void measure(String contender, List<String> classpath) throws Exception {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classpath),
          ColdStart.class.getName(), contender, url).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
      String line = in.readLine();
      double wall = (System.nanoTime() - t0) / 1e6;
      if (!"DONE".equals(line)) {
        p.destroyForcibly();
        throw new IllegalStateException("cold start of " + contender + " failed: " + line);
      }
      double cpu = p.toHandle().info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e6;
      p.getOutputStream().close();
      p.waitFor(10, TimeUnit.SECONDS);
      samples.computeIfAbsent(contender, k -> new ArrayList<>()).add(new double[] {wall, cpu});
      System.err.printf("  %-8s %6.0f ms wall  %6.0f ms CPU%n", contender, wall, cpu);
    }

    Map<String, Map<String, Double>> summary() {
      Map<String, Map<String, Double>> m = new TreeMap<>();
      samples.forEach((c, list) -> m.put(c, Map.of(
          "wall_ms_median", median(list, 0),
          "cpu_ms_median", median(list, 1),
          "runs", (double) list.size())));
      return m;
    }

    private static double median(List<double[]> list, int i) {
      return Results.median(list.stream().mapToDouble(a -> a[i]));
    }
  }
}
