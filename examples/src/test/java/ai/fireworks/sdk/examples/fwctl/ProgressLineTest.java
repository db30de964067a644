package ai.fireworks.sdk.examples.fwctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void onATerminalOneLineIsRewrittenAndPaddedOverLongerText() {
    ProgressLine line = new ProgressLine(err, true);
    line.update("CREATING replicas 0/1, elapsed 1s");
    line.update("READY, elapsed 2s");
    line.finish();

    assertEquals("\rCREATING replicas 0/1, elapsed 1s\rREADY, elapsed 2s" + " ".repeat(16) + System.lineSeparator(),
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void elsewhereEachUpdateIsALineAndRepeatsAreDropped() {
    ProgressLine line = new ProgressLine(err, false);
    line.update("CREATING");
    line.update("CREATING");
    line.update("READY");
    line.finish();

    assertEquals("CREATING" + System.lineSeparator() + "READY" + System.lineSeparator(),
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aProcessWhoseOutputIsCapturedIsNotOnATerminal() {
    // surefire pipes this JVM's output; from JDK 22 System.console() exists anyway, and only
    // Console.isTerminal() says that it is not a terminal
    assertEquals(false, Context.onTerminal());
  }

  @Test
  void finishWithoutUpdatesPrintsNothing() {
    new ProgressLine(err, true).finish();
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }
}
