package ai.fireworks.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.deployments.AcceleratorType;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.spring.internal.RequestMetrics;
import ai.fireworks.sdk.spring.sample.SampleApplication;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample application against the embedded emulator, over HTTP: its REST endpoint, the health
 * of each declared deployment in each state, request metrics and the hidden API key. One context
 * and one emulator for the whole class; the emulator's clock stands still, so states do not move.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTest {
  private static final FireworksEmulator EMULATOR = FireworksEmulator.start();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static boolean seeded;

  @LocalServerPort
  int port;

  @Autowired
  MeterRegistry registry;

  /**
   * Points the starter at the emulator, where chat is READY, sleepy scaled to zero, broken FAILED,
   * creating CREATING.
   */
  @DynamicPropertySource
  static synchronized void fireworks(DynamicPropertyRegistry properties) {
    if (!seeded) {
      seed();
      seeded = true;
    }
    properties.add("fireworks.api-key", EMULATOR::apiKey);
    properties.add("fireworks.account-id", EMULATOR::accountId);
    properties.add("fireworks.base-url", () -> EMULATOR.baseUrl().toString());
  }

  private static void seed() {
    try (FireworksClient client = EMULATOR.client()) {
      DeploymentsClient deployments = DeploymentsClient.of(client);
      ModelName llama = ModelName.parse("llama-v3p2-3b-instruct");
      deployments.create(llama).deploymentId("chat").minReplicaCount(1).maxReplicaCount(2)
          .acceleratorType(AcceleratorType.NVIDIA_H100_80GB).acceleratorCount(1).submit();
      deployments.create(llama).deploymentId("sleepy").minReplicaCount(0).scaleToZeroWindow(Duration.ofMinutes(5)).submit();
      deployments.create(ModelName.parse("llama-v3p1-8b-instruct")).deploymentId("broken").submit();
      EMULATOR.advance(Duration.ofSeconds(30));
      EMULATOR.failDeployment("broken", "replica crashed: out of memory");
      EMULATOR.advance(Duration.ofMinutes(6));
      deployments.create(ModelName.parse("qwen2p5-7b-instruct")).deploymentId("creating").submit();
    }
  }

  @Test
  void startupVerifiedEachDeclaredDeployment(CapturedOutput output) {
    assertThat(output.getAll()).contains("Fireworks deployment 'chat' accounts/acme/deployments/chat READY")
        .contains("matches its declaration")
        .contains("Fireworks deployment 'missing' (accounts/acme/deployments/missing) failed its startup check (verify): "
            + "it does not exist")
        .contains("Fireworks deployment 'broken'").contains("starting anyway");
  }

  @Test
  void theSampleEndpointQueriesTheDeclaredDeploymentAndIsTimed() throws Exception {
    HttpResponse<String> answer = get("/ask?prompt=hello");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("hello");
    assertThat(EMULATOR.journal().requests("POST", "/inference/v1/completions")).last()
        .satisfies(r -> assertThat(r.bodyJson().get("model").asText())
            .isEqualTo("accounts/fireworks/models/llama-v3p2-3b-instruct#accounts/acme/deployments/chat"));
    assertThat(registry.get(RequestMetrics.REQUESTS).tag("operation", "/inference/v1/completions")
        .tag("method", "POST").tag("status", "200").tag("outcome", "SUCCESS").timer().count()).isGreaterThanOrEqualTo(1);
    JsonNode metric = JSON.readTree(get("/actuator/metrics/" + RequestMetrics.REQUESTS).body());
    assertThat(metric.findValuesAsText("tag")).contains("method", "operation", "status", "outcome");
  }

  @Test
  void healthHasOneEntryPerDeclaredDeploymentInEachState() throws Exception {
    HttpResponse<String> response = get("/actuator/health/fireworks");
    JsonNode fireworks = JSON.readTree(response.body());

    assertThat(fireworks.get("status").asText()).isEqualTo("DOWN");
    JsonNode c = fireworks.get("components");
    assertThat(c.get("chat").get("status").asText()).isEqualTo("UP");
    assertThat(c.get("chat").at("/details/replicas").asInt()).isPositive();
    assertThat(c.get("chat").at("/details/scaledToZero").isMissingNode()).isTrue();
    assertThat(c.get("sleepy").get("status").asText()).isEqualTo("UP");
    assertThat(c.get("sleepy").at("/details/scaledToZero").asBoolean()).isTrue();
    assertThat(c.get("creating").get("status").asText()).isEqualTo("OUT_OF_SERVICE");
    assertThat(c.get("broken").get("status").asText()).isEqualTo("DOWN");
    assertThat(c.get("broken").at("/details/message").asText()).isEqualTo("replica crashed: out of memory");
    assertThat(c.get("missing").get("status").asText()).isEqualTo("DOWN");
    assertThat(c.get("missing").at("/details/state").asText()).isEqualTo("MISSING");
    assertThat(c.get("missing").at("/details/message").asText()).startsWith("HTTP 404").contains("not found");
  }

  @Test
  void probesAreServedFromTheCache() throws Exception {
    get("/actuator/health");
    int reads = EMULATOR.journal().requests("GET", "/v1/accounts/acme/deployments/").size();

    for (int i = 0; i < 5; i++) {
      assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
    }

    assertThat(EMULATOR.journal().requests("GET", "/v1/accounts/acme/deployments/")).hasSize(reads);
  }

  @Test
  void theApiKeyIsHiddenFromEnvAndConfigpropsEvenWithShowValuesAlways() throws Exception {
    String env = get("/actuator/env").body();
    String configprops = get("/actuator/configprops").body();

    assertThat(env).contains("fireworks.api-key").contains("fireworks.account-id").doesNotContain(EMULATOR.apiKey());
    assertThat(configprops).contains("apiKey").contains("acme").doesNotContain(EMULATOR.apiKey());
  }

  @Test
  void theApiKeyNeverReachesTheLog(CapturedOutput output) {
    assertThat(output.getAll()).doesNotContain(EMULATOR.apiKey());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
