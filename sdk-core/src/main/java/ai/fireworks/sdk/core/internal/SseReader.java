package ai.fireworks.sdk.core.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads Server-Sent Events: {@code data:} lines (several joined with newlines), {@code event:}
 * and {@code id:} fields, comment lines starting with {@code :}, events ended by a blank line.
 * An event cut off by the end of the stream is not returned. Not thread-safe.
 */
public final class SseReader implements AutoCloseable {
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

  private final BufferedReader reader;
  private String lastId;

  public SseReader(InputStream in) {
    this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** The next event, or empty at the end of the stream. */
  public Optional<Event> next() throws IOException {
    StringBuilder data = null;
    String event = null;
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          return Optional.of(new Event(event == null ? "message" : event, data.toString(), lastId));
        }
        event = null;
        continue;
      }
      if (line.charAt(0) == ':') {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "data":
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
          break;
        case "event":
          event = value;
          break;
        case "id":
          lastId = value;
          break;
        default:
          break; // "retry" and unknown fields are ignored
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
