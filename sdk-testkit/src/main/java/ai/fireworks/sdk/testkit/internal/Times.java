package ai.fireworks.sdk.testkit.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Timestamps in the protobuf JSON form: RFC 3339 in UTC with 0, 3, 6 or 9 fraction digits. */
public final class Times {
  private Times() {}

  public static String format(Instant t) {
    int nanos = t.getNano();
    Instant whole = t.truncatedTo(ChronoUnit.SECONDS);
    String base = DateTimeFormatter.ISO_INSTANT.format(whole);
    if (nanos == 0) {
      return base;
    }
    String digits = nanos % 1_000_000 == 0 ? String.format("%03d", nanos / 1_000_000)
        : nanos % 1000 == 0 ? String.format("%06d", nanos / 1000) : String.format("%09d", nanos);
    return base.substring(0, base.length() - 1) + "." + digits + "Z";
  }
}
