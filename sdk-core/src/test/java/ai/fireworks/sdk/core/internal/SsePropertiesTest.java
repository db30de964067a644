package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated streams for the SSE reader: arbitrary bytes never make it throw; any list of events,
 * written with any line ending, comments in between and delivered in arbitrary small chunks,
 * reads back exactly; cutting the final blank line drops only the last event.
 */
class SsePropertiesTest {
  /** Text without CR or LF, including multi-byte UTF-8 (é, 你, 🎆) and JSON punctuation. */
  private static final String TEXT = "abcxyzABC0129 {}[]\":,.-_é你🎆";

  @AfterContainer
  static void report() {
    FuzzCounter.flush("sse.");
  }

  /** One event as the test writes it. */
  static final class Ev {
    final String event;
    final List<String> lines;
    final boolean commentBefore;

    Ev(String event, List<String> lines, boolean commentBefore) {
      this.event = event;
      this.lines = lines;
      this.commentBefore = commentBefore;
    }
  }

  /** An input stream that hands out at most a random 1-7 bytes per read, like a slow network. */
  static final class Dribble extends InputStream {
    private final byte[] bytes;
    private final Random random;
    private int pos;

    Dribble(byte[] bytes, long seed) {
      this.bytes = bytes;
      this.random = new Random(seed);
    }

    @Override
    public int read() {
      return pos < bytes.length ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + random.nextInt(7)), bytes.length - pos);
      System.arraycopy(bytes, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  private static List<SseReader.Event> readAll(InputStream in) throws IOException {
    List<SseReader.Event> out = new ArrayList<>();
    try (SseReader r = new SseReader(in)) {
      Optional<SseReader.Event> e;
      while ((e = r.next()).isPresent()) {
        out.add(e.get());
      }
    }
    return out;
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.of(TEXT.codePoints().mapToObj(Character::toString).toArray(String[]::new))
        .list().ofMaxSize(20).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Ev> event() {
    Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.just(null),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8));
    return Combinators.combine(name, text().list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(true, false))
        .as(Ev::new);
  }

  private static String write(List<Ev> events, String eol, boolean finalBlankLine) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < events.size(); i++) {
      Ev e = events.get(i);
      if (e.commentBefore) {
        s.append(": keep-alive").append(eol);
      }
      if (e.event != null) {
        s.append("event: ").append(e.event).append(eol);
      }
      for (String line : e.lines) {
        s.append("data: ").append(line).append(eol);
      }
      if (i < events.size() - 1 || finalBlankLine) {
        s.append(eol);
      }
    }
    return s.toString();
  }

  @Property(tries = 1000)
  void eventsReadBackExactly(@ForAll("events") List<Ev> events, @ForAll("eol") String eol, @ForAll long seed)
      throws IOException {
    FuzzCounter.count("sse.roundTrip");
    byte[] bytes = write(events, eol, true).getBytes(StandardCharsets.UTF_8);

    List<SseReader.Event> read = readAll(new Dribble(bytes, seed));

    assertEquals(events.size(), read.size());
    for (int i = 0; i < events.size(); i++) {
      assertEquals(String.join("\n", events.get(i).lines), read.get(i).data);
      assertEquals(events.get(i).event == null ? "message" : events.get(i).event, read.get(i).event);
    }
  }

  @Property(tries = 500)
  void aMissingFinalBlankLineDropsOnlyTheLastEvent(@ForAll("events") List<Ev> events, @ForAll("eol") String eol)
      throws IOException {
    FuzzCounter.count("sse.truncated");
    byte[] bytes = write(events, eol, false).getBytes(StandardCharsets.UTF_8);

    List<SseReader.Event> read = readAll(new ByteArrayInputStream(bytes));

    assertEquals(events.size() - 1, read.size());
    for (int i = 0; i < read.size(); i++) {
      assertEquals(String.join("\n", events.get(i).lines), read.get(i).data);
    }
  }

  @Provide
  Arbitrary<List<Ev>> events() {
    return event().list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<String> eol() {
    return Arbitraries.of("\n", "\r\n", "\r");
  }

  @Property(tries = 1500)
  void arbitraryBytesNeverBreakTheReader(@ForAll byte[] bytes, @ForAll long seed) throws IOException {
    FuzzCounter.count("sse.randomBytes");
    for (SseReader.Event e : readAll(new Dribble(bytes, seed))) {
      assertNotNull(e.data);
      assertNotNull(e.event);
    }
  }

  @Provide
  Arbitrary<String> sseLike() {
    return Arbitraries.oneOf(Arbitraries.of("data:", "data: ", "event:", "id:", "retry:", ":", "\n", "\n", "\r",
        "\r\n", " ", "[DONE]", "{\"a\":1}", "data", "\u0000", "\ufeff"), text()).list().ofMaxSize(30)
        .map(l -> String.join("", l));
  }

  @Property(tries = 1500)
  void arbitrarySseLikeTextNeverBreaksTheReader(@ForAll("sseLike") String text, @ForAll long seed) throws IOException {
    FuzzCounter.count("sse.randomText");
    List<SseReader.Event> chunked = readAll(new Dribble(text.getBytes(StandardCharsets.UTF_8), seed));
    List<SseReader.Event> whole = readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

    assertEquals(whole.size(), chunked.size(), "chunking must not change what is read");
    for (int i = 0; i < whole.size(); i++) {
      assertEquals(whole.get(i).data, chunked.get(i).data);
      assertEquals(whole.get(i).event, chunked.get(i).event);
    }
  }
}
