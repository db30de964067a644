package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.ErrorDetails;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns an error response into an {@link ApiException}. Reads every body shape Fireworks is known
 * to send: {@code {"error":{"message","code","type"}}}, flat {@code {"message","code"}}, google.rpc
 * {@code {"code":5,"message","details"}} (its {@code details} read by {@link ErrorDetailParser}),
 * Google-style {@code {"error":{"code":503,"message","status":"UNAVAILABLE"}}}, and plain text.
 * The message is the {@code error} object's, else the top-level one, else a body excerpt. A
 * {@code google.rpc.ErrorInfo} reason is kept in the details, not in the error code;
 * {@link ApiException#create} classifies on both. Never throws while decoding.
 */
public final class ErrorDecoder {
  private static final int EXCERPT = 200;
  /** Longest server message kept in the exception; the whole body stays in {@link ApiException#body()}. */
  private static final int MAX_MESSAGE = 1000;
  private static final String[] RPC_CODES = {"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
      "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
      "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"};

  private ErrorDecoder() {}

  /** Decodes an error response; {@code now} dates an HTTP-date {@code Retry-After}. */
  public static ApiException decode(int status, Map<String, List<String>> rawHeaders, byte[] body, Instant now) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    rawHeaders.forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    ErrorDetails.Builder d = ErrorDetails.builder()
        .statusCode(status)
        .headers(Map.copyOf(headers))
        .body(text)
        .requestId(ApiResponse.requestId(headers))
        .retryAfter(retryAfter(headers, now));
    JsonNode root = parse(text);
    JsonNode error = root != null && root.path("error").isObject() ? root.get("error") : root;
    String message = null;
    if (error != null && error.isObject()) {
      message = textOf(error.get("message"));
      if (message == null && root.path("error").isObject()) {
        message = textOf(root.get("message")); // {"error":{"code":...},"message":...}
      }
      d.errorCode(errorCode(error));
      d.details(ErrorDetailParser.parse(error.get("details")));
      if (message == null && root.path("error").isTextual()) {
        message = root.get("error").asText();
      }
    }
    if (message == null || message.isBlank()) {
      message = text.isBlank() ? "(empty body)" : excerpt(text, EXCERPT);
    } else {
      message = excerpt(message, MAX_MESSAGE);
    }
    return ApiException.create(d.message(message).build());
  }

  private static JsonNode parse(String text) {
    String t = text.strip();
    if (!t.startsWith("{")) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(t);
    } catch (Exception e) {
      return null;
    }
  }

  private static String textOf(JsonNode n) {
    return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
  }

  /**
   * The body's error code: {@code code} (a google.rpc number named, such as 14 as
   * {@code UNAVAILABLE}), else {@code status}; but when {@code code} merely repeats the HTTP
   * status (a number from 100) next to a {@code status} name, as Google-style bodies do, the name.
   */
  private static Optional<String> errorCode(JsonNode error) {
    JsonNode code = error.get("code");
    Optional<String> status = code(error.get("status"));
    if (code != null && code.isNumber() && code.asInt() >= 100 && status.isPresent()) {
      return status;
    }
    return code(code).or(() -> status);
  }

  private static Optional<String> code(JsonNode n) {
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (n.isInt() && n.asInt() >= 0 && n.asInt() < RPC_CODES.length) {
      return Optional.of(RPC_CODES[n.asInt()]);
    }
    return n.isValueNode() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
  }

  private static String excerpt(String text, int max) {
    String t = text.strip();
    return t.length() <= max ? t : t.substring(0, max) + "...";
  }

  /** Reads {@code retry-after-ms}, then {@code Retry-After} (seconds or HTTP date). */
  static Optional<Duration> retryAfter(Map<String, List<String>> headers, Instant now) {
    try {
      List<String> ms = headers.get("retry-after-ms");
      if (ms != null && !ms.isEmpty()) {
        return Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.get(0).trim()))));
      }
      List<String> ra = headers.get("retry-after");
      if (ra != null && !ra.isEmpty()) {
        String v = ra.get(0).trim();
        if (v.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
          return Optional.of(Duration.ofMillis((long) (Double.parseDouble(v) * 1000)));
        }
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
