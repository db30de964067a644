package ai.fireworks.sdk.langchain4j.internal;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.AuthenticationException;
import ai.fireworks.sdk.core.BadRequestException;
import ai.fireworks.sdk.core.ConflictException;
import ai.fireworks.sdk.core.ConnectionException;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.PermissionDeniedException;
import ai.fireworks.sdk.core.PreconditionFailedException;
import ai.fireworks.sdk.core.RateLimitException;
import ai.fireworks.sdk.core.RequestTimeoutException;
import ai.fireworks.sdk.core.ServerException;
import ai.fireworks.sdk.inference.ColdStartTimeoutException;
import ai.fireworks.sdk.inference.EmbeddingBatchException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * This SDK's exceptions as LangChain4j's ({@code dev.langchain4j.exception}), the SDK exception
 * kept as the cause and its message (status, error code, message, request id; never the API key)
 * kept as the message. Anything else (bad input's {@link IllegalArgumentException}, an exception a
 * handler threw) passes through unchanged. Stateless; thread-safe.
 */
public final class Errors {
  private Errors() {}

  /** The exception to hand to LangChain4j for {@code failure}, unwrapping future wrappers first. */
  public static RuntimeException toLangChain4j(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof FireworksException) {
      return map((FireworksException) t);
    }
    if (t instanceof RuntimeException) {
      return (RuntimeException) t;
    }
    return new LangChain4jException(t.toString(), t);
  }

  /** The type follows the failure itself: for a failed embeddings batch, the batch's cause. */
  private static LangChain4jException map(FireworksException e) {
    String message = e.getMessage();
    FireworksException kind = e instanceof EmbeddingBatchException && e.getCause() instanceof FireworksException
        ? (FireworksException) e.getCause() : e;
    return map(kind, message, e);
  }

  private static LangChain4jException map(FireworksException e, String message, FireworksException cause) {
    if (e instanceof AuthenticationException || e instanceof PermissionDeniedException) {
      return new dev.langchain4j.exception.AuthenticationException(message, cause);
    }
    if (e instanceof NotFoundException) {
      return new ModelNotFoundException(message, cause);
    }
    if (e instanceof BadRequestException || e instanceof ConflictException || e instanceof PreconditionFailedException) {
      return new InvalidRequestException(message, cause);
    }
    if (e instanceof RateLimitException) {
      return new dev.langchain4j.exception.RateLimitException(message, cause);
    }
    if (e instanceof ColdStartTimeoutException || e instanceof RequestTimeoutException) {
      return new TimeoutException(message, cause);
    }
    if (e instanceof ServerException) {
      return new InternalServerException(message, cause);
    }
    if (e instanceof ApiException) {
      HttpException http = new HttpException(((ApiException) e).statusCode(), message);
      http.initCause(cause);
      return http;
    }
    if (e instanceof ConnectionException) {
      return new RetriableException(message, cause);
    }
    return new LangChain4jException(message, cause);
  }
}
