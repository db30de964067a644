package ai.fireworks.sdk.spring.internal;

import ai.fireworks.sdk.core.RequestEvent;
import ai.fireworks.sdk.core.RequestListener;
import ai.fireworks.sdk.inference.ColdStartWait;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Set;

/**
 * Records the SDK's traffic in Micrometer: the timer {@code fireworks.client.requests} per call
 * (tags method, operation, status, outcome), the counter {@code fireworks.client.retries} per
 * attempt after the first (tags method, operation) and the timer
 * {@code fireworks.client.cold-start.waits} per cold-start wait (tag reason). Every tag has a
 * bounded set of values: operation is a path template ({@link OperationTemplate}), status a number
 * or {@code NONE}. Thread-safe; callbacks only look up and update meters.
 */
public final class RequestMetrics implements RequestListener {
  /** Timer of SDK calls. */
  public static final String REQUESTS = "fireworks.client.requests";
  /** Counter of retried attempts. */
  public static final String RETRIES = "fireworks.client.retries";
  /** Timer of the waits inference spends riding out cold starts. */
  public static final String COLD_START_WAITS = "fireworks.client.cold-start.waits";

  private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");

  private final MeterRegistry registry;

  /** Records into {@code registry}. */
  public RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onCall(RequestEvent event) {
    Timer.builder(REQUESTS).description("Fireworks SDK calls, including their retries")
        .tag("method", method(event)).tag("operation", OperationTemplate.of(event.path()))
        .tag("status", event.statusCode().isPresent() ? Integer.toString(event.statusCode().getAsInt()) : "NONE")
        .tag("outcome", outcome(event))
        .register(registry).record(event.elapsed());
  }

  @Override
  public void onAttempt(RequestEvent event) {
    if (event.attempt() > 1) {
      Counter.builder(RETRIES).description("Fireworks SDK attempts after the first of a call")
          .tag("method", method(event)).tag("operation", OperationTemplate.of(event.path()))
          .register(registry).increment();
    }
  }

  /** Records one cold-start wait: how long inference waits before trying again. */
  public void onColdStartWait(ColdStartWait wait) {
    Timer.builder(COLD_START_WAITS).description("Waits of inference calls riding out a deployment's cold start")
        .tag("reason", wait.isScalingUp() ? "scaling_up" : "not_routable")
        .register(registry).record(wait.nextDelay());
  }

  private static String method(RequestEvent event) {
    String m = event.method().toUpperCase(Locale.ROOT);
    return METHODS.contains(m) ? m : "OTHER";
  }

  private static String outcome(RequestEvent event) {
    if (event.statusCode().isEmpty()) {
      return "UNKNOWN";
    }
    int series = event.statusCode().getAsInt() / 100;
    switch (series) {
      case 1: return "INFORMATIONAL";
      case 2: return "SUCCESS";
      case 3: return "REDIRECTION";
      case 4: return "CLIENT_ERROR";
      case 5: return "SERVER_ERROR";
      default: return "UNKNOWN";
    }
  }
}
