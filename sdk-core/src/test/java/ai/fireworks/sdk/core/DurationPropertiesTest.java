package ai.fireworks.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.internal.FuzzCounter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated inputs for the Go and protobuf duration parsers: random text parses or is refused
 * with {@link IllegalArgumentException} and only text in the grammar parses; valid durations
 * round-trip through both text forms.
 */
class DurationPropertiesTest {
  /** Go's time.ParseDuration grammar, restricted to non-negative values as the SDK documents. */
  private static final Pattern GO = Pattern.compile(
      "\\+?0|\\+?(([0-9]+\\.?[0-9]*|\\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+");
  private static final Pattern PROTO = Pattern.compile("-?[0-9]{1,19}(\\.[0-9]{1,9})?s");
  private static final Map<String, Long> UNIT_NANOS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L,
      "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  @AfterContainer
  static void report() {
    FuzzCounter.flush("durations.");
  }

  @Provide
  Arbitrary<String> durationLike() {
    Arbitrary<String> token = Arbitraries.oneOf(
        Arbitraries.of("ns", "us", "\u00b5s", "\u03bcs", "ms", "s", "m", "h", ".", "+", "-", "0", "1", "5", "30",
            "1.5", "9999999999", "\u0663", "\uff15", " ", "x", "d", "e3", ""),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4),
        Arbitraries.strings().all().ofMaxLength(3));
    return token.list().ofMaxSize(8).map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void goParserAcceptsExactlyTheGrammar(@ForAll("durationLike") String text) {
    FuzzCounter.count("durations.go.random");
    boolean inGrammar = GO.matcher(text).matches();
    try {
      Duration d = Durations.parseGo(text);
      FuzzCounter.count("durations.go.random.parsed");
      assertTrue(inGrammar, "accepted '" + text + "' outside the grammar as " + d);
      assertFalse(d.isNegative());
    } catch (IllegalArgumentException e) {
      assertTrue(!inGrammar || e.getMessage().contains("too long"), "refused '" + text + "': " + e.getMessage());
      assertTrue(e.getMessage().contains("duration"), e.getMessage());
    }
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<BigDecimal, String>>> goComponents() {
    Arbitrary<String> unit = Arbitraries.of("us", "\u00b5s", "ms", "s", "m", "h");
    Arbitrary<BigDecimal> value = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(10_000))
        .ofScale(3);
    Arbitrary<Tuple.Tuple2<BigDecimal, String>> fractional = Combinators.combine(value, unit).as(Tuple::of);
    Arbitrary<Tuple.Tuple2<BigDecimal, String>> wholeNanos = Arbitraries.longs().between(0, 1_000_000)
        .map(n -> Tuple.of(BigDecimal.valueOf(n), "ns"));
    return Arbitraries.oneOf(fractional, wholeNanos).list().ofMinSize(1).ofMaxSize(5);
  }

  @Property(tries = 1500)
  void goComponentsAddUp(@ForAll("goComponents") List<Tuple.Tuple2<BigDecimal, String>> parts) {
    FuzzCounter.count("durations.go.components");
    StringBuilder text = new StringBuilder();
    BigDecimal nanos = BigDecimal.ZERO;
    for (Tuple.Tuple2<BigDecimal, String> p : parts) {
      text.append(p.get1().toPlainString()).append(p.get2());
      nanos = nanos.add(p.get1().multiply(BigDecimal.valueOf(UNIT_NANOS.get(p.get2()))));
    }

    assertEquals(Duration.ofNanos(nanos.longValueExact()), Durations.parseGo(text.toString()), text.toString());
  }

  @Provide
  Arbitrary<Duration> goRange() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, Long.MAX_VALUE),
        Arbitraries.longs().between(0, 10_000_000_000L),
        Arbitraries.longs().between(0, 86_400).map(s -> s * 1_000_000_000L),
        Arbitraries.longs().between(0, 1_000_000))
        .map(Duration::ofNanos);
  }

  @Property(tries = 1500)
  void formatGoRoundTrips(@ForAll("goRange") Duration d) {
    FuzzCounter.count("durations.go.roundTrip");
    String text = Durations.formatGo(d);

    assertTrue(GO.matcher(text).matches(), text);
    assertEquals(d, Durations.parseGo(text), text);
  }

  @Provide
  Arbitrary<Duration> anyDuration() {
    Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-100_000, 100_000));
    Arbitrary<Long> nanos = Arbitraries.oneOf(Arbitraries.longs().between(0, 999_999_999), Arbitraries.just(0L),
        Arbitraries.of(500_000_000L, 1L, 999_999_999L));
    return Combinators.combine(seconds, nanos).as(Duration::ofSeconds);
  }

  @Property(tries = 1500)
  void protoRoundTrips(@ForAll("anyDuration") Duration d) {
    FuzzCounter.count("durations.proto.roundTrip");
    String text = Durations.toProto(d);

    assertTrue(PROTO.matcher(text).matches(), text);
    assertEquals(d, Durations.parseProto(text), text);
  }

  @Property(tries = 2000)
  void protoParserParsesOrRefuses(@ForAll("durationLike") String text) {
    FuzzCounter.count("durations.proto.random");
    try {
      Duration d = Durations.parseProto(text);
      FuzzCounter.count("durations.proto.random.parsed");
      assertTrue(PROTO.matcher(text).matches(), text);
      assertEquals(d, Durations.parseProto(Durations.toProto(d)));
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("duration"), e.getMessage());
    }
  }

  @Property(tries = 1000)
  void protoNumbersAtTheEdgeOfTheRangeParseOrAreRefused(@ForAll("edgeProto") String text) {
    FuzzCounter.count("durations.proto.edges");
    try {
      Durations.parseProto(text);
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains(text), e.getMessage());
    }
  }

  @Provide
  Arbitrary<String> edgeProto() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(18).ofMaxLength(20);
    Arbitrary<String> frac = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(10);
    return Combinators.combine(Arbitraries.of("", "-"), digits, frac)
        .as((sign, whole, f) -> sign + whole + (f.isEmpty() ? "" : "." + f) + "s");
  }
}
