package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.AuthenticationException;
import ai.fireworks.sdk.core.BadRequestException;
import ai.fireworks.sdk.core.ConflictException;
import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.PermissionDeniedException;
import ai.fireworks.sdk.core.PreconditionFailedException;
import ai.fireworks.sdk.core.RateLimitException;
import ai.fireworks.sdk.core.ServerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error body shape of the reference, status mapping, request ids and Retry-After. */
class ErrorDecoderTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = ErrorDecoderTest.class.getResourceAsStream("/fixtures/errors/" + name)) {
      if (in == null) {
        throw new IOException("missing fixture " + name);
      }
      return in.readAllBytes();
    }
  }

  private static ApiException decode(int status, String body) {
    return ErrorDecoder.decode(status, Map.of(), body == null ? null : body.getBytes(StandardCharsets.UTF_8), NOW);
  }

  private static ApiException decode(int status, Map<String, List<String>> headers, byte[] body) {
    return ErrorDecoder.decode(status, headers, body, NOW);
  }

  @Test
  void nestedErrorObjectWithNullCode() throws Exception {
    ApiException e = decode(404, Map.of(), fixture("openai-style-404.json"));

    assertEquals(NotFoundException.class, e.getClass());
    assertEquals("The model `accounts/fireworks/models/llama-v9` does not exist", e.errorMessage());
    assertEquals(Optional.empty(), e.errorCode());
    assertEquals("HTTP 404: The model `accounts/fireworks/models/llama-v9` does not exist", e.getMessage());
  }

  @Test
  void nestedErrorObjectWithScalingUpCode() throws Exception {
    ApiException e = decode(503, Map.of("x-request-id", List.of("req-1")), fixture("scaling-up-503.json"));

    assertEquals(DeploymentScalingUpException.class, e.getClass());
    assertEquals("DEPLOYMENT_SCALING_UP", e.errorCode().orElseThrow());
    assertTrue(e.errorMessage().startsWith("Deployment is currently scaled to zero"));
    assertEquals("req-1", e.requestId().orElseThrow());
    assertEquals("HTTP 503 DEPLOYMENT_SCALING_UP: " + e.errorMessage() + " (request id: req-1)", e.getMessage());
  }

  @Test
  void scalingUpCodeOnAnotherStatusIsAnOrdinaryServerError() throws Exception {
    ApiException e = decode(500, Map.of(), fixture("scaling-up-503.json"));

    assertEquals(ServerException.class, e.getClass());
  }

  @Test
  void flatObjectWithStringCode() throws Exception {
    ApiException e = decode(404, Map.of(), fixture("flat-404.json"));

    assertEquals(NotFoundException.class, e.getClass());
    assertEquals("NOT_FOUND", e.errorCode().orElseThrow());
    assertEquals("Model not found, inaccessible, and/or not deployed", e.errorMessage());
  }

  @Test
  void googleRpcStatusWithNumericCode() throws Exception {
    ApiException e = decode(404, Map.of(), fixture("google-rpc-404.json"));

    assertEquals(NotFoundException.class, e.getClass());
    assertEquals("NOT_FOUND", e.errorCode().orElseThrow());
    assertEquals("deployment \"accounts/acme/deployments/my-llama\" not found", e.errorMessage());
    assertTrue(e.body().contains("DEPLOYMENT_NOT_FOUND"), "raw body kept for callers that read details");
  }

  @Test
  void googleRpcDetailsAreParsedLenientlyWithUnknownTypesKeptAsJson() throws Exception {
    ApiException e = decode(400, Map.of(), fixture("google-rpc-400-details.json"));

    assertEquals(6, e.details().size());
    ai.fireworks.sdk.core.BadRequest bad = e.details().get(0).badRequest().orElseThrow();
    assertEquals(List.of("autoscaling_policy.scale_to_zero_window", "max_replica_count"),
        bad.fieldViolations().stream().map(ai.fireworks.sdk.core.FieldViolation::field).toList());
    assertEquals("must be at least 300s", bad.fieldViolations().get(0).description());
    ai.fireworks.sdk.core.ErrorInfo info = e.errorInfo().orElseThrow();
    assertEquals("INVALID_DEPLOYMENT_SPEC", info.reason());
    assertEquals("fireworks.ai", info.domain());
    assertEquals(Map.of("fieldCount", "2", "account", "acme"), info.metadata());
    assertEquals("type.googleapis.com/google.rpc.RetryInfo", e.details().get(2).type());
    assertEquals("5s", e.details().get(2).json().path("retryDelay").asText(), "unknown types keep their JSON");
    assertTrue(e.details().get(2).errorInfo().isEmpty() && e.details().get(2).badRequest().isEmpty());
    assertEquals("", e.details().get(3).type());
    assertTrue(e.details().get(4).json().isTextual());
    assertEquals("", e.details().get(5).errorInfo().orElseThrow().reason(), "a field of the wrong type reads as empty");
  }

  @Test
  void detailsOfTheFlatGoogleRpcShapeAndNoDetailsAtAll() throws Exception {
    assertEquals("DEPLOYMENT_NOT_FOUND", decode(404, Map.of(), fixture("google-rpc-404.json")).errorInfo()
        .orElseThrow().reason());
    assertTrue(decode(412, Map.of(), fixture("google-rpc-412.json")).details().isEmpty());
    assertTrue(decode(404, "{\"error\": {\"message\": \"x\", \"details\": {\"not\": \"an array\"}}}").details()
        .isEmpty());
    assertTrue(decode(502, "<html>bad gateway</html>").details().isEmpty());
  }

  @Test
  void aGoogleRpcColdStartIsClassifiedOnItsErrorInfoReason() {
    ApiException e = decode(503, "{\"code\":14,\"message\":\"scaling up\",\"details\":[{\"@type\":"
        + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"DEPLOYMENT_SCALING_UP\"}]}");

    assertEquals(DeploymentScalingUpException.class, e.getClass());
    assertEquals("UNAVAILABLE", e.errorCode().orElseThrow(), "the code stays what the body's code says");
    assertEquals("DEPLOYMENT_SCALING_UP", e.errorInfo().orElseThrow().reason());
    assertEquals("scaling up", e.errorMessage());
  }

  @Test
  void anErrorInfoReasonDoesNotMakeAColdStartOfAnotherStatusOrReason() {
    String body = "{\"code\":14,\"message\":\"m\",\"details\":[{\"@type\":"
        + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"%s\"}]}";

    assertEquals(ServerException.class, decode(500, String.format(body, "DEPLOYMENT_SCALING_UP")).getClass());
    assertEquals(ServerException.class, decode(503, String.format(body, "SERVICE_OVERLOADED")).getClass());
  }

  @Test
  void googleStyleHttpCodeWithStatusNameUsesTheName() {
    ApiException e = decode(503, "{\"error\":{\"code\":503,\"message\":\"busy\",\"status\":\"UNAVAILABLE\"}}");

    assertEquals("UNAVAILABLE", e.errorCode().orElseThrow());
    assertEquals("busy", e.errorMessage());
    assertEquals("503", decode(503, "{\"error\":{\"code\":503,\"message\":\"busy\"}}").errorCode().orElseThrow(),
        "without a status name the number is all there is");
  }

  @Test
  void anErrorObjectWithoutAMessageFallsBackToTheTopLevelMessage() {
    ApiException e = decode(400, "{\"error\":{\"code\":\"INVALID\"},\"message\":\"top-level words\"}");

    assertEquals("top-level words", e.errorMessage());
    assertEquals("INVALID", e.errorCode().orElseThrow());
  }

  @Test
  void googleRpcFailedPreconditionOn412() throws Exception {
    ApiException e = decode(412, Map.of(), fixture("google-rpc-412.json"));

    assertEquals(PreconditionFailedException.class, e.getClass());
    assertEquals("FAILED_PRECONDITION", e.errorCode().orElseThrow());
  }

  @Test
  void errorAsAPlainString() throws Exception {
    ApiException e = decode(400, Map.of(), fixture("error-string-400.json"));

    assertEquals(BadRequestException.class, e.getClass());
    assertEquals("prompt must not be empty", e.errorMessage());
    assertEquals(Optional.empty(), e.errorCode());
  }

  @Test
  void nonJsonBodyBecomesAnExcerpt() throws Exception {
    ApiException e = decode(502, Map.of("cf-ray", List.of("8a1b2c3d4e5f-SJC")), fixture("gateway-502.html"));

    assertEquals(ServerException.class, e.getClass());
    assertTrue(e.errorMessage().startsWith("<html>"), e.errorMessage());
    assertTrue(e.errorMessage().contains("502 Bad Gateway"));
    assertEquals("8a1b2c3d4e5f-SJC", e.requestId().orElseThrow());
  }

  @Test
  void emptyAndMissingBodies() {
    assertEquals("(empty body)", decode(500, "").errorMessage());
    assertEquals("(empty body)", decode(500, "  \n ").errorMessage());
    assertEquals("(empty body)", decode(500, null).errorMessage());
    assertEquals("", decode(500, null).body());
  }

  @Test
  void hugeNonJsonBodyIsCutToAnExcerpt() {
    String huge = "x".repeat(5_000_000);

    ApiException e = decode(500, huge);

    assertEquals(203, e.errorMessage().length());
    assertTrue(e.errorMessage().endsWith("..."));
    assertTrue(e.getMessage().length() < 300);
    assertEquals(huge.length(), e.body().length());
  }

  @Test
  void hugeJsonMessageIsCutToAnExcerpt() {
    String message = "m".repeat(100_000);

    ApiException e = decode(400, "{\"error\":{\"message\":\"" + message + "\"}}");

    assertTrue(e.getMessage().length() < 2_000, "exception message of " + e.getMessage().length() + " chars");
  }

  @Test
  void malformedJsonBecomesAnExcerpt() {
    ApiException e = decode(400, "{\"error\": {\"message\": \"unterminated");

    assertEquals("{\"error\": {\"message\": \"unterminated", e.errorMessage());
  }

  @Test
  void blankJsonMessageFallsBackToTheBody() {
    ApiException e = decode(400, "{\"message\":\"   \",\"code\":\"INVALID_ARGUMENT\"}");

    assertEquals("{\"message\":\"   \",\"code\":\"INVALID_ARGUMENT\"}", e.errorMessage());
    assertEquals("INVALID_ARGUMENT", e.errorCode().orElseThrow());
  }

  @Test
  void invalidUtf8IsDecodedWithReplacements() {
    ApiException e = decode(500, Map.of(), new byte[] {(byte) 0xff, (byte) 0xfe, 'o', 'k'});

    assertTrue(e.errorMessage().endsWith("ok"));
  }

  @ParameterizedTest
  @CsvSource({
      "400, BadRequestException", "401, AuthenticationException", "403, PermissionDeniedException",
      "404, NotFoundException", "409, ConflictException", "412, PreconditionFailedException",
      "429, RateLimitException", "500, ServerException", "502, ServerException", "503, ServerException",
      "504, ServerException", "520, ServerException", "402, ApiException", "405, ApiException",
      "408, ApiException", "413, ApiException", "425, ApiException"})
  void statusPicksTheSubclass(int status, String simpleName) {
    ApiException e = decode(status, "{\"error\":{\"message\":\"m\"}}");

    assertEquals(simpleName, e.getClass().getSimpleName());
    assertEquals(status, e.statusCode());
    Map<String, Class<?>> known = Map.of("BadRequestException", BadRequestException.class,
        "AuthenticationException", AuthenticationException.class, "PermissionDeniedException",
        PermissionDeniedException.class, "ConflictException", ConflictException.class,
        "RateLimitException", RateLimitException.class);
    if (known.containsKey(simpleName)) {
      assertEquals(known.get(simpleName), e.getClass());
    }
  }

  @Test
  void requestIdHeadersInPrecedenceOrder() {
    Map<String, List<String>> all = Map.of("CF-Ray", List.of("ray"), "X-Fireworks-Request-Id", List.of("fw"),
        "X-Request-ID", List.of("xr"));
    Map<String, List<String>> noXr = Map.of("cf-ray", List.of("ray"), "x-fireworks-request-id", List.of("fw"));
    Map<String, List<String>> rayOnly = Map.of("cf-ray", List.of("ray"));

    assertEquals("xr", decode(500, all, new byte[0]).requestId().orElseThrow());
    assertEquals("fw", decode(500, noXr, new byte[0]).requestId().orElseThrow());
    assertEquals("ray", decode(500, rayOnly, new byte[0]).requestId().orElseThrow());
    assertEquals(Optional.empty(), decode(500, Map.of(), new byte[0]).requestId());
  }

  @Test
  void headersAreKeptWithLowerCaseNames() {
    ApiException e = decode(429, Map.of("X-RateLimit-Remaining-Requests", List.of("0")), new byte[0]);

    assertEquals(List.of("0"), e.headers().get("x-ratelimit-remaining-requests"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "retry-after-ms | 1500 | PT1.5S",
      "Retry-After | 7 | PT7S",
      "Retry-After | 0.25 | PT0.25S",
      "Retry-After | Sun, 01 Mar 2026 12:00:30 GMT | PT30S",
      "Retry-After | Sun, 01 Mar 2026 11:00:00 GMT | PT0S"})
  void retryAfterForms(String header, String value, String expected) {
    ApiException e = decode(429, Map.of(header, List.of(value)), new byte[0]);

    assertEquals(Duration.parse(expected), e.retryAfter().orElseThrow());
  }

  @Test
  void unreadableRetryAfterIsIgnored() {
    for (String v : new String[] {"soon", "-5", "", "1e3", "Mon, 99 Foo 2026"}) {
      ApiException e = decode(429, Map.of("Retry-After", List.of(v)), new byte[0]);
      assertFalse(e.retryAfter().isPresent(), v);
    }
  }
}
