package ai.fireworks.sdk.testkit.internal;

/** google.rpc status codes with the HTTP status grpc-gateway maps each one to. */
public enum RpcCode {
  OK(0, 200),
  CANCELLED(1, 499),
  UNKNOWN(2, 500),
  INVALID_ARGUMENT(3, 400),
  DEADLINE_EXCEEDED(4, 504),
  NOT_FOUND(5, 404),
  ALREADY_EXISTS(6, 409),
  PERMISSION_DENIED(7, 403),
  RESOURCE_EXHAUSTED(8, 429),
  FAILED_PRECONDITION(9, 400),
  ABORTED(10, 409),
  OUT_OF_RANGE(11, 400),
  UNIMPLEMENTED(12, 501),
  INTERNAL(13, 500),
  UNAVAILABLE(14, 503),
  DATA_LOSS(15, 500),
  UNAUTHENTICATED(16, 401);

  private final int number;
  private final int httpStatus;

  RpcCode(int number, int httpStatus) {
    this.number = number;
    this.httpStatus = httpStatus;
  }

  /** The numeric code written in control-plane error bodies. */
  public int number() {
    return number;
  }

  /** The HTTP status grpc-gateway answers with. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The code that goes with an HTTP status, for errors that start from a status (faults). */
  public static RpcCode forHttpStatus(int status) {
    switch (status) {
      case 400: return INVALID_ARGUMENT;
      case 401: return UNAUTHENTICATED;
      case 403: return PERMISSION_DENIED;
      case 404: return NOT_FOUND;
      case 409: return ALREADY_EXISTS;
      case 412: return FAILED_PRECONDITION;
      case 429: return RESOURCE_EXHAUSTED;
      case 501: return UNIMPLEMENTED;
      case 503: return UNAVAILABLE;
      case 408:
      case 504: return DEADLINE_EXCEEDED;
      default: return status >= 500 ? INTERNAL : UNKNOWN;
    }
  }
}
