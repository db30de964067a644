package ai.fireworks.sdk.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.fireworks.sdk.core.ApiException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every record logged under {@code ai.fireworks.sdk} at {@link Level#ALL} and scans
 * strings (messages, {@code toString}s, stack traces, cause chains, log records) for secrets (the
 * API key, direct-route keys). Counts what it scanned.
 */
final class SecretScanner implements AutoCloseable {
  private final List<String> secrets;
  /** Held strongly: java.util.logging keeps loggers only weakly. */
  private final Logger sdkLogger = Logger.getLogger("ai.fireworks.sdk");
  private final Level previousLevel = sdkLogger.getLevel();
  private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      records.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private int strings;
  private int throwables;

  SecretScanner(String... secrets) {
    this.secrets = List.of(secrets);
    handler.setLevel(Level.ALL);
    sdkLogger.setLevel(Level.ALL);
    sdkLogger.addHandler(handler);
  }

  /** Asserts that {@code text} contains none of the secrets. */
  synchronized void scan(String what, String text) {
    strings++;
    for (String secret : secrets) {
      assertFalse(text != null && text.contains(secret), what + " contains a secret: " + text);
    }
  }

  /** Scans {@code o.toString()}, or all of a throwable. */
  void scan(String what, Object o) {
    if (o instanceof Throwable) {
      scanThrowable(what, (Throwable) o);
    } else {
      scan(what + ".toString", String.valueOf(o));
    }
  }

  private void scanThrowable(String what, Throwable top) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    StringWriter trace = new StringWriter();
    top.printStackTrace(new PrintWriter(trace));
    scan(what + " stack trace", trace.toString());
    for (Throwable t = top; t != null && seen.add(t); t = t.getCause()) {
      synchronized (this) {
        throwables++;
      }
      String name = what + " (" + t.getClass().getSimpleName() + ")";
      scan(name + " message", t.getMessage());
      scan(name + " localized message", t.getLocalizedMessage());
      scan(name + " toString", t.toString());
      for (Throwable s : t.getSuppressed()) {
        scanThrowable(name + " suppressed", s);
      }
      if (t instanceof ApiException) {
        ApiException a = (ApiException) t;
        scan(name + " errorMessage", a.errorMessage());
        scan(name + " body", a.body());
        scan(name + " headers", a.headers().toString());
      }
    }
  }

  /** Scans every log record captured so far: formatted line, raw message, parameters and thrown chain. */
  int scanLogs() {
    SimpleFormatter formatter = new SimpleFormatter();
    List<LogRecord> copy;
    synchronized (records) {
      copy = new ArrayList<>(records);
    }
    for (LogRecord r : copy) {
      scan("log line", formatter.format(r));
      scan("log message", r.getMessage());
      if (r.getParameters() != null) {
        for (Object p : r.getParameters()) {
          scan("log parameter", p);
        }
      }
      if (r.getThrown() != null) {
        scan("logged exception", r.getThrown());
      }
    }
    return copy.size();
  }

  synchronized int strings() {
    return strings;
  }

  synchronized int throwables() {
    return throwables;
  }

  int records() {
    return records.size();
  }

  @Override
  public void close() {
    sdkLogger.removeHandler(handler);
    sdkLogger.setLevel(previousLevel);
  }
}
