package ai.fireworks.sdk.examples.fwctl;

import java.io.PrintStream;

/**
 * Progress reporting on stderr. On a terminal one line is rewritten in place (carriage return and
 * padding over the previous text); otherwise every update is its own line, so logs stay readable.
 * Thread-safe: updates may come from the SDK's callback threads.
 */
final class ProgressLine {
  private final PrintStream err;
  private final boolean terminal;
  private int lastLength;
  private String last;

  ProgressLine(PrintStream err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** Shows {@code text} as the current progress. Identical consecutive lines are printed once when not on a terminal. */
  synchronized void update(String text) {
    if (terminal) {
      StringBuilder b = new StringBuilder("\r").append(text);
      for (int i = text.length(); i < lastLength; i++) {
        b.append(' ');
      }
      err.print(b);
      err.flush();
      lastLength = text.length();
    } else if (!text.equals(last)) {
      err.println(text);
    }
    last = text;
  }

  /** Ends the updating line so later output starts on a fresh line. */
  synchronized void finish() {
    if (terminal && lastLength > 0) {
      err.println();
      lastLength = 0;
    }
  }
}
