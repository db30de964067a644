package ai.fireworks.sdk.testkit;

import ai.fireworks.sdk.testkit.internal.FaultSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A failure to inject into the emulator's answers, for the next request by default. Immutable:
 * every modifier returns a new fault. Give it to {@link Faults#inject(Fault)}:
 *
 * <pre>{@code
 * emulator.faults().inject(Fault.rateLimited(Duration.ofSeconds(2)).times(2));
 * emulator.faults().inject(Fault.serverError(503).on("GET", "/v1/accounts/acme/deployments/*"));
 * emulator.faults().inject(Fault.dropConnection().on("POST", "/inference/**"));
 * emulator.faults().inject(Fault.truncateStream(3));
 * }</pre>
 *
 * <p>Faults that shape the body ({@link #slowBody}, {@link #stallBody}, {@link #truncateStream})
 * and {@link #delay} run in real time on the emulator's handler thread: they imitate the network,
 * not the emulated deployments.
 */
public final class Fault {
  private final FaultSpec.Kind kind;
  private final int status;
  private final Duration duration;
  private final int count;
  private final String message;
  private final Map<String, String> headers;
  private final String method;
  private final String pathGlob;
  private final Predicate<RecordedRequest> predicate;
  private final int times;

  private Fault(FaultSpec.Kind kind, int status, Duration duration, int count, String message,
      Map<String, String> headers, String method, String pathGlob, Predicate<RecordedRequest> predicate, int times) {
    this.kind = kind;
    this.status = status;
    this.duration = duration;
    this.count = count;
    this.message = message;
    this.headers = headers;
    this.method = method;
    this.pathGlob = pathGlob;
    this.predicate = predicate;
    this.times = times;
  }

  private static Fault of(FaultSpec.Kind kind, int status, Duration duration, int count, String message) {
    return new Fault(kind, status, duration, count, message, Map.of(), null, null, null, 1);
  }

  /**
   * Answers 429 with {@code Retry-After} (whole seconds, rounded up) and the endpoint's error
   * body (google.rpc {@code RESOURCE_EXHAUSTED} on the control plane, {@code {"error":...}} on
   * inference).
   */
  public static Fault rateLimited(Duration retryAfter) {
    long seconds = (nonNegative("retryAfter", retryAfter).toMillis() + 999) / 1000;
    return of(FaultSpec.Kind.STATUS, 429, Duration.ZERO, 0, "Over quota: too many requests (injected fault)")
        .header("Retry-After", Long.toString(seconds));
  }

  /**
   * Answers {@code status} (4xx or 5xx) with the endpoint's error body.
   *
   * @throws IllegalArgumentException if {@code status} is not between 400 and 599
   */
  public static Fault status(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be 400-599, was " + status);
    }
    return of(FaultSpec.Kind.STATUS, status, Duration.ZERO, 0, "injected fault: HTTP " + status);
  }

  /**
   * Answers a 5xx status.
   *
   * @throws IllegalArgumentException if {@code status} is not between 500 and 599
   */
  public static Fault serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("serverError status must be 500-599, was " + status);
    }
    return status(status);
  }

  /** Closes the connection without answering (the client sees an I/O error). */
  public static Fault dropConnection() {
    return of(FaultSpec.Kind.DROP, 0, Duration.ZERO, 0, null);
  }

  /** Waits {@code delay} before handling the request (the response headers arrive late). */
  public static Fault delay(Duration delay) {
    return of(FaultSpec.Kind.DELAY, 0, nonNegative("delay", delay), 0, null);
  }

  /** Sends the body in four pieces (or the stream's events) with {@code pause} between them. */
  public static Fault slowBody(Duration pause) {
    return of(FaultSpec.Kind.SLOW_BODY, 0, nonNegative("pause", pause), 0, null);
  }

  /**
   * Sends the headers and the first half of the body (or the first event), then stalls for
   * {@code stall} before sending the rest; for a JSON body the stall is followed by a dropped
   * connection if the emulator closes meanwhile.
   */
  public static Fault stallBody(Duration stall) {
    return of(FaultSpec.Kind.STALL_BODY, 0, nonNegative("stall", stall), 0, null);
  }

  /** Stalls the body until the emulator is closed. */
  public static Fault stallBody() {
    return stallBody(Duration.ofDays(1));
  }

  /**
   * Ends a streamed answer cleanly after {@code events} events, without the final chunk and
   * without {@code [DONE]}; a JSON answer is cut in half and the connection dropped.
   *
   * @throws IllegalArgumentException if {@code events} is negative
   */
  public static Fault truncateStream(int events) {
    if (events < 0) {
      throw new IllegalArgumentException("events must not be negative, was " + events);
    }
    return of(FaultSpec.Kind.TRUNCATE, 0, Duration.ZERO, events, null);
  }

  /**
   * Applies to the next {@code n} matching requests (default 1).
   *
   * @throws IllegalArgumentException if {@code n} is not positive
   */
  public Fault times(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("times must be positive, was " + n + " (use always() for every request)");
    }
    return new Fault(kind, status, duration, count, message, headers, method, pathGlob, predicate, n);
  }

  /** Applies to every matching request until {@link Faults#clear()}. */
  public Fault always() {
    return new Fault(kind, status, duration, count, message, headers, method, pathGlob, predicate, -1);
  }

  /**
   * Applies only to requests with this method ({@code null} for any) and a raw path matching
   * {@code pathGlob}: {@code *} matches within one path segment, {@code **} across segments,
   * e.g. {@code "/v1/accounts/acme/deployments/*"} (one deployment, not its list) or
   * {@code "/inference/**"} (every inference endpoint).
   */
  public Fault on(String method, String pathGlob) {
    return new Fault(kind, status, duration, count, message, headers, method, Objects.requireNonNull(pathGlob, "pathGlob"),
        predicate, times);
  }

  /** Applies only to requests the predicate accepts (in addition to {@link #on}). */
  public Fault when(Predicate<RecordedRequest> predicate) {
    return new Fault(kind, status, duration, count, message, headers, method, pathGlob,
        Objects.requireNonNull(predicate, "predicate"), times);
  }

  /** Adds a response header to a status fault (e.g. {@code retry-after-ms}). */
  public Fault header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new Fault(kind, status, duration, count, message, Map.copyOf(h), method, pathGlob, predicate, times);
  }

  /** Replaces the error message of a status fault. */
  public Fault message(String message) {
    return new Fault(kind, status, duration, count, Objects.requireNonNull(message, "message"), headers, method,
        pathGlob, predicate, times);
  }

  FaultSpec toSpec() {
    Pattern path = pathGlob == null ? null : glob(pathGlob);
    String m = method;
    Predicate<RecordedRequest> p = predicate;
    return new FaultSpec(kind, status, duration, count, message, headers,
        e -> (m == null || m.equalsIgnoreCase(e.method)) && (path == null || path.matcher(e.rawPath).matches())
            && (p == null || p.test(new RecordedRequest(e))),
        times, toString());
  }

  private static Pattern glob(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        boolean twice = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
        re.append(twice ? ".*" : "[^/]*");
        i += twice ? 1 : 0;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  private static Duration nonNegative(String field, Duration d) {
    Objects.requireNonNull(d, field);
    if (d.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, was " + d);
    }
    return d;
  }

  @Override
  public String toString() {
    String what;
    switch (kind) {
      case STATUS: what = "status " + status + (headers.isEmpty() ? "" : " " + headers); break;
      case DROP: what = "drop connection"; break;
      case DELAY: what = "delay " + duration; break;
      case SLOW_BODY: what = "slow body " + duration; break;
      case STALL_BODY: what = "stall body " + duration; break;
      default: what = "truncate after " + count + " events"; break;
    }
    return "Fault{" + what + (method != null ? ", method " + method : "") + (pathGlob != null ? ", path " + pathGlob : "")
        + (predicate != null ? ", predicate" : "") + ", times " + (times < 0 ? "always" : times) + "}";
  }
}
