package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.FireworksException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A complete, successful response: status, headers and body bytes. */
public final class ApiResponse {
  private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "x-fireworks-request-id", "cf-ray");

  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

  private final int status;
  private final HttpHeaders headers;
  private final byte[] body;
  private final UnaryOperator<String> redactor;

  /** A response whose {@link #redact} masks the client's API key (servers sometimes echo it). */
  public ApiResponse(int status, HttpHeaders headers, byte[] body, UnaryOperator<String> redactor) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.redactor = redactor;
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

  /** {@code text} (from this body) with the client's API key masked, for exception messages. */
  public String redact(String text) {
    return redactor.apply(text);
  }

  /**
   * Decodes the body as {@code type}; an empty body decodes as JSON {@code {}}.
   *
   * @throws FireworksException if the body is not valid JSON for {@code type}
   */
  public <T> T json(Class<T> type) {
    return json(type, "the request");
  }

  /**
   * Like {@link #json(Class)}, naming {@code request} (e.g. {@code GET /v1/...}) in the exception.
   *
   * @throws FireworksException if the body is not valid JSON for {@code type}, with an excerpt of it
   */
  public <T> T json(Class<T> type, Object request) {
    return json(type, request, BodyDecoder.databind(type));
  }

  /**
   * Like {@link #json(Class, Object)}, decoding with {@code decoder} (a hand-written decoder of a
   * hot response type) instead of databind.
   *
   * @throws FireworksException if {@code decoder} fails, with an excerpt of the body
   */
  public <T> T json(Class<T> type, Object request, BodyDecoder<T> decoder) {
    try {
      return decoder.decode(body.length == 0 ? EMPTY_OBJECT : body);
    } catch (IOException e) {
      String text = redact(bodyText()).strip();
      String excerpt = text.isEmpty() ? "(empty body)" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
      String why = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.toString();
      throw new FireworksException(request + " returned HTTP " + status + " with a body that is not a valid "
          + type.getSimpleName() + " (" + why + "): " + excerpt
          + requestId().map(id -> " (request id: " + id + ")").orElse(""), e);
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

  /** Decodes a JSON body (an empty body is given as {@code {}}). */
  @FunctionalInterface
  public interface BodyDecoder<T> {
    /** The value {@code json} describes; throws if it describes none. */
    T decode(byte[] json) throws IOException;

    /** The SDK's databind decoding of {@code type}, what {@link #json(Class)} uses. */
    static <T> BodyDecoder<T> databind(Class<T> type) {
      return json -> Json.MAPPER.readValue(json, type);
    }
  }
}
