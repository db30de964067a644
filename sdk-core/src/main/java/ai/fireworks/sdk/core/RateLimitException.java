package ai.fireworks.sdk.core;

/** HTTP 429: rate limited or over quota; {@link #retryAfter()} holds the server's hint. Immutable; thread-safe. */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception from decoded error details. */
  public RateLimitException(ErrorDetails details) {
    super(details);
  }
}
