package ai.fireworks.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deterministic state machine: phases, polls, failures, scale to zero, cold starts, real time. */
class LifecycleTest {
  private static final String COMPLETION = "{\"model\":\"accounts/acme/deployments/%s\",\"prompt\":\"hello world\"}";

  @Test
  void creatingWalksThroughTheReplicaPhasesThenReady() {
    try (FireworksEmulator fw = FireworksEmulator.start()) {
      Http http = new Http(fw);
      http.createDeployment("d", Http.llama("\"minReplicaCount\":2,\"maxReplicaCount\":2"));
      List<String> seen = new ArrayList<>();
      for (int s = 0; s <= 30; s += 5) {
        JsonNode d = http.get(http.acct("/deployments/d")).json();
        JsonNode st = d.get("replicaStats");
        seen.add(d.get("state").asText() + " p" + st.get("pendingSchedulingReplicaCount").asInt()
            + " d" + st.get("downloadingModelReplicaCount").asInt() + " i" + st.get("initializingReplicaCount").asInt()
            + " r" + st.get("readyReplicaCount").asInt() + " n" + d.get("replicaCount").asInt());
        fw.advance(Duration.ofSeconds(5));
      }

      assertEquals(List.of("CREATING p2 d0 i0 r0 n0", "CREATING p0 d2 i0 r0 n0", "CREATING p0 d2 i0 r0 n0",
          "CREATING p0 d2 i0 r0 n0", "CREATING p0 d0 i2 r0 n0", "CREATING p0 d0 i2 r0 n0", "READY p0 d0 i0 r2 n2"), seen);
      assertEquals("2025-01-01T00:00:30Z", http.get(http.acct("/deployments/d")).json().get("updateTime").asText(),
          "the transition is dated when it happened, not when it was observed");
    }
  }

  @Test
  void phasesAreConfigurable() {
    try (FireworksEmulator fw = FireworksEmulator.builder()
        .creatingPhases(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)).start()) {
      Http http = new Http(fw);
      http.createDeployment("d", Http.llama(""));

      fw.advance(Duration.ofSeconds(5));
      assertEquals("CREATING", http.get(http.acct("/deployments/d")).json().get("state").asText());
      fw.advance(Duration.ofSeconds(1));
      assertEquals("READY", http.get(http.acct("/deployments/d")).json().get("state").asText());
    }
  }

  @Test
  void readyAfterPollsLetsAWaiterOnTheSystemClockFinish() {
    try (FireworksEmulator fw = FireworksEmulator.builder().readyAfterPolls(3).start()) {
      Http http = new Http(fw);
      http.createDeployment("d", Http.llama(""));

      assertEquals("CREATING", http.get(http.acct("/deployments/d")).json().get("state").asText());
      assertEquals("CREATING", http.get(http.acct("/deployments/d")).json().get("state").asText());
      assertEquals("READY", http.get(http.acct("/deployments/d")).json().get("state").asText());
      assertEquals(fw.now(), ManualScheduler.DEFAULT_START, "no time passed");
    }
  }

  @Test
  void failingModelEndsCreatingAsFailedWithStatus() {
    try (FireworksEmulator fw = FireworksEmulator.start()) {
      fw.failDeploymentsOf("accounts/fireworks/models/qwen2p5-7b-instruct", "out of capacity in US_IOWA_1");
      Http http = new Http(fw);
      http.createDeployment("q", "{\"baseModel\":\"accounts/fireworks/models/qwen2p5-7b-instruct\"}");
      http.createDeployment("ok", Http.llama(""));

      fw.advance(Duration.ofMinutes(1));

      JsonNode q = http.get(http.acct("/deployments/q")).json();
      assertEquals("FAILED", q.get("state").asText());
      assertEquals("INTERNAL", q.at("/status/code").asText());
      assertEquals("out of capacity in US_IOWA_1", q.at("/status/message").asText());
      assertEquals(0, q.get("replicaCount").asInt());
      assertEquals("READY", http.get(http.acct("/deployments/ok")).json().get("state").asText());
    }
  }

  @Test
  void failNextDeploymentAndFailDeploymentOnDemand() {
    try (FireworksEmulator fw = FireworksEmulator.start()) {
      Http http = new Http(fw);
      fw.failNextDeployment("quota exceeded");
      http.createDeployment("a", Http.llama(""));
      http.createDeployment("b", Http.llama(""));
      fw.advance(Duration.ofMinutes(1));

      fw.failDeployment("b", "replica crashed");

      assertEquals("quota exceeded", http.get(http.acct("/deployments/a")).json().at("/status/message").asText());
      assertEquals("FAILED", http.get(http.acct("/deployments/b")).json().get("state").asText());
      assertThrows(IllegalArgumentException.class, () -> fw.failDeployment("nope", "x"));
    }
  }

  @Test
  void idleDeploymentScalesToZeroThenColdStartsWith503() {
    try (FireworksEmulator fw = FireworksEmulator.builder().coldStart(Duration.ofSeconds(20)).start()) {
      Http http = new Http(fw);
      http.createDeployment("z", Http.llama("\"autoscalingPolicy\":{\"scaleToZeroWindow\":\"300s\"}"));
      fw.advance(Duration.ofSeconds(30));
      assertEquals(200, http.post("/inference/v1/completions", String.format(COMPLETION, "z")).status());

      fw.advance(Duration.ofSeconds(299));
      assertEquals(1, http.get(http.acct("/deployments/z")).json().get("replicaCount").asInt());
      fw.advance(Duration.ofSeconds(1));
      JsonNode idle = http.get(http.acct("/deployments/z")).json();
      assertEquals("READY", idle.get("state").asText());
      assertEquals(0, idle.get("replicaCount").asInt());

      Http.Resp cold = http.post("/inference/v1/completions", String.format(COMPLETION, "z"));
      assertEquals(503, cold.status());
      assertEquals("DEPLOYMENT_SCALING_UP", cold.json().at("/error/code").asText());
      assertEquals("error", cold.json().at("/error/type").asText());
      assertEquals("Deployment is currently scaled to zero and is scaling up. Please retry your request in a few minutes.",
          cold.json().at("/error/message").asText());
      assertEquals(1, http.get(http.acct("/deployments/z")).json().get("desiredReplicaCount").asInt());

      fw.advance(Duration.ofSeconds(19));
      assertEquals(503, http.post("/inference/v1/completions", String.format(COMPLETION, "z")).status());
      fw.advance(Duration.ofSeconds(1));
      assertEquals(200, http.post("/inference/v1/completions", String.format(COMPLETION, "z")).status());
      assertEquals(1, http.get(http.acct("/deployments/z")).json().get("replicaCount").asInt());
    }
  }

  @Test
  void coldStartCanEndAfterANumberOf503s() {
    try (FireworksEmulator fw = FireworksEmulator.builder().coldStartAfterRequests(2).start()) {
      Http http = new Http(fw);
      http.createDeployment("c", Http.llama("\"maxReplicaCount\":2"));
      fw.advance(Duration.ofSeconds(30));
      http.patch(http.acct("/deployments/c:scale"), "{\"replicaCount\":0}");

      assertEquals(503, http.post("/inference/v1/completions", String.format(COMPLETION, "c")).status());
      assertEquals(503, http.post("/inference/v1/completions", String.format(COMPLETION, "c")).status());
      assertEquals(200, http.post("/inference/v1/completions", String.format(COMPLETION, "c")).status());
    }
  }

  @Test
  void minReplicasAboveZeroNeverScaleToZero() {
    try (FireworksEmulator fw = FireworksEmulator.start()) {
      Http http = new Http(fw);
      http.createDeployment("warm", Http.llama("\"minReplicaCount\":1"));

      fw.advance(Duration.ofDays(2));

      assertEquals(1, http.get(http.acct("/deployments/warm")).json().get("replicaCount").asInt());
    }
  }

  @Test
  void deletingDelayShowsDeletingFirst() {
    try (FireworksEmulator fw = FireworksEmulator.builder().deletingDelay(Duration.ofSeconds(10)).start()) {
      Http http = new Http(fw);
      http.createDeployment("d", Http.llama(""));
      http.createDeployment("h", Http.llama(""));
      http.delete(http.acct("/deployments/d"));
      http.delete(http.acct("/deployments/h?hard=true"));

      assertEquals("DELETING", http.get(http.acct("/deployments/d")).json().get("state").asText());
      assertEquals("DELETING", http.get(http.acct("/deployments/h")).json().get("state").asText());
      fw.advance(Duration.ofSeconds(10));
      assertEquals("DELETED", http.get(http.acct("/deployments/d")).json().get("state").asText());
      assertEquals(404, http.get(http.acct("/deployments/h")).status());
    }
  }

  @Test
  void sharedTimelineMovesTheEmulatorAndTheTestsTasksTogether() {
    ManualScheduler time = new ManualScheduler(Instant.parse("2026-03-01T12:00:00Z"));
    try (FireworksEmulator fw = FireworksEmulator.builder().timeline(time).start()) {
      Http http = new Http(fw);
      http.createDeployment("t", Http.llama(""));
      List<String> states = new ArrayList<>();
      java.util.concurrent.ScheduledFuture<?> unused = time.scheduleAtFixedRate(() -> states.add(http.get(http.acct("/deployments/t")).json().get("state").asText()),
          10, 10, java.util.concurrent.TimeUnit.SECONDS);

      fw.advance(Duration.ofSeconds(40));

      assertEquals(List.of("CREATING", "CREATING", "READY", "READY"), states);
      assertEquals(Instant.parse("2026-03-01T12:00:40Z"), fw.now());
      assertEquals("2026-03-01T12:00:00Z", http.get(http.acct("/deployments/t")).json().get("createTime").asText());
    }
  }

  @Test
  void realTimeModeShowsCreatingThenReadyOnTheSystemClock() throws Exception {
    try (FireworksEmulator fw = FireworksEmulator.builder().realTime(Duration.ofMillis(600)).start()) {
      Http http = new Http(fw);
      assertTrue(fw.isRealTime());
      assertThrows(IllegalStateException.class, () -> fw.advance(Duration.ofSeconds(1)));
      assertEquals("CREATING", http.createDeployment("rt", Http.llama("")).get("state").asText());

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      String state = "CREATING";
      while (!state.equals("READY") && System.nanoTime() < deadline) {
        Thread.sleep(50); // bounded polling of a real-time emulator, as a waiter would
        state = http.get(http.acct("/deployments/rt")).json().get("state").asText();
      }
      assertEquals("READY", state);
    }
  }
}
