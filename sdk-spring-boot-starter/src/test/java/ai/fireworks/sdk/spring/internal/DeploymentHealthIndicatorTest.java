package ai.fireworks.sdk.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The cache: one read per TTL on the emulator's clock, whatever the probe rate; states follow after it. */
class DeploymentHealthIndicatorTest {
  private static final FireworksEmulator EMULATOR = FireworksEmulator.start();
  private static final FireworksClient CLIENT = EMULATOR.client();

  @AfterAll
  static void stop() {
    CLIENT.close();
    EMULATOR.close();
  }

  @Test
  void readsAtMostOncePerTtlAndThenSeesTheNewState() {
    DeploymentsClient deployments = DeploymentsClient.of(CLIENT);
    DeploymentName name = deployments.create(ModelName.parse("llama-v3p2-3b-instruct")).deploymentId("cached")
        .minReplicaCount(1).submit().name();
    DeploymentHealthIndicator health = new DeploymentHealthIndicator(deployments, name, Duration.ofSeconds(30),
        EMULATOR.clock());
    EMULATOR.journal().clear();

    for (int i = 0; i < 10; i++) {
      assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }
    assertThat(EMULATOR.journal().size()).isEqualTo(1);

    EMULATOR.advance(Duration.ofSeconds(29));
    assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    assertThat(EMULATOR.journal().size()).isEqualTo(1);

    EMULATOR.advance(Duration.ofSeconds(1));
    Health ready = health.health();
    assertThat(ready.getStatus()).isEqualTo(Status.UP);
    assertThat(ready.getDetails()).containsEntry("state", "READY").containsEntry("replicas", 1)
        .doesNotContainKey("scaledToZero");
    assertThat(EMULATOR.journal().size()).isEqualTo(2);
  }
}
