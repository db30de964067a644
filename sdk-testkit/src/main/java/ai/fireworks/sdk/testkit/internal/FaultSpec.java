package ai.fireworks.sdk.testkit.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** An injected fault as the server applies it; built by the public {@code Fault}. */
public final class FaultSpec {
  /** What happens to a matching request. */
  public enum Kind {
    /** Answer {@code status} with an error body (and headers such as Retry-After) instead of handling it. */
    STATUS,
    /** Close the connection without answering. */
    DROP,
    /** Wait {@code duration} before handling the request. */
    DELAY,
    /** Handle it, but pause {@code duration} between pieces of the body (or between events). */
    SLOW_BODY,
    /** Handle it, send the headers and the first part of the body, then stall for {@code duration}. */
    STALL_BODY,
    /** Handle it, but stop after {@code count} events (streams) or half the body (then drop the connection). */
    TRUNCATE
  }

  final Kind kind;
  final int status;
  final Duration duration;
  final int count;
  final String message;
  final Map<String, String> headers;
  final Predicate<JournalStore.Entry> matcher;
  final String description;
  private final AtomicInteger remaining;

  /**
   * @param times how many matching requests it applies to; negative for all of them
   */
  public FaultSpec(Kind kind, int status, Duration duration, int count, String message, Map<String, String> headers,
      Predicate<JournalStore.Entry> matcher, int times, String description) {
    this.kind = kind;
    this.status = status;
    this.duration = duration;
    this.count = count;
    this.message = message;
    this.headers = Map.copyOf(headers);
    this.matcher = matcher;
    this.remaining = new AtomicInteger(times);
    this.description = description;
  }

  /** Takes one use of the fault if it matches; false if it does not match or is used up. */
  boolean claim(JournalStore.Entry e) {
    if (!matcher.test(e)) {
      return false;
    }
    while (true) {
      int left = remaining.get();
      if (left == 0) {
        return false;
      }
      if (left < 0 || remaining.compareAndSet(left, left - 1)) {
        return true;
      }
    }
  }

  boolean usedUp() {
    return remaining.get() == 0;
  }

  /** Uses left; negative means unlimited. */
  public int remaining() {
    return remaining.get();
  }

  public String description() {
    return description;
  }
}
