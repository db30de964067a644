package ai.fireworks.sdk.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-request cost of one blocking chat completion (concurrency 1) and per-event cost of a
 * 1,000-event stream, one contender per JMH run (each contender runs with its own classpath).
 * The loopback server's URL comes from the {@code bench.url} system property.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChatBenchmark {
  @Param({"raw", "raw_default", "raw_async", "sdk", "openai"})
  public String contender;

  private Contender client;

  @Setup
  public void setUp() {
    String url = System.getProperty("bench.url");
    if (url == null) {
      throw new IllegalStateException("set -Dbench.url=http://127.0.0.1:<port> (benchmarks/run does)");
    }
    client = Contender.create(contender, url);
    Contender.check(client.chat());
    Contender.checkStream(client.stream());
  }

  @TearDown
  public void tearDown() {
    client.close();
  }

  /** One non-streaming chat completion, blocking. */
  @Benchmark
  public String chat() {
    return client.chat();
  }

  /** One streamed chat completion of 1,000 content events; scores are per event. */
  @Benchmark
  @OperationsPerInvocation(Payloads.STREAM_CHUNKS)
  public int stream() {
    return client.stream();
  }
}
