package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a handler answers: a JSON body, or a list of server-sent events. Written by {@link EmulatorServer}. */
public final class Reply {
  final int status;
  final Map<String, String> headers = new LinkedHashMap<>();
  final JsonNode json;
  final List<String> events;

  private Reply(int status, JsonNode json, List<String> events) {
    this.status = status;
    this.json = json;
    this.events = events;
  }

  /** A JSON answer. */
  public static Reply json(int status, JsonNode body) {
    return new Reply(status, body, null);
  }

  /** A {@code text/event-stream} answer; each element is the data of one event, {@code [DONE]} included. */
  public static Reply events(List<String> data) {
    return new Reply(200, null, List.copyOf(data));
  }

  /** Adds a header. */
  public Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
