package ai.fireworks.sdk.examples.fwctl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A compact {@code key: value} listing with aligned values; absent values are left out. */
final class KeyValues {
  private final List<String[]> rows = new ArrayList<>();

  KeyValues add(String key, Object value) {
    if (value instanceof Optional) {
      ((Optional<?>) value).ifPresent(v -> add(key, v));
    } else if (value != null && !value.toString().isEmpty()) {
      rows.add(new String[] {key, value.toString()});
    }
    return this;
  }

  void print(PrintStream out) {
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 1;
    for (String[] r : rows) {
      out.println(String.format("%-" + width + "s %s", r[0] + ":", r[1]));
    }
  }
}
