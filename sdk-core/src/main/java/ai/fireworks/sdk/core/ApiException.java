package ai.fireworks.sdk.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with an error status. Carries the HTTP status, the server's error code
 * (such as {@code NOT_FOUND} or {@code DEPLOYMENT_SCALING_UP}), its message, the request id, the
 * response headers, the raw body and the structured {@link #details()} of a google.rpc body.
 * Subclasses exist for the statuses callers handle
 * differently; {@link #create} picks the right one. Immutable; thread-safe.
 */
public class ApiException extends FireworksException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorCode;
  private final String errorMessage;
  private final String requestId;
  private final transient Map<String, List<String>> headers;
  private final String body;
  private final Duration retryAfter;
  private final transient List<ErrorDetail> details;

  /** Creates an exception from a decoded error response; prefer {@link #create}. */
  public ApiException(ErrorDetails details) {
    super(describe(details));
    this.statusCode = details.statusCode();
    this.errorCode = details.errorCode().orElse(null);
    this.errorMessage = details.message();
    this.requestId = details.requestId().orElse(null);
    this.headers = details.headers();
    this.body = details.body();
    this.retryAfter = details.retryAfter().orElse(null);
    this.details = details.details();
  }

  /**
   * Returns the exception subclass that matches the status and error code. A structured
   * {@code google.rpc.ErrorInfo} reason counts like the error code: HTTP 503 whose code or
   * ErrorInfo reason is {@code DEPLOYMENT_SCALING_UP} is a {@link DeploymentScalingUpException}
   * (the google.rpc form carries {@code UNAVAILABLE} as its code and the cold start only in the reason).
   */
  public static ApiException create(ErrorDetails d) {
    switch (d.statusCode()) {
      case 400: return new BadRequestException(d);
      case 401: return new AuthenticationException(d);
      case 403: return new PermissionDeniedException(d);
      case 404: return new NotFoundException(d);
      case 409: return new ConflictException(d);
      case 412: return new PreconditionFailedException(d);
      case 429: return new RateLimitException(d);
      default:
        if (d.statusCode() == 503 && says(d, DeploymentScalingUpException.CODE)) {
          return new DeploymentScalingUpException(d);
        }
        return d.statusCode() >= 500 ? new ServerException(d) : new ApiException(d);
    }
  }

  /** Whether {@code code} is the error code or the reason of one of the {@code google.rpc.ErrorInfo} details. */
  private static boolean says(ErrorDetails d, String code) {
    return d.errorCode().filter(code::equals).isPresent()
        || d.details().stream().anyMatch(x -> x.errorInfo().filter(i -> code.equals(i.reason())).isPresent());
  }

  private static String describe(ErrorDetails d) {
    StringBuilder b = new StringBuilder("HTTP ").append(d.statusCode());
    d.errorCode().ifPresent(c -> b.append(' ').append(c));
    b.append(": ").append(d.message());
    d.requestId().ifPresent(id -> b.append(" (request id: ").append(id).append(')'));
    return b.toString();
  }

  /** The HTTP status, such as 404. */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The server's error code, such as {@code NOT_FOUND} or {@code DEPLOYMENT_SCALING_UP}, if it sent
   * one: the body's {@code code} (a google.rpc number given by name, such as {@code UNAVAILABLE}),
   * or its {@code status} name. The more specific reason of a google.rpc body is not copied here;
   * read it from {@link #errorInfo()} (the exception's type already reflects it, see {@link #create}).
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The server's message, or a short excerpt of the body when it sent none. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The request id from {@code x-request-id}, {@code x-fireworks-request-id} or {@code cf-ray}. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The response headers, names in lower case. */
  public Map<String, List<String>> headers() {
    return headers == null ? Map.of() : headers;
  }

  /** The raw response body as text. */
  public String body() {
    return body;
  }

  /**
   * The entries of the error's google.rpc {@code details} array, in order: branch on
   * {@link #errorInfo()}'s reason rather than on message text. Unknown entry types are kept as
   * JSON. Empty when the body had none (or after Java deserialization of the exception).
   */
  public List<ErrorDetail> details() {
    return details == null ? List.of() : details;
  }

  /** The first {@code google.rpc.ErrorInfo} of {@link #details()}, if the server sent one. */
  public Optional<ErrorInfo> errorInfo() {
    return details().stream().flatMap(d -> d.errorInfo().stream()).findFirst();
  }

  /** How long the server asked the caller to wait ({@code retry-after-ms} or {@code Retry-After}). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
