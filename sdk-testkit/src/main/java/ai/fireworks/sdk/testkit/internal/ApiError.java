package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer. Rendered in the control plane's google.rpc shape
 * {@code {"code":3,"message":"...","details":[]}} or the inference shape
 * {@code {"error":{"object":"error","type":"...","message":"...","code":"..."}}} depending on the
 * endpoint that raised it.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final RpcCode code;
  private final String inferenceType;
  private final String inferenceCode;
  private final String param;
  private final transient ObjectNode exactInferenceBody;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private String reason;

  private ApiError(int httpStatus, RpcCode code, String message, String inferenceType, String inferenceCode,
      String param, ObjectNode exactInferenceBody) {
    super(message, null, false, false);
    this.httpStatus = httpStatus;
    this.code = code;
    this.inferenceType = inferenceType;
    this.inferenceCode = inferenceCode;
    this.param = param;
    this.exactInferenceBody = exactInferenceBody;
  }

  /** An error with the HTTP status grpc-gateway uses for {@code code}. */
  public static ApiError of(RpcCode code, String message) {
    return new ApiError(code.httpStatus(), code, message, defaultType(code), code.name(), null, null);
  }

  /** An error with an explicit HTTP status. */
  public static ApiError of(int httpStatus, RpcCode code, String message) {
    return new ApiError(httpStatus, code, message, defaultType(code), code.name(), null, null);
  }

  public static ApiError invalid(String message) {
    return of(RpcCode.INVALID_ARGUMENT, message);
  }

  public static ApiError notFound(String message) {
    return of(RpcCode.NOT_FOUND, message);
  }

  public static ApiError failedPrecondition(String message) {
    return of(RpcCode.FAILED_PRECONDITION, message);
  }

  /** The inference 404 for a model that cannot be routed, in the body shape Fireworks uses. */
  public static ApiError modelNotFound() {
    return new ApiError(404, RpcCode.NOT_FOUND, "Model not found, inaccessible, and/or not deployed",
        "invalid_request_error", "NOT_FOUND", "model", null);
  }

  /** The 503 a deployment at zero replicas answers while it scales up, with Fireworks' exact body. */
  public static ApiError scalingUp() {
    String message = "Deployment is currently scaled to zero and is scaling up. Please retry your request in a few minutes.";
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.putObject("error").put("message", message).put("code", "DEPLOYMENT_SCALING_UP").put("type", "error");
    return new ApiError(503, RpcCode.UNAVAILABLE, message, "error", "DEPLOYMENT_SCALING_UP", null, body);
  }

  /** Same error with an inference {@code type}/{@code code}/{@code param}. */
  public ApiError inference(String type, String inferenceCode, String param) {
    ApiError e = new ApiError(httpStatus, code, getMessage(), type, inferenceCode, param, exactInferenceBody);
    e.headers.putAll(headers);
    return e;
  }

  /** Adds a response header. */
  public ApiError header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Adds a {@code google.rpc.ErrorInfo} with {@code reason} (domain {@code fireworks.ai}) to the control-plane body. */
  public ApiError reason(String reason) {
    this.reason = reason;
    return this;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public RpcCode code() {
    return code;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** {@code {"code": n, "message": "...", "details": [...]}}, details holding the {@link #reason} if set. */
  public ObjectNode controlPlaneBody() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("code", code.number());
    body.put("message", getMessage());
    com.fasterxml.jackson.databind.node.ArrayNode details = body.putArray("details");
    if (reason != null) {
      details.addObject().put("@type", "type.googleapis.com/google.rpc.ErrorInfo").put("reason", reason)
          .put("domain", "fireworks.ai");
    }
    return body;
  }

  /** {@code {"error": {"object": "error", "type": ..., "message": ..., "code": ...}}}. */
  public ObjectNode inferenceBody() {
    if (exactInferenceBody != null) {
      return exactInferenceBody.deepCopy();
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode error = body.putObject("error");
    error.put("object", "error");
    error.put("type", inferenceType);
    error.put("message", getMessage());
    if (param != null) {
      error.put("param", param);
    }
    error.put("code", inferenceCode);
    return body;
  }

  private static String defaultType(RpcCode code) {
    switch (code) {
      case UNAUTHENTICATED: return "authentication_error";
      case PERMISSION_DENIED: return "permission_error";
      case RESOURCE_EXHAUSTED: return "rate_limit_error";
      case INTERNAL:
      case UNAVAILABLE:
      case UNKNOWN:
      case DEADLINE_EXCEEDED: return "server_error";
      default: return "invalid_request_error";
    }
  }
}
