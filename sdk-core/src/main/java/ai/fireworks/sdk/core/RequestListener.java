package ai.fireworks.sdk.core;

/**
 * Observes the HTTP traffic of a client, for logging and metrics: once per attempt and once per
 * call (a call is one SDK operation, possibly several attempts). Register with
 * {@link FireworksClient.Builder#addListener}.
 *
 * <p>Callbacks run on the thread that completed the exchange: an HTTP client thread, or the calling
 * thread for the first attempt of a blocking method. They must be fast and must not block. An
 * exception thrown by a listener is logged and otherwise ignored.
 * Events carry method, path and query, status, request id and timing; never headers or the key.
 */
public interface RequestListener {
  /** After each attempt, with its status or failure. Default: nothing. */
  default void onAttempt(RequestEvent event) {}

  /** After the last attempt of a call, with the outcome the caller sees. Default: nothing. */
  default void onCall(RequestEvent event) {}
}
