package ai.fireworks.sdk.testkit.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Every request the emulator received, oldest first, up to a bound. Thread-safe. */
public final class JournalStore {
  /** Requests beyond this many push out the oldest. */
  public static final int CAPACITY = 200_000;

  /** One received request. Immutable except for the answer, which is set once it is known. */
  public static final class Entry {
    public final long sequence;
    public final String method;
    public final String rawPath;
    public final String rawQuery;
    public final Map<String, List<String>> headers;
    public final byte[] body;
    public final Instant receivedAt;
    public final String requestId;
    private volatile int status;
    private volatile String fault;

    Entry(long sequence, String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
        Instant receivedAt, String requestId) {
      this.sequence = sequence;
      this.method = method;
      this.rawPath = rawPath;
      this.rawQuery = rawQuery;
      this.headers = headers;
      this.body = body;
      this.receivedAt = receivedAt;
      this.requestId = requestId;
    }

    /** HTTP status answered; 0 while being handled, -1 if the connection was dropped. */
    public int status() {
      return status;
    }

    void status(int status) {
      this.status = status;
    }

    /** The injected fault, described, or null. */
    public String fault() {
      return fault;
    }

    void fault(String fault) {
      this.fault = fault;
    }
  }

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long next;

  /** Records a request; {@code headers} must already have the API key removed. */
  public synchronized Entry record(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
      byte[] body, Instant receivedAt, String requestId) {
    Entry e = new Entry(next++, method, rawPath, rawQuery == null ? "" : rawQuery,
        Collections.unmodifiableMap(headers), body, receivedAt, requestId);
    if (entries.size() >= CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(e);
    return e;
  }

  /** A copy of the entries, oldest first. */
  public synchronized List<Entry> snapshot() {
    return new ArrayList<>(entries);
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized void clear() {
    entries.clear();
  }
}
