package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.RequestOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an {@link ApiRequest} and its options into the JDK's {@link HttpRequest}: base URL,
 * authentication, default and per-call headers, retry count, JSON body. Immutable; thread-safe.
 */
final class RequestFactory {
  private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
      "upgrade", "authorization");

  private final String baseUrl;
  private final String authorization;
  private final Map<String, String> defaultHeaders;
  /** The last URI parsed, reused while calls keep going to the same place: parsing costs about 1.5 µs. */
  private volatile Parsed last = new Parsed("", null);

  /** A URI and the text it was parsed from. */
  private record Parsed(String text, URI uri) {}

  RequestFactory(URI baseUrl, String apiKey, Map<String, String> defaultHeaders) {
    String base = baseUrl.toString();
    this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.authorization = "Bearer " + apiKey;
    Map<String, String> settable = new LinkedHashMap<>();
    defaultHeaders.forEach((k, v) -> {
      if (settable(k)) {
        settable.put(k, v);
      }
    });
    this.defaultHeaders = settable;
  }

  /**
   * The request for attempt number {@code attempt} (from 1); a {@code streamed} one accepts
   * {@code text/event-stream}, any other {@code application/json}.
   */
  HttpRequest build(ApiRequest request, RequestOptions options, int attempt, boolean streamed) {
    // No HttpRequest.timeout: the attempt timer owns the deadline (on the client's clock, body
    // included), and a JDK request timer would wake the HTTP client's selector thread on every request.
    Map<String, String> query = request.query();
    if (!options.queryParams().isEmpty()) {
      query = new LinkedHashMap<>(query);
      query.putAll(options.queryParams()); // RequestOptions.queryParams: the caller's escape hatch wins
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(baseUrl + Paths.withQuery(request.path(), query)));
    defaultHeaders.forEach(b::setHeader);
    options.headers().forEach((k, v) -> {
      if (settable(k)) {
        b.setHeader(k, v);
      }
    });
    b.setHeader("Authorization", authorization);
    b.setHeader("Accept", streamed ? "text/event-stream" : "application/json");
    options.idempotencyKey().ifPresent(k -> b.setHeader("Idempotency-Key", k));
    if (attempt > 1) {
      b.setHeader("X-Retry-Count", Integer.toString(attempt - 1));
    }
    if (request.body() == null) {
      b.method(request.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      b.setHeader("Content-Type", "application/json");
      b.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(Json.write(request.body())));
    }
    return b.build();
  }

  /** {@code text} as a URI, parsed again only when it differs from the previous call's. */
  URI uri(String text) {
    Parsed previous = last;
    if (previous.text.equals(text)) {
      return previous.uri;
    }
    URI uri = URI.create(text);
    last = new Parsed(text, uri);
    return uri;
  }

  /** The root URL, for {@code toString}s that must not show the key. */
  String baseUrl() {
    return baseUrl;
  }

  /** Whether a caller may set header {@code name}; the transport or the JDK owns the others. */
  private static boolean settable(String name) {
    return !RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }
}
