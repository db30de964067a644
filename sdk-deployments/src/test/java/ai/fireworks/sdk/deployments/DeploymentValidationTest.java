package ai.fireworks.sdk.deployments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every client-side rule fails before anything is sent, naming the field, the value and the rule. */
class DeploymentValidationTest {
  static final ModelName LLAMA = ModelName.parse("accounts/fireworks/models/llama-v3p2-3b-instruct");
  static final DeploymentName MY_LLAMA = DeploymentName.parse("accounts/acme/deployments/my-llama");

  @StartStop final MockWebServer server = new MockWebServer();
  private FireworksClient fw;
  private DeploymentsClient deployments;

  @BeforeEach
  void setUp() {
    fw = FireworksClient.builder().apiKey("fw-secret-key").accountId("acme").baseUrl(server.url("/").toString()).build();
    deployments = DeploymentsClient.of(fw);
  }

  @AfterEach
  void tearDown() {
    fw.close();
  }

  private String rejectedCreate(Consumer<CreateDeploymentRequest> settings) {
    CreateDeploymentRequest request = deployments.create(LLAMA);
    settings.accept(request);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, request::submit);
    assertThrows(IllegalArgumentException.class, request::submitAsync, "async validates at once too");
    assertEquals(0, server.getRequestCount(), "nothing was sent");
    return e.getMessage();
  }

  private String rejectedUpdate(Consumer<UpdateDeploymentRequest> settings) {
    UpdateDeploymentRequest request = deployments.update(MY_LLAMA);
    settings.accept(request);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, request::submit);
    assertEquals(0, server.getRequestCount(), "nothing was sent");
    return e.getMessage();
  }

  @Test
  void deploymentIdFollowsTheApiIdRule() {
    String m = rejectedCreate(r -> r.deploymentId("My_Llama"));
    assertTrue(m.contains("deploymentId 'My_Llama'") && m.contains("a-z, 0-9"), m);
    assertTrue(rejectedCreate(r -> r.deploymentId("9lives")).contains("starts with '9'"));
    assertTrue(rejectedCreate(r -> r.deploymentId("trailing-")).contains("ends with '-'"));
    assertTrue(rejectedCreate(r -> r.deploymentId("a".repeat(64))).contains("64 characters"));
  }

  @Test
  void replicaCountsAreNonNegative() {
    assertEquals("minReplicaCount must be at least 0, was -1", rejectedCreate(r -> r.minReplicaCount(-1)));
    assertEquals("maxReplicaCount must be at least 0, was -2", rejectedCreate(r -> r.maxReplicaCount(-2)));
    assertEquals("minReplicaCount must be at least 0, was -1", rejectedUpdate(r -> r.minReplicaCount(-1)));
  }

  @Test
  void minMustNotExceedMax() {
    String m = rejectedCreate(r -> r.minReplicaCount(3).maxReplicaCount(2));
    assertTrue(m.contains("minReplicaCount must not exceed maxReplicaCount, was min 3 > max 2"), m);
    assertTrue(rejectedUpdate(r -> r.minReplicaCount(3).maxReplicaCount(1)).contains("min 3 > max 1"));
  }

  @Test
  void scaleToZeroWindowIsAtLeastFiveMinutes() {
    assertEquals("scaleToZeroWindow must be at least 5m, was 4m59s (Fireworks does not scale to zero sooner)",
        rejectedCreate(r -> r.scaleToZeroWindow(Duration.ofSeconds(299))));
    assertTrue(rejectedUpdate(r -> r.scaleToZeroWindow(Duration.ofMinutes(1))).contains("at least 5m, was 1m"));
  }

  @Test
  void scaleUpAndDownWindowsAreAtMostOneHourAndNotNegative() {
    assertEquals("scaleUpWindow must be at most 1h, was 1h0m1s",
        rejectedCreate(r -> r.scaleUpWindow(Duration.ofSeconds(3601))));
    assertEquals("scaleDownWindow must be at most 1h, was 2h0m0s",
        rejectedCreate(r -> r.scaleDownWindow(Duration.ofHours(2))));
    assertTrue(rejectedCreate(r -> r.scaleUpWindow(Duration.ofSeconds(-1))).contains("scaleUpWindow must not be negative"));
    assertTrue(rejectedUpdate(r -> r.scaleDownWindow(Duration.ofMinutes(61))).contains("scaleDownWindow must be at most 1h"));
  }

  @Test
  void acceleratorCountIsAtLeastOne() {
    assertEquals("acceleratorCount must be at least 1, was 0", rejectedCreate(r -> r.acceleratorCount(0)));
    assertEquals("acceleratorCount must be at least 1, was 0", rejectedUpdate(r -> r.acceleratorCount(0)));
  }

  @Test
  void displayNameIsShorterThan64Characters() {
    String m = rejectedCreate(r -> r.displayName("x".repeat(64)));
    assertTrue(m.startsWith("displayName must be shorter than 64 characters, was 64 characters"), m);
    assertTrue(rejectedUpdate(r -> r.displayName("y".repeat(80))).contains("was 80 characters"));
  }

  @Test
  void anEmptyUpdateIsRefused() {
    assertTrue(rejectedUpdate(r -> { }).contains("sets no fields"));
  }

  @Test
  void returnExistingIfMatchesNeedsAnId() {
    assertTrue(rejectedCreate(CreateDeploymentRequest::returnExistingIfMatches).contains("needs a deploymentId"));
  }

  @Test
  void scaleToANegativeCountIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> deployments.scale(MY_LLAMA, -1));
    assertEquals("replicaCount must be at least 0, was -1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> deployments.scaleAsync(MY_LLAMA, -3));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void pageSizeIsBetweenOneAnd200() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ListDeploymentsRequest.builder().pageSize(201).build());
    assertEquals("pageSize must be between 1 and 200, was 201", e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void applyAndPlanNeedADeploymentId() {
    DeploymentSpec spec = DeploymentSpec.builder().baseModel(LLAMA).build();
    assertThrows(IllegalArgumentException.class, () -> deployments.plan(spec));
    assertThrows(IllegalArgumentException.class, () -> deployments.apply(spec));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void unsetMaxIsShownAsTheServerDefaultButNotSent() {
    DeploymentSpec zero = DeploymentSpec.builder().baseModel(LLAMA).build();
    DeploymentSpec three = DeploymentSpec.builder().baseModel(LLAMA).minReplicaCount(3).build();

    assertEquals(0, zero.effectiveMinReplicaCount());
    assertEquals(1, zero.effectiveMaxReplicaCount());
    assertEquals(3, three.effectiveMaxReplicaCount());
    assertTrue(three.maxReplicaCount().isEmpty());
    assertTrue(three.toString().contains("effectiveMaxReplicaCount=3"), three.toString());
  }

  @Test
  void longPromptWithOneAcceleratorWarnsButIsSent() throws Exception {
    Logger logger = Logger.getLogger("ai.fireworks.sdk.deployments");
    List<LogRecord> records = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(capture);
    try {
      server.enqueue(Fixtures.ok(Fixtures.text("deployment-creating.json")));

      deployments.create(LLAMA).longPrompt(true).acceleratorCount(1).submit();

      assertEquals(1, server.getRequestCount(), "a warning, not a failure");
      assertEquals(1, records.size());
      assertEquals(Level.WARNING, records.get(0).getLevel());
      assertTrue(records.get(0).getMessage().contains("acceleratorCount=1"), records.get(0).getMessage());
    } finally {
      logger.removeHandler(capture);
    }
  }
}
