package ai.fireworks.sdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.stream.DoubleStream;

/** Small helpers shared by the harnesses: result files and process CPU time. */
final class Results {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private Results() {}

  static void write(String path, Object value) {
    try {
      File f = new File(path);
      if (f.getParentFile() != null) {
        f.getParentFile().mkdirs();
      }
      MAPPER.writeValue(f, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The median of {@code values} (at least one); of an even count, the mean of the middle two. */
  static double median(DoubleStream values) {
    double[] v = values.sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** CPU time of this whole JVM (all threads, GC and JIT included). */
  static long processCpuNanos() {
    return OS.getProcessCpuTime();
  }
}
