package ai.fireworks.sdk.inference;

import java.net.http.HttpHeaders;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The HTTP side of an inference response: status, headers (names in lower case), the request id,
 * the rate-limit headers of serverless models, and the {@code fireworks-*} performance headers
 * (such as {@code fireworks-prompt-tokens} and {@code fireworks-server-time-to-first-token}).
 * Immutable; thread-safe.
 */
public final class ResponseMetadata {
  /** Metadata of a value that did not come from an HTTP response. */
  public static final ResponseMetadata EMPTY = new ResponseMetadata(0, null, Map.of());

  private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "x-fireworks-request-id", "cf-ray");

  private final int statusCode;
  /** The response's own headers (case-insensitive), or null when built from a map. */
  private final HttpHeaders http;
  /** Lower-case names, sorted; built on first use from {@link #http} (most callers never ask). */
  private volatile Map<String, List<String>> headers;

  private ResponseMetadata(int statusCode, HttpHeaders http, Map<String, List<String>> headers) {
    this.statusCode = statusCode;
    this.http = http;
    this.headers = headers;
  }

  /** Metadata of a JDK response: nothing is copied until {@link #headers()} is first called. */
  static ResponseMetadata of(int statusCode, HttpHeaders headers) {
    return new ResponseMetadata(statusCode, headers, null);
  }

  /** Metadata for a response with {@code statusCode} and {@code headers} (any name case). */
  public static ResponseMetadata of(int statusCode, Map<String, List<String>> headers) {
    return new ResponseMetadata(statusCode, null, lowerCase(headers));
  }

  private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    TreeMap<String, List<String>> lower = new TreeMap<>();
    headers.forEach((k, v) -> {
      if (k != null && !k.startsWith(":")) {
        lower.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v), (a, b) -> {
          List<String> all = new java.util.ArrayList<>(a);
          all.addAll(b);
          return List.copyOf(all);
        });
      }
    });
    return Collections.unmodifiableMap(lower);
  }

  /** The HTTP status; 0 for {@link #EMPTY}. */
  public int statusCode() {
    return statusCode;
  }

  /** All response headers, names in lower case, sorted. */
  public Map<String, List<String>> headers() {
    Map<String, List<String>> h = headers;
    if (h == null) {
      h = lowerCase(http.map());
      headers = h; // a race only builds the same map twice
    }
    return h;
  }

  /** The first value of header {@code name} (any case). */
  public Optional<String> header(String name) {
    if (http != null) {
      return http.firstValue(name);
    }
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** The request id from {@code x-request-id}, {@code x-fireworks-request-id} or {@code cf-ray}, in that order. */
  public Optional<String> requestId() {
    for (String name : REQUEST_ID_HEADERS) {
      Optional<String> v = header(name);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /** {@code x-ratelimit-limit-requests}: the current requests-per-minute limit (serverless only). */
  public Optional<Long> rateLimitRequests() {
    return header("x-ratelimit-limit-requests").flatMap(ResponseMetadata::parseLong);
  }

  /** {@code x-ratelimit-remaining-requests}: requests left in the current window (serverless only). */
  public Optional<Long> rateLimitRemainingRequests() {
    return header("x-ratelimit-remaining-requests").flatMap(ResponseMetadata::parseLong);
  }

  /** True when {@code x-ratelimit-over-limit: yes}: served, but the account is near its capacity. */
  public boolean isOverRateLimit() {
    return header("x-ratelimit-over-limit").map(v -> v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true"))
        .orElse(false);
  }

  /** The {@code fireworks-*} headers (performance metrics of non-streamed responses), first values, by name. */
  public Map<String, String> fireworksHeaders() {
    TreeMap<String, String> m = new TreeMap<>();
    headers().forEach((k, v) -> {
      if (k.startsWith("fireworks-") && !v.isEmpty()) {
        m.put(k, v.get(0));
      }
    });
    return Collections.unmodifiableMap(m);
  }

  private static Optional<Long> parseLong(String s) {
    try {
      return Optional.of(Long.parseLong(s.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Status, request id and the number of headers; header values are not shown. */
  @Override
  public String toString() {
    return "ResponseMetadata{status=" + statusCode + ", requestId=" + requestId().orElse("-")
        + ", headers=" + headers().size() + "}";
  }
}
