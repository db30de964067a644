package ai.fireworks.sdk.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.ErrorDetails;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.RequestEvent;
import ai.fireworks.sdk.inference.ColdStartWait;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Tags stay few whatever ids, model names and queries pass through. */
class RequestMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RequestMetrics metrics = new RequestMetrics(registry);

  @Test
  void pathsBecomeTemplatesWithoutIds() {
    assertThat(OperationTemplate.of("/v1/accounts/acme/deployments/my-llama:scale?x=1"))
        .isEqualTo("/v1/accounts/{account}/deployments/{deployment}:scale");
    assertThat(OperationTemplate.of("/v1/accounts/acmeInc/deployments?pageSize=50&filter=secret"))
        .isEqualTo("/v1/accounts/{account}/deployments");
    assertThat(OperationTemplate.of("/v1/accounts/acme/deployedModels/lora-1")).isEqualTo("/v1/accounts/{account}/deployedModels/{deployedModel}");
    assertThat(OperationTemplate.of("/inference/v1/chat/completions")).isEqualTo("/inference/v1/chat/completions");
    assertThat(OperationTemplate.of("/v1/surprise/fw-abc123:exfiltrate")).isEqualTo("/v1/{id}/{id}:{verb}");
    assertThat(OperationTemplate.of("")).isEqualTo("/");
  }

  @Test
  void thousandsOfDistinctRequestsMakeAHandfulOfTimers() {
    for (int i = 0; i < 2000; i++) {
      String id = "dep-" + i;
      metrics.onCall(event("GET", "/v1/accounts/acct" + i + "/deployments/" + id + "?readMask=" + i, 200, 1));
      metrics.onCall(event("PATCH", "/v1/accounts/acme/deployments/" + id + "?updateMask=min_replica_count", 400 + i % 3, 1));
      metrics.onCall(event("POST", "/v1/accounts/acme/deployments/" + id + ":verb" + i, 200, 1));
      metrics.onCall(event("BREW", "/inference/v1/completions", 500 + i % 4, 1));
      metrics.onAttempt(event("POST", "/inference/v1/" + id + "/completions", 503, 2));
    }
    Set<String> tagValues = new HashSet<>();
    registry.getMeters().forEach(m -> m.getId().getTags().forEach(t -> tagValues.add(t.getValue())));
    assertThat(registry.find(RequestMetrics.REQUESTS).timers()).hasSizeLessThanOrEqualTo(12);
    assertThat(registry.find(RequestMetrics.RETRIES).counters()).hasSize(1);
    assertThat(tagValues).noneMatch(v -> v.contains("dep-") || v.contains("acct") || v.contains("acme") || v.contains("verb1"));
    assertThat(tagValues).contains("/v1/accounts/{account}/deployments/{deployment}", "OTHER", "SUCCESS", "CLIENT_ERROR");
  }

  @Test
  void aCallIsTimedWithItsMethodOperationStatusAndOutcome() {
    metrics.onCall(event("POST", "/inference/v1/completions", 200, 1));
    metrics.onCall(RequestEvent.builder().method("GET").path("/v1/accounts/acme/deployments/x").attempt(3)
        .elapsed(Duration.ofMillis(5)).build());
    Timer ok = registry.get(RequestMetrics.REQUESTS).tag("method", "POST").tag("operation", "/inference/v1/completions")
        .tag("status", "200").tag("outcome", "SUCCESS").timer();
    assertThat(ok.count()).isEqualTo(1);
    assertThat(ok.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(42);
    Meter noResponse = registry.get(RequestMetrics.REQUESTS).tag("status", "NONE").tag("outcome", "UNKNOWN").timer();
    assertThat(noResponse).isNotNull();
  }

  @Test
  void coldStartWaitsAreTimedByReasonWithoutTheModel() {
    ModelRef model = ModelRef.parse("accounts/fireworks/models/llama-v3p2-3b-instruct#accounts/acme/deployments/chat");
    ErrorDetails scalingUp = ErrorDetails.builder().statusCode(503).errorCode("DEPLOYMENT_SCALING_UP")
        .message("scaling up").build();

    metrics.onColdStartWait(ColdStartWait.builder().model(model).cause(new DeploymentScalingUpException(scalingUp))
        .attempt(1).elapsed(Duration.ZERO).nextDelay(Duration.ofSeconds(3)).budget(Duration.ofMinutes(10)).build());
    metrics.onColdStartWait(ColdStartWait.builder().model(model).cause(new DeploymentScalingUpException(scalingUp))
        .attempt(2).elapsed(Duration.ofSeconds(3)).nextDelay(Duration.ofSeconds(6)).budget(Duration.ofMinutes(10)).build());

    Timer waits = registry.get(RequestMetrics.COLD_START_WAITS).tag("reason", "scaling_up").timer();
    assertThat(waits.count()).isEqualTo(2);
    assertThat(waits.totalTime(TimeUnit.SECONDS)).isEqualTo(9);
    assertThat(waits.getId().getTags()).hasSize(1);
  }

  private static RequestEvent event(String method, String path, int status, int attempt) {
    return RequestEvent.builder().method(method).path(path).attempt(attempt).statusCode(status)
        .elapsed(Duration.ofMillis(42)).build();
  }
}
