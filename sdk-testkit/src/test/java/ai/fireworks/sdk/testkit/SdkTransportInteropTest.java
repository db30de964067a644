package ai.fireworks.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.AuthenticationException;
import ai.fireworks.sdk.core.BadRequestException;
import ai.fireworks.sdk.core.ConflictException;
import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.RateLimitException;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RetryPolicy;
import ai.fireworks.sdk.core.internal.ApiRequest;
import ai.fireworks.sdk.core.internal.ApiResponse;
import ai.fireworks.sdk.core.internal.Blocking;
import ai.fireworks.sdk.core.internal.ClientAccess;
import ai.fireworks.sdk.core.internal.HttpTransport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client the emulator hands out reaches it, and sdk-core's error decoding maps each of the
 * emulator's error shapes to the intended exception (a cross-check of both sides).
 */
class SdkTransportInteropTest {
  @RegisterExtension
  final FireworksEmulatorExtension ext = new FireworksEmulatorExtension();

  private static ApiException failure(HttpTransport t, ApiRequest request) {
    return assertThrows(ApiException.class, () -> Blocking.join(t.send(request, RequestOptions.none())));
  }

  @Test
  void clientIsConfiguredForTheEmulator(FireworksClient client, FireworksEmulator fw) {
    HttpTransport t = ClientAccess.transport(client);

    ApiResponse r = Blocking.join(t.send(ApiRequest.post("/v1/accounts/acme/deployments",
        Map.of("baseModel", "accounts/fireworks/models/llama-v3p2-3b-instruct")).query("deploymentId", "sdk"),
        RequestOptions.none()));

    assertEquals(200, r.status());
    assertEquals("accounts/acme/deployments/sdk", r.json(JsonNode.class).get("name").asText());
    assertEquals(fw.baseUrl(), client.baseUrl());
    assertEquals("acme", client.requireAccountId().toString());
    assertTrue(fw.journal().last().header("user-agent").orElseThrow().startsWith("fireworks-java/"));
  }

  @Test
  void errorShapesDecodeToTheRightExceptions(FireworksClient client, FireworksEmulator fw) {
    HttpTransport t = ClientAccess.transport(client);
    Blocking.join(t.send(ApiRequest.post("/v1/accounts/acme/deployments",
        Map.of("baseModel", "accounts/fireworks/models/llama-v3p2-3b-instruct")).query("deploymentId", "dup"),
        RequestOptions.none()));

    ApiException notFound = failure(t, ApiRequest.get("/v1/accounts/acme/deployments/missing"));
    ApiException conflict = failure(t, ApiRequest.post("/v1/accounts/acme/deployments",
        Map.of("baseModel", "accounts/fireworks/models/llama-v3p2-3b-instruct")).query("deploymentId", "dup"));
    ApiException bad = failure(t, ApiRequest.post("/v1/accounts/acme/deployments", Map.of()).query("deploymentId", "b"));

    assertInstanceOf(NotFoundException.class, notFound);
    assertEquals("NOT_FOUND", notFound.errorCode().orElseThrow());
    assertEquals(fw.journal().last().requestId(), bad.requestId().orElseThrow(), "x-request-id reaches the exception");
    assertInstanceOf(ConflictException.class, conflict);
    assertEquals("ALREADY_EXISTS", conflict.errorCode().orElseThrow());
    assertInstanceOf(BadRequestException.class, bad);
    assertEquals("INVALID_ARGUMENT", bad.errorCode().orElseThrow());
    assertTrue(bad.errorMessage().contains("base_model is required"));
  }

  @Test
  void coldStartDecodesAsDeploymentScalingUp(FireworksEmulator fw) {
    try (FireworksClient noRetries = fw.clientBuilder().retryPolicy(RetryPolicy.none()).build()) {
      HttpTransport t = ClientAccess.transport(noRetries);
      Blocking.join(t.send(ApiRequest.post("/v1/accounts/acme/deployments",
          Map.of("baseModel", "accounts/fireworks/models/llama-v3p2-3b-instruct")).query("deploymentId", "cold"),
          RequestOptions.none()));
      fw.advance(Duration.ofSeconds(30));
      Blocking.join(t.send(ApiRequest.patch("/v1/accounts/acme/deployments/cold:scale", Map.of("replicaCount", 0)),
          RequestOptions.none()));

      ApiException e = failure(t, ApiRequest.post("/inference/v1/completions",
          Map.of("model", "accounts/acme/deployments/cold", "prompt", "hi")));

      assertInstanceOf(DeploymentScalingUpException.class, e);
      assertEquals(503, e.statusCode());
    }
  }

  @Test
  void rateLimitAndAuthDecode(FireworksEmulator fw) {
    try (FireworksClient noRetries = fw.clientBuilder().retryPolicy(RetryPolicy.none()).build();
         FireworksClient wrongKey = FireworksClient.builder().apiKey("wrong").baseUrl(fw.baseUrl()).build()) {
      fw.faults().inject(Fault.rateLimited(Duration.ofSeconds(3)));

      ApiException limited = failure(ClientAccess.transport(noRetries), ApiRequest.get("/v1/accounts/acme/deployments"));
      ApiException unauthenticated = failure(ClientAccess.transport(wrongKey), ApiRequest.get("/v1/accounts/acme/deployments"));

      assertInstanceOf(RateLimitException.class, limited);
      assertEquals(Duration.ofSeconds(3), limited.retryAfter().orElseThrow());
      assertInstanceOf(AuthenticationException.class, unauthenticated);
    }
  }

  @Test
  void theClientsRetriesRideThroughInjected503s(FireworksClient client, FireworksEmulator fw) {
    fw.faults().inject(Fault.serverError(503).times(2));

    ApiResponse r = Blocking.join(ClientAccess.transport(client).send(
        ApiRequest.get("/v1/accounts/acme/deployments"), RequestOptions.none()));

    assertEquals(200, r.status());
    assertEquals(3, fw.journal().size());
  }
}
