package ai.fireworks.sdk.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads Server-Sent Events: {@code data:} lines (several joined with newlines), {@code event:}
 * and {@code id:} fields, comment lines starting with {@code :}, events ended by a blank line
 * (lines end with LF, CR or CRLF). An event cut off by the end of the stream is not returned.
 *
 * <p>Lines are found in a byte buffer and only field values are decoded (UTF-8), straight from
 * it: the usual event, one {@code data:} line, costs one {@code String} and no other copy. Not
 * thread-safe.
 */
public final class SseReader implements AutoCloseable {
  private static final byte[] DATA = {'d', 'a', 't', 'a'};
  private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};
  private static final byte[] ID = {'i', 'd'};

  /** One event. */
  public static final class Event {
    public final String event;
    public final String data;
    public final String id;

    Event(String event, String data, String id) {
      this.event = event;
      this.data = data;
      this.id = id;
    }
  }

  private final InputStream in;
  private byte[] buf = new byte[8192];
  private int pos;
  private int limit;
  private int lineEnd;
  private boolean skipLf;
  private String lastId;

  public SseReader(InputStream in) {
    this.in = in;
  }

  /** The next event, or empty at the end of the stream. */
  public Optional<Event> next() throws IOException {
    String data = null;
    StringBuilder lines = null; // only for an event of several data lines
    String event = null;
    for (int start = nextLine(); start >= 0; start = nextLine()) {
      int end = lineEnd;
      if (start == end) {
        if (data != null) {
          return Optional.of(new Event(event == null ? "message" : event,
              lines == null ? data : lines.toString(), lastId));
        }
        event = null;
        continue;
      }
      if (buf[start] == ':') {
        continue;
      }
      int colon = indexOf(':', start, end);
      int fieldEnd = colon < 0 ? end : colon;
      int value = colon < 0 ? end : colon + 1;
      if (value < end && buf[value] == ' ') {
        value++;
      }
      if (is(DATA, start, fieldEnd)) {
        String text = text(value, end);
        if (data == null) {
          data = text;
        } else {
          lines = (lines == null ? new StringBuilder(data) : lines).append('\n').append(text);
        }
      } else if (is(EVENT, start, fieldEnd)) {
        event = text(value, end);
      } else if (is(ID, start, fieldEnd)) {
        lastId = text(value, end);
      } // "retry" and unknown fields are ignored
    }
    return Optional.empty();
  }

  /**
   * Consumes the next line; returns where it starts in {@link #buf} ({@link #lineEnd} is where it
   * ends, its terminator excluded), or -1 at the end of the stream.
   */
  private int nextLine() throws IOException {
    if (skipLf) { // the previous line ended with CR; an LF right after it belongs to it
      if (pos == limit && !fill()) {
        return -1;
      }
      if (buf[pos] == '\n') {
        pos++;
      }
      skipLf = false;
    }
    int scanned = pos;
    while (true) {
      for (int i = scanned; i < limit; i++) {
        if (buf[i] == '\n' || buf[i] == '\r') {
          int start = pos;
          lineEnd = i;
          skipLf = buf[i] == '\r';
          pos = i + 1;
          return start;
        }
      }
      int scannedPastPos = limit - pos;
      if (!fill()) {
        int start = pos;
        lineEnd = limit;
        pos = limit;
        return start == limit ? -1 : start; // a last line without a terminator still counts
      }
      scanned = pos + scannedPastPos;
    }
  }

  /** Reads more bytes, first moving the unread ones to the front (or growing the buffer); false at the end. */
  private boolean fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    } else if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      return false;
    }
    limit += n;
    return true;
  }

  private int indexOf(char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private boolean is(byte[] name, int from, int to) {
    return Arrays.equals(buf, from, to, name, 0, name.length);
  }

  private String text(int from, int to) {
    return new String(buf, from, to - from, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
