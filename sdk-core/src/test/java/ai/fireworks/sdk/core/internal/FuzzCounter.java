package ai.fireworks.sdk.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the inputs each property test generated and appends the totals to
 * {@code target/fuzz-counts.txt} (one {@code class.property count} line each), so the closing
 * note can quote real numbers.
 */
public final class FuzzCounter {
  private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

  private FuzzCounter() {}

  /** Records one generated input for {@code property}. */
  public static void count(String property) {
    COUNTS.computeIfAbsent(property, k -> new AtomicLong()).incrementAndGet();
  }

  /** The count so far for {@code property}. */
  public static long get(String property) {
    AtomicLong n = COUNTS.get(property);
    return n == null ? 0 : n.get();
  }

  /** Appends the counts of properties whose name starts with {@code prefix} and forgets them. */
  public static synchronized void flush(String prefix) {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(COUNTS).forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.append(k).append(' ').append(v.get()).append('\n');
        COUNTS.remove(k);
      }
    });
    try {
      Path file = Path.of("target", "fuzz-counts.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
