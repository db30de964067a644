package ai.fireworks.sdk.examples.fwctl;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * {@code --verbose}: writes the SDK's log records to stderr, one line each, with the API key
 * replaced by {@code ****} should it ever appear (the SDK does not log it; this is a second lock).
 */
final class RedactingLogHandler extends Handler {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private final PrintStream err;
  private final Supplier<String> secret;

  RedactingLogHandler(PrintStream err, Supplier<String> secret) {
    this.err = err;
    this.secret = secret;
  }

  @Override
  public void publish(LogRecord r) {
    if (!isLoggable(r)) {
      return;
    }
    String message = r.getMessage();
    if (r.getParameters() != null && r.getParameters().length > 0) {
      message = java.text.MessageFormat.format(message, r.getParameters());
    }
    StringBuilder line = new StringBuilder()
        .append(TIME.format(r.getInstant())).append(' ')
        .append(r.getLevel().getName()).append(' ')
        .append(r.getLoggerName()).append(": ").append(message);
    if (r.getThrown() != null) {
      line.append(" (").append(r.getThrown()).append(')');
    }
    err.println(Errors.redact(line.toString(), secret.get()));
  }

  @Override
  public void flush() {
    err.flush();
  }

  @Override
  public void close() {
    flush();
  }
}
