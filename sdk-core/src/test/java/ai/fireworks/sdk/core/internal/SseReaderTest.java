package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Server-Sent Events as Fireworks streams them, and the edge cases of the format. */
class SseReaderTest {
  private static List<SseReader.Event> read(String stream) throws IOException {
    List<SseReader.Event> out = new ArrayList<>();
    try (SseReader r = new SseReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)))) {
      Optional<SseReader.Event> e;
      while ((e = r.next()).isPresent()) {
        out.add(e.get());
      }
    }
    return out;
  }

  private static List<String> data(String stream) throws IOException {
    List<String> out = new ArrayList<>();
    read(stream).forEach(e -> out.add(e.data));
    return out;
  }

  @Test
  void chunksThenDone() throws Exception {
    String stream = "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"text\":\"Hel\"}]}\n\n"
        + "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"text\":\"lo\",\"finish_reason\":\"stop\"}],\"usage\":{\"total_tokens\":7}}\n\n"
        + "data: [DONE]\n\n";

    List<SseReader.Event> events = read(stream);

    assertEquals(3, events.size());
    assertTrue(events.get(0).data.contains("\"Hel\""));
    assertEquals("[DONE]", events.get(2).data, "[DONE] passes through as data; the caller decides");
    assertEquals("message", events.get(0).event);
  }

  @Test
  void multiLineDataIsJoinedWithNewlines() throws Exception {
    assertEquals(List.of("line one\nline two\n"), data("data: line one\ndata: line two\ndata:\n\n"));
  }

  @Test
  void commentsAndUnknownFieldsAreSkipped() throws Exception {
    assertEquals(List.of("x"), data(": keep-alive\n:\nretry: 3000\nfoo: bar\ndata: x\n\n: trailing comment\n\n"));
  }

  @Test
  void eventAndIdFields() throws Exception {
    List<SseReader.Event> events = read("event: ping\ndata: {}\n\nid: 7\ndata: a\n\ndata: b\n\n");

    assertEquals("ping", events.get(0).event);
    assertNull(events.get(0).id);
    assertEquals("message", events.get(1).event, "the event type resets after each event");
    assertEquals("7", events.get(1).id);
    assertEquals("7", events.get(2).id, "the last event id persists");
  }

  @Test
  void crlfAndCrLineEndings() throws Exception {
    assertEquals(List.of("a", "b\nc"), data("data: a\r\n\r\ndata: b\r\ndata: c\r\n\r\n"));
    assertEquals(List.of("a", "b"), data("data: a\r\rdata: b\r\r"));
  }

  @Test
  void onlyOneSpaceAfterTheColonIsRemoved() throws Exception {
    assertEquals(List.of(" padded", "tight", ""), data("data:  padded\n\ndata:tight\n\ndata\n\n"));
  }

  @Test
  void anEventCutOffByTheEndOfTheStreamIsDropped() throws Exception {
    assertEquals(List.of("complete"), data("data: complete\n\ndata: {\"choices\":[{\"text\":\"partial"));
    assertEquals(List.of("complete"), data("data: complete\n\ndata: whole line but no blank line\n"));
  }

  @Test
  void blankLinesWithoutDataDispatchNothing() throws Exception {
    assertEquals(List.of(), data("\n\n\nevent: x\n\n: c\n\n"));
  }

  @Test
  void emptyStream() throws Exception {
    assertEquals(List.of(), data(""));
  }

  @Test
  void utf8AcrossTheWire() throws Exception {
    assertEquals(List.of("héllo — 你好 🎆"), data("data: héllo — 你好 🎆\n\n"));
  }

  @Test
  void aLineLongerThanTheBuffer() throws Exception {
    String big = "x".repeat(20_000) + "é";

    List<SseReader.Event> events = read("data: a\n\nevent: e\rdata: " + big + "\rdata: b\r\rid: 9\ndata: 你好\n\n");

    assertEquals(List.of("a", big + "\nb", "你好"), events.stream().map(e -> e.data).toList());
    assertEquals("e", events.get(1).event);
    assertEquals("9", events.get(2).id);
  }

  @Test
  @Timeout(10)
  void anEventIsReturnedWithoutWaitingForMoreBytes() throws Exception {
    // The stream never ends: reading past the blank line would block forever.
    PipedOutputStream out = new PipedOutputStream();
    try (SseReader r = new SseReader(new PipedInputStream(out, 64))) {
      out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));

      assertEquals("first", r.next().orElseThrow().data);
    }
  }
}
