package ai.fireworks.sdk.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A complete, successful response: status, headers and body bytes. */
public final class ApiResponse {
  private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "x-fireworks-request-id", "cf-ray");

  private final int status;
  private final HttpHeaders headers;
  private final byte[] body;

  public ApiResponse(int status, HttpHeaders headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public HttpHeaders headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Decodes the body as {@code type}; an empty body decodes as JSON {@code {}}. */
  public <T> T json(Class<T> type) {
    try {
      return Json.MAPPER.readValue(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first request-id header present, in the order Fireworks' own tools look for them. */
  public Optional<String> requestId() {
    return requestId(headers.map());
  }

  static Optional<String> requestId(Map<String, List<String>> headers) {
    for (String name : REQUEST_ID_HEADERS) {
      Optional<String> v = headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0)).findFirst();
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }
}
