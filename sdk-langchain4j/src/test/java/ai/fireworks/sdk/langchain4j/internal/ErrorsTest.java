package ai.fireworks.sdk.langchain4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.ConnectionException;
import ai.fireworks.sdk.core.ErrorDetails;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.RequestTimeoutException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsTest {
  static ApiException api(int status, String code) {
    return ApiException.create(ErrorDetails.builder().statusCode(status).errorCode(code).message("boom")
        .requestId("req-1").build());
  }

  @ParameterizedTest
  @CsvSource({
      "400, INVALID_ARGUMENT, InvalidRequestException",
      "401, UNAUTHENTICATED, AuthenticationException",
      "403, PERMISSION_DENIED, AuthenticationException",
      "404, NOT_FOUND, ModelNotFoundException",
      "409, ALREADY_EXISTS, InvalidRequestException",
      "412, FAILED_PRECONDITION, InvalidRequestException",
      "429, RESOURCE_EXHAUSTED, RateLimitException",
      "500, INTERNAL, InternalServerException",
      "503, DEPLOYMENT_SCALING_UP, InternalServerException",
      "418, TEAPOT, HttpException"
  })
  void apiErrorsBecomeTheLangChain4jTypeWithTheSdkCauseAndMessage(int status, String code, String type) {
    ApiException sdk = api(status, code);

    RuntimeException mapped = Errors.toLangChain4j(new CompletionException(sdk));

    assertEquals(type, mapped.getClass().getSimpleName());
    assertSame(sdk, mapped.getCause());
    assertTrue(mapped.getMessage().contains("req-1") && mapped.getMessage().contains(code), mapped.getMessage());
  }

  @Test
  void theHttpExceptionKeepsTheStatus() {
    assertEquals(418, ((HttpException) Errors.toLangChain4j(api(418, "TEAPOT"))).statusCode());
  }

  @Test
  void transportFailuresAndOtherExceptionsMapOrPassThrough() {
    IllegalArgumentException bad = new IllegalArgumentException("temperature must be between 0 and 2, was 3.0");

    assertEquals(TimeoutException.class, Errors.toLangChain4j(new RequestTimeoutException("slow", null)).getClass());
    assertEquals(RetriableException.class, Errors.toLangChain4j(new ConnectionException("refused", null)).getClass());
    assertEquals(LangChain4jException.class, Errors.toLangChain4j(new FireworksException("closed")).getClass());
    assertSame(bad, Errors.toLangChain4j(bad));
  }
}
