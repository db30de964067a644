package ai.fireworks.sdk.deployments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentJsonTest {
  @Test
  void readsEveryModelledFieldOfARealisticDeployment() throws Exception {
    Deployment d = Json.MAPPER.readValue(Fixtures.text("deployment.json"), Deployment.class);

    assertEquals(DeploymentName.parse("accounts/acme/deployments/my-llama"), d.name());
    assertEquals("Llama 3.2 3B for support", d.displayName().orElseThrow());
    assertEquals(ModelName.parse("accounts/fireworks/models/llama-v3p2-3b-instruct"), d.baseModel());
    assertEquals(DeploymentState.READY, d.state());
    assertTrue(d.isReady());
    assertEquals("OK", d.status().orElseThrow().code());
    assertEquals(0, d.minReplicaCount());
    assertEquals(2, d.maxReplicaCount());
    assertEquals(1, d.desiredReplicaCount());
    assertEquals(1, d.replicaStats().orElseThrow().readyReplicaCount());
    AutoscalingPolicy policy = d.autoscalingPolicy().orElseThrow();
    assertEquals(Duration.ofSeconds(30), policy.scaleUpWindow().orElseThrow());
    assertEquals(Duration.ofMinutes(10), policy.scaleDownWindow().orElseThrow());
    assertEquals(Duration.ofMinutes(5), policy.scaleToZeroWindow().orElseThrow());
    assertEquals(Map.of("default", 0.8), policy.loadTargets());
    assertEquals(AcceleratorType.NVIDIA_H100_80GB, d.acceleratorType().orElseThrow());
    assertEquals(1, d.acceleratorCount().orElseThrow());
    assertEquals(Precision.FP8, d.precision().orElseThrow());
    assertTrue(d.enableAddons());
    assertFalse(d.longPrompt());
    assertEquals(Region.US_VIRGINIA_1, d.placement().orElseThrow().region().orElseThrow());
    assertEquals(Region.US_VIRGINIA_1, d.region().orElseThrow());
    assertEquals(Instant.parse("2026-03-02T09:58:12.417Z"), d.createTime().orElseThrow());
    assertEquals(Map.of("custom/team", "support"), d.annotations());
  }

  @Test
  void enableHotReloadLatestAddonIsReadWhenReportedAndEmptyOtherwise() throws Exception {
    Deployment hot = Json.MAPPER.readValue(Fixtures.edited("deployment.json",
        n -> n.put("enableHotReloadLatestAddon", true)), Deployment.class);
    Deployment plain = Json.MAPPER.readValue(Fixtures.text("deployment.json"), Deployment.class);

    assertTrue(hot.enableHotReloadLatestAddon().orElseThrow());
    assertFalse(hot.unknownFields().containsKey("enableHotReloadLatestAddon"));
    assertTrue(plain.enableHotReloadLatestAddon().isEmpty());
  }

  @Test
  void directRouteKeysAreReadableButToStringShowsOnlyHowManyThereAre() throws Exception {
    Deployment d = Json.MAPPER.readValue(Fixtures.text("deployment-direct-route.json"), Deployment.class);

    assertEquals(java.util.List.of("dr-SENTINEL-aaaa-1111", "dr-SENTINEL-bbbb-2222"), d.directRouteApiKeys());
    assertEquals(2, d.directRouteApiKeyCount());
    String text = d.toString();
    assertFalse(text.contains("dr-SENTINEL"), text);
    assertTrue(text.contains("directRouteApiKeys=****") && text.contains("directRouteApiKeyCount=2"), text);
    assertFalse(new DeploymentFailedException(d).toString().contains("dr-SENTINEL"));
    JsonNode written = Fixtures.tree(new String(Json.write(d), StandardCharsets.UTF_8));
    assertEquals(2, written.get("directRouteApiKeys").size(), "JSON (what -o json prints) keeps the keys");
    assertFalse(written.has("directRouteApiKeyCount"), "the count is not an API field");
  }

  @Test
  void newerRegionsAreKnownConstantsAndRevocableReplicasAreRead() throws Exception {
    Deployment d = Json.MAPPER.readValue("{\"name\": \"accounts/acme/deployments/x\", \"baseModel\": "
        + "\"accounts/fireworks/models/m\", \"region\": \"AP_MALAYSIA_1\", \"placement\": {\"region\": \"US_OHIO_2\"},"
        + " \"replicaStats\": {\"readyReplicaCount\": 3, \"revocableReplicaCount\": 2}}", Deployment.class);

    assertSame(Region.AP_MALAYSIA_1, d.region().orElseThrow());
    assertSame(Region.US_OHIO_2, d.placement().orElseThrow().region().orElseThrow());
    assertEquals(2, d.replicaStats().orElseThrow().revocableReplicaCount());
    for (Region r : java.util.List.of(Region.EU_NETHERLANDS_1, Region.US_WASHINGTON_5, Region.US_MINNESOTA_1,
        Region.US_CALIFORNIA_2)) {
      assertTrue(r.isKnown(), r.toString());
      assertSame(r, Region.of(r.toString()));
    }
  }

  @Test
  void keepsUnknownFieldsAndWritesThemBack() throws Exception {
    Deployment d = Json.MAPPER.readValue(Fixtures.text("deployment.json"), Deployment.class);

    assertEquals("ops@acme.example", d.unknownFields().get("createdBy").asText());
    assertEquals(1, d.unknownFields().get("rolloutStrategy").get("maxSurge").asInt());

    JsonNode written = Fixtures.tree(Json.write(d).length == 0 ? "{}" : new String(Json.write(d), StandardCharsets.UTF_8));
    JsonNode original = Fixtures.tree(Fixtures.text("deployment.json"));
    assertEquals(original.get("rolloutStrategy"), written.get("rolloutStrategy"));
    assertEquals("ops@acme.example", written.get("createdBy").asText());
    assertEquals("300s", written.at("/autoscalingPolicy/scaleToZeroWindow").asText());
    assertEquals("NVIDIA_H100_80GB", written.get("acceleratorType").asText());
    assertFalse(written.has("unknownFields"), "the any-getter flattens the map");
    assertFalse(written.has("ready"), "derived helpers are not written");
    assertEquals(d, Json.MAPPER.readValue(Json.write(d), Deployment.class), "round trip is lossless");
  }

  @Test
  void unknownEnumValuesStatesAndNullsNeverFail() throws Exception {
    Deployment d = Json.MAPPER.readValue(Fixtures.text("deployment-future.json"), Deployment.class);

    assertEquals("WARMING_CACHES", d.state().value());
    assertFalse(d.state().isKnown());
    assertFalse(d.state().isTerminalFailure());
    assertEquals("NVIDIA_X300_512GB", d.acceleratorType().orElseThrow().value());
    assertFalse(d.acceleratorType().orElseThrow().isKnown());
    assertEquals("FP2_EXPERIMENTAL", d.precision().orElseThrow().value());
    assertEquals("SA_SAOPAULO_1", d.region().orElseThrow().value());
    assertEquals("LATAM", d.placement().orElseThrow().multiRegion().orElseThrow());
    assertEquals("accounts/acmeInc/deployments/12ab34cd56ef", d.name().toString(), "server ids parse as they are");
    assertTrue(d.unknownFields().get("futureFlag").isNull(), "a JSON null is kept as NullNode");
    assertEquals(2, d.replicaStats().orElseThrow().initializingReplicaCount());
    assertEquals(0, d.minReplicaCount(), "omitted proto3 ints are 0");
    assertTrue(d.enableMtp().orElseThrow());
    JsonNode written = Fixtures.tree(new String(Json.write(d), StandardCharsets.UTF_8));
    assertEquals("WARMING_CACHES", written.get("state").asText());
    assertEquals(3, written.get("futureList").size());
  }

  @Test
  void knownEnumValuesAreCanonicalConstants() {
    assertSame(DeploymentState.FAILED, DeploymentState.of("FAILED"));
    assertTrue(AcceleratorType.of("NVIDIA_B300_288GB").isKnown());
    assertTrue(AcceleratorType.of("AMD_MI350X_288GB").isKnown());
    assertTrue(Region.of("US_NEWYORK_1").isKnown());
    assertTrue(Precision.of("FP4_MX_MOE").isKnown());
    assertTrue(DeploymentState.DELETING.isTerminalFailure());
    assertFalse(DeploymentState.UPDATING.isTerminalFailure());
  }
}
