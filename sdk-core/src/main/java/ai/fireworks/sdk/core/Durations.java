package ai.fireworks.sdk.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Conversions between {@link Duration} and the two text forms the Fireworks tools use: Go's
 * {@code time.ParseDuration} syntax ({@code 300ms}, {@code 1.5h}, {@code 2h45m}), which firectl
 * flags accept, and protobuf JSON ({@code "300s"}, {@code "0.5s"}), which the API sends and
 * receives. Stateless; thread-safe.
 */
public final class Durations {
  private static final Pattern PROTO = Pattern.compile("-?\\d{1,19}(\\.\\d{1,9})?s");
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private Durations() {}

  /**
   * Parses Go duration syntax: a sequence of decimal numbers, each with a unit ({@code ns},
   * {@code us}, {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}), or a bare {@code 0}.
   * Negative durations are rejected: no Fireworks setting takes one.
   *
   * @throws IllegalArgumentException naming the value and what is wrong with it
   */
  public static Duration parseGo(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("duration must not be empty (examples: 30s, 5m, 1h30m)");
    }
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    if (text.charAt(0) == '-') {
      throw new IllegalArgumentException("duration '" + text + "' is negative; a positive duration is required");
    }
    String s = text.charAt(0) == '+' ? text.substring(1) : text;
    if (s.equals("0")) {
      return Duration.ZERO; // Go accepts a signed bare zero too
    }
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    if (s.isEmpty()) {
      throw invalid(text, "no number");
    }
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (isAsciiDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(text, "expected a number at position " + start);
      }
      int unitStart = i;
      while (i < s.length() && !isAsciiDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      long unit = unitNanos(text, s.substring(unitStart, i));
      nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw invalid(text, "it is too long");
    }
    return Duration.ofNanos(nanos.longValue());
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static long unitNanos(String text, String unit) {
    switch (unit) {
      case "ns": return 1L;
      case "us":
      case "µs":
      case "μs": return 1_000L;
      case "ms": return 1_000_000L;
      case "s": return NANOS_PER_SECOND;
      case "m": return 60 * NANOS_PER_SECOND;
      case "h": return 3600 * NANOS_PER_SECOND;
      case "": throw invalid(text, "a unit is missing");
      default: throw invalid(text, "unknown unit '" + unit + "'");
    }
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("duration '" + text + "' is not valid: " + why
        + " (use Go syntax such as 300ms, 30s, 5m, 1.5h, 2h45m; units ns, us, ms, s, m, h)");
  }

  /** Formats like Go's {@code Duration.String()}: {@code 1h0m0s}, {@code 5m0s}, {@code 300ms}. */
  public static String formatGo(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    String sign = d.isNegative() ? "-" : "";
    Duration a = d.abs();
    if (a.compareTo(Duration.ofSeconds(1)) < 0) {
      long n = a.toNanos();
      if (n < 1_000) {
        return sign + n + "ns";
      }
      if (n < 1_000_000) {
        return sign + trim(BigDecimal.valueOf(n, 3)) + "µs";
      }
      return sign + trim(BigDecimal.valueOf(n, 6)) + "ms";
    }
    StringBuilder b = new StringBuilder(sign);
    long hours = a.toHours();
    long minutes = a.toMinutesPart();
    if (hours > 0) {
      b.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      b.append(minutes).append('m');
    }
    b.append(trim(BigDecimal.valueOf(a.toSecondsPart() * NANOS_PER_SECOND + a.toNanosPart(), 9))).append('s');
    return b.toString();
  }

  /** Formats as protobuf JSON: whole or fractional seconds with an {@code s} suffix ({@code "300s"}). */
  public static String toProto(Duration d) {
    BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    return trim(seconds) + "s";
  }

  /**
   * Parses protobuf JSON ({@code "300s"}, {@code "0.5s"}, {@code "-1.25s"}).
   *
   * @throws IllegalArgumentException if {@code text} is not in that form
   */
  public static Duration parseProto(String text) {
    if (text == null || !PROTO.matcher(text).matches()) {
      throw new IllegalArgumentException("duration '" + text + "' is not in protobuf JSON form, such as \"300s\" or \"0.5s\"");
    }
    BigDecimal seconds = new BigDecimal(text.substring(0, text.length() - 1));
    BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
    try {
      return Duration.ofSeconds(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration '" + text + "' is out of range (at most 9223372036854775807s)", e);
    }
  }

  private static String trim(BigDecimal value) {
    BigDecimal t = value.stripTrailingZeros();
    return (t.scale() < 0 ? t.setScale(0) : t).toPlainString();
  }
}
