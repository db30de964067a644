package ai.fireworks.sdk.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One logical API call, before the transport adds the base URL, authentication and default
 * headers. The path is already encoded. Immutable once built.
 */
public final class ApiRequest {
  private final String method;
  private final String path;
  private final Map<String, String> query;
  private final Object body;
  private final boolean idempotent;
  /** Failures of this type are never retried by the transport (the caller has its own loop for them); may be null. */
  private final Class<? extends Throwable> notRetried;

  private ApiRequest(String method, String path, Map<String, String> query, Object body, boolean idempotent) {
    this(method, path, query, body, idempotent, null);
  }

  private ApiRequest(String method, String path, Map<String, String> query, Object body, boolean idempotent,
      Class<? extends Throwable> notRetried) {
    this.method = method;
    this.path = path;
    this.query = query;
    this.body = body;
    this.idempotent = idempotent;
    this.notRetried = notRetried;
  }

  public static ApiRequest get(String path) {
    return new ApiRequest("GET", path, Map.of(), null, true);
  }

  public static ApiRequest delete(String path) {
    return new ApiRequest("DELETE", path, Map.of(), null, true);
  }

  /** A POST, not retried after it may have reached the server unless marked {@link #idempotent()}. */
  public static ApiRequest post(String path, Object body) {
    return new ApiRequest("POST", path, Map.of(), Objects.requireNonNull(body, "body"), false);
  }

  /** A PATCH: it sets fields to given values, so repeating it is harmless. */
  public static ApiRequest patch(String path, Object body) {
    return new ApiRequest("PATCH", path, Map.of(), Objects.requireNonNull(body, "body"), true);
  }

  /** Adds a query parameter; {@code null} values are skipped. */
  public ApiRequest query(String name, Object value) {
    if (value == null) {
      return this;
    }
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put(name, String.valueOf(value));
    return new ApiRequest(method, path, q, body, idempotent, notRetried);
  }

  /** Marks the request safe to repeat (a create keyed by a caller-chosen id, an inference call). */
  public ApiRequest idempotent() {
    return new ApiRequest(method, path, query, body, true, notRetried);
  }

  /**
   * Tells the transport never to retry failures of {@code type}: the caller waits them out under
   * its own rules (inference does so for cold starts).
   */
  public ApiRequest notRetriedOn(Class<? extends Throwable> type) {
    return new ApiRequest(method, path, query, body, idempotent, type);
  }

  /** Whether the transport may retry {@code failure} of this request at all (see {@link #notRetriedOn}). */
  public boolean mayRetry(Throwable failure) {
    return notRetried == null || !notRetried.isInstance(failure);
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public Map<String, String> query() {
    return query;
  }

  /** The body object, serialized with {@link Json#MAPPER}; {@code null} for none. */
  public Object body() {
    return body;
  }

  public boolean isIdempotent() {
    return idempotent;
  }

  /** Method and path with query, never headers: safe to log. */
  @Override
  public String toString() {
    return method + " " + Paths.withQuery(path, query);
  }
}
