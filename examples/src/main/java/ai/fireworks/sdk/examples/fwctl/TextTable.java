package ai.fireworks.sdk.examples.fwctl;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: upper-case headers, columns padded to their widest cell, two spaces apart. */
final class TextTable {
  private final String[] headers;
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... headers) {
    this.headers = headers.clone();
  }

  TextTable row(Object... cells) {
    if (cells.length != headers.length) {
      throw new IllegalStateException("expected " + headers.length + " cells, got " + cells.length);
    }
    String[] r = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      r[i] = cells[i] == null || cells[i].toString().isEmpty() ? "-" : cells[i].toString();
    }
    rows.add(r);
    return this;
  }

  void print(PrintStream out) {
    int[] width = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      width[i] = headers[i].length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    line(out, headers, width);
    for (String[] r : rows) {
      line(out, r, width);
    }
  }

  private static void line(PrintStream out, String[] cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      b.append(cells[i]);
      if (i < cells.length - 1) {
        b.append(" ".repeat(width[i] - cells[i].length() + 2));
      }
    }
    out.println(b);
  }
}
