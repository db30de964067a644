package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.DeploymentScalingUpException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated error responses: whatever the status, headers and body, decoding never throws and
 * yields an exception of the right class with a usable message; well-formed bodies give back
 * their message and code.
 */
class ErrorDecoderPropertiesTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Map<Integer, String> CLASS_BY_STATUS = Map.of(400, "BadRequestException",
      401, "AuthenticationException", 403, "PermissionDeniedException", 404, "NotFoundException",
      409, "ConflictException", 412, "PreconditionFailedException", 429, "RateLimitException");

  @AfterContainer
  static void report() {
    FuzzCounter.flush("errors.");
  }

  private static String expectedClass(int status, ApiException e) {
    if (CLASS_BY_STATUS.containsKey(status)) {
      return CLASS_BY_STATUS.get(status);
    }
    if (status == 503 && e.errorCode().filter("DEPLOYMENT_SCALING_UP"::equals).isPresent()) {
      return "DeploymentScalingUpException";
    }
    return status >= 500 ? "ServerException" : "ApiException";
  }

  private static void wellFormed(int status, ApiException e) {
    assertNotNull(e);
    assertEquals(status, e.statusCode());
    assertEquals(expectedClass(status, e), e.getClass().getSimpleName());
    assertFalse(e.errorMessage().isBlank());
    assertTrue(e.errorMessage().length() <= 1003, "message of " + e.errorMessage().length() + " chars");
    assertTrue(e.getMessage().startsWith("HTTP " + status), e.getMessage());
    e.retryAfter().ifPresent(d -> assertFalse(d.isNegative(), "negative Retry-After " + d));
    e.errorCode().ifPresent(c -> assertFalse(c.isBlank()));
  }

  @Provide
  Arbitrary<Integer> status() {
    return Arbitraries.oneOf(Arbitraries.of(400, 401, 403, 404, 408, 409, 412, 429, 500, 502, 503, 504, 520),
        Arbitraries.integers().between(300, 599), Arbitraries.integers());
  }

  @Provide
  Arbitrary<Map<String, List<String>>> headers() {
    Arbitrary<String> name = Arbitraries.of("retry-after", "Retry-After", "retry-after-ms", "x-request-id",
        "X-Fireworks-Request-Id", "cf-ray", "content-type", "x-other");
    Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
        Arbitraries.strings().numeric().ofMaxLength(12), Arbitraries.of("1.5", "-3", "NaN", "Infinity", "1e9",
            "Sun, 01 Mar 2026 12:00:30 GMT", "Sun, 01 Mar 1970 12:00:30 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", ""));
    return Arbitraries.maps(name, value.list().ofMaxSize(2)).ofMaxSize(4);
  }

  @Property(tries = 1000)
  void randomBytesNeverBreakTheDecoder(@ForAll("status") int status, @ForAll("headers") Map<String, List<String>> headers,
      @ForAll byte[] body) {
    FuzzCounter.count("errors.randomBytes");
    wellFormed(status, ErrorDecoder.decode(status, headers, body, NOW));
  }

  @Provide
  Arbitrary<JsonNode> json() {
    Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30).map(F::textNode),
        Arbitraries.of("DEPLOYMENT_SCALING_UP", "NOT_FOUND", "", "  ").map(F::textNode),
        Arbitraries.integers().between(-2, 20).map(F::numberNode),
        Arbitraries.integers().map(F::numberNode),
        Arbitraries.doubles().map(F::numberNode),
        Arbitraries.of(true, false).map(F::booleanNode),
        Arbitraries.just(F.nullNode()));
    Arbitrary<String> key = Arbitraries.of("error", "message", "code", "status", "details", "type", "param", "object",
        "@type", "reason", "x");
    return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
        Arbitraries.maps(key, inner).ofMaxSize(5).map(m -> {
          ObjectNode o = F.objectNode();
          m.forEach(o::set);
          return (JsonNode) o;
        }),
        inner.list().ofMaxSize(3).map(l -> (JsonNode) F.arrayNode().addAll(l))), 0, 4);
  }

  @Property(tries = 2000)
  void randomJsonNeverBreaksTheDecoder(@ForAll("status") int status, @ForAll("json") JsonNode body) {
    FuzzCounter.count("errors.randomJson");
    byte[] bytes = Json.write(body);

    ApiException e = ErrorDecoder.decode(status, Map.of(), bytes, NOW);

    wellFormed(status, e);
    JsonNode error = body.path("error").isObject() ? body.get("error") : body;
    JsonNode message = error.path("message");
    if (body.isObject() && message.isTextual() && !message.asText().isBlank() && message.asText().length() <= 1000) {
      FuzzCounter.count("errors.randomJson.withMessage");
      assertEquals(message.asText().strip(), e.errorMessage());
    }
    JsonNode code = error.path("code");
    if (body.isObject() && code.isTextual() && !code.asText().isBlank()) {
      assertEquals(code.asText(), e.errorCode().orElseThrow());
    }
  }

  @Property(tries = 1000)
  void wellFormedBodiesGiveBackMessageAndCode(@ForAll @IntRange(min = 400, max = 599) int status,
      @ForAll("message") String message, @ForAll("code") String code, @ForAll("shape") int shape) {
    FuzzCounter.count("errors.shapes");
    String m = Json.MAPPER.valueToTree(message).toString();
    String body;
    switch (shape) {
      case 0: body = "{\"error\":{\"message\":" + m + ",\"code\":\"" + code + "\",\"type\":\"error\",\"extra\":[1]}}"; break;
      case 1: body = "{\"message\":" + m + ",\"code\":\"" + code + "\",\"param\":\"model\",\"type\":\"error\"}"; break;
      default: body = "{\"error\":{\"object\":\"error\",\"type\":\"invalid_request_error\",\"message\":" + m
          + ",\"code\":\"" + code + "\"}}"; break;
    }

    ApiException e = ErrorDecoder.decode(status, Map.of("x-request-id", List.of("req-" + status)),
        body.getBytes(StandardCharsets.UTF_8), NOW);

    wellFormed(status, e);
    assertEquals(message.strip(), e.errorMessage());
    assertEquals(code, e.errorCode().orElseThrow());
    assertEquals("req-" + status, e.requestId().orElseThrow());
    assertEquals(status == 503 && code.equals("DEPLOYMENT_SCALING_UP"), e instanceof DeploymentScalingUpException);
  }

  @Provide
  Arbitrary<String> message() {
    return Arbitraries.strings().ofMinLength(1).ofMaxLength(200).filter(s -> !s.isBlank());
  }

  @Provide
  Arbitrary<String> code() {
    return Arbitraries.oneOf(Arbitraries.of("DEPLOYMENT_SCALING_UP", "NOT_FOUND", "RESOURCE_EXHAUSTED"),
        Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(20)
            .filter(s -> !s.isBlank()));
  }

  @Provide
  Arbitrary<Integer> shape() {
    return Arbitraries.integers().between(0, 2);
  }

  @Property(tries = 500)
  void retryAfterSecondsAreExact(@ForAll @IntRange(min = 0, max = 100_000) int seconds) {
    FuzzCounter.count("errors.retryAfter");
    ApiException e = ErrorDecoder.decode(429, Map.of("Retry-After", List.of(Integer.toString(seconds))), new byte[0], NOW);

    assertEquals(Duration.ofSeconds(seconds), e.retryAfter().orElseThrow());
  }
}
