package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.RequestListener;
import ai.fireworks.sdk.core.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * What an {@link HttpTransport} is made of, as the client's builder settled it. Never prints the
 * API key. Immutable apart from the objects it holds; thread-safe.
 *
 * @param http the JDK client that carries the exchanges
 * @param baseUrl the API's root URL
 * @param apiKey the credential sent as a bearer token
 * @param defaultHeaders headers sent with every request (the transport drops those it owns)
 * @param requestTimeout the default per-attempt timeout, body included
 * @param bodyIdleTimeout longest silence inside a streamed body
 * @param retryPolicy the default retry policy
 * @param time the clock and scheduler of timers and retries
 * @param callerExecutor where user-visible futures complete
 * @param listeners told of every attempt and call
 * @param senderThreads whether asynchronous exchanges run on the transport's own threads
 *     ({@link Senders}); see {@link HttpTransport#sendersPayOff()}
 */
public record TransportConfig(HttpClient http, URI baseUrl, String apiKey, Map<String, String> defaultHeaders,
    Duration requestTimeout, Duration bodyIdleTimeout, RetryPolicy retryPolicy, TimeSource time,
    Executor callerExecutor, List<RequestListener> listeners, boolean senderThreads) {

  /** Copies the header map and listener list. */
  public TransportConfig {
    defaultHeaders = Map.copyOf(defaultHeaders);
    listeners = List.copyOf(listeners);
  }

  /** Never shows the API key. */
  @Override
  public String toString() {
    return "TransportConfig{" + baseUrl + "}";
  }
}
