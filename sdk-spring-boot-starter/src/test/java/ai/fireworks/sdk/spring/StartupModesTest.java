package ai.fireworks.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real Spring Boot startups (no web server) in each {@code fireworks.deployments-on-startup} mode
 * against the embedded emulator, with one declared deployment {@code llama}. The emulator finishes
 * CREATING at the first read, so apply-and-wait needs no emulated time.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupModesTest {
  private static final FireworksEmulator EMULATOR = FireworksEmulator.builder().readyAfterPolls(1).start();

  @AfterEach
  void reset() {
    EMULATOR.reset();
  }

  @AfterAll
  static void stop() {
    EMULATOR.close();
  }

  @Test
  void noneSendsNothing() {
    try (ConfigurableApplicationContext context = start("none")) {
      assertThat(context.getBean(DeclaredDeployments.class).ids()).containsExactly("llama");
      assertThat(EMULATOR.journal().size()).isZero();
    }
  }

  @Test
  void verifyStopsStartupNamingAMissingDeployment() {
    RuntimeException e = assertThrows(RuntimeException.class, () -> start("verify").close());

    DeploymentStartupException cause = findCause(e, DeploymentStartupException.class);
    assertThat(cause.deploymentId()).isEqualTo("llama");
    assertThat(cause).hasMessage("Fireworks deployment 'llama' (accounts/acme/deployments/llama) failed its startup "
        + "check (verify): it does not exist; create it (fireworks.deployments-on-startup=apply) or fix the declaration");
  }

  @Test
  void verifyWithWarnLogsTheFailureAndStarts(CapturedOutput output) {
    try (ConfigurableApplicationContext context = start("verify", "--fireworks.deployments-on-startup-failure=warn")) {
      assertThat(context.isActive()).isTrue();
      assertThat(output.getAll()).contains("failed its startup check (verify): it does not exist")
          .contains("starting anyway");
    }
  }

  @Test
  void verifyLogsTheStateAndTheDriftFromTheDeclaration(CapturedOutput output) {
    try (var client = EMULATOR.client()) {
      DeploymentsClient.of(client).create(ModelName.parse("llama-v3p2-3b-instruct")).deploymentId("llama")
          .minReplicaCount(0).maxReplicaCount(1).submit();
    }
    EMULATOR.journal().clear();
    try (ConfigurableApplicationContext context = start("verify")) {
      assertThat(context.isActive()).isTrue();
      assertThat(output.getAll()).contains("Fireworks deployment 'llama' accounts/acme/deployments/llama READY")
          .contains("drifts from its declaration: minReplicaCount: 0 -> 1");
      assertThat(EMULATOR.journal().requests(r -> !r.method().equals("GET"))).isEmpty();
    }
  }

  @Test
  void planLogsWhatApplyWouldDoAndChangesNothing(CapturedOutput output) {
    try (ConfigurableApplicationContext context = start("plan")) {
      assertThat(context.isActive()).isTrue();
      assertThat(output.getAll()).contains("Fireworks deployment 'llama' plan: CREATE accounts/acme/deployments/llama")
          .contains("minReplicaCount: 1");
      assertThat(EMULATOR.journal().requests(r -> !r.method().equals("GET"))).isEmpty();
      assertThat(EMULATOR.deployment("llama")).isEmpty();
    }
  }

  @Test
  void applyCreatesTheDeploymentAsDeclared(CapturedOutput output) {
    try (ConfigurableApplicationContext context = start("apply")) {
      assertThat(context.isActive()).isTrue();
      assertThat(EMULATOR.deployment("llama")).hasValueSatisfying(d -> {
        assertThat(d.get("baseModel").asText()).isEqualTo("accounts/fireworks/models/llama-v3p2-3b-instruct");
        assertThat(d.get("minReplicaCount").asInt()).isEqualTo(1);
      });
      assertThat(output.getAll()).contains("Fireworks deployment 'llama' applied (CREATE)");
    }
  }

  @Test
  void applyAndWaitReturnsOnlyOnceTheDeploymentIsReady(CapturedOutput output) {
    try (ConfigurableApplicationContext context = start("apply-and-wait")) {
      assertThat(context.isActive()).isTrue();
      assertThat(EMULATOR.deployment("llama").orElseThrow().get("state").asText()).isEqualTo("READY");
      assertThat(output.getAll()).contains("Fireworks deployment 'llama' waiting: READY")
          .contains("applied (CREATE) and ready: accounts/acme/deployments/llama READY");
    }
  }

  @Test
  void applyAndWaitStopsStartupWhenTheDeploymentFails() {
    EMULATOR.failNextDeployment("no capacity for NVIDIA_H100_80GB");

    RuntimeException e = assertThrows(RuntimeException.class, () -> start("apply-and-wait").close());

    assertThat(findCause(e, DeploymentStartupException.class).getMessage())
        .startsWith("Fireworks deployment 'llama' (accounts/acme/deployments/llama) failed its startup check (apply-and-wait)")
        .contains("no capacity for NVIDIA_H100_80GB");
  }

  @Test
  void withoutAnApiKeyTheFailureAnalysisSaysWhichPropertyToSet(CapturedOutput output) {
    Assumptions.assumeTrue(System.getenv("FIREWORKS_API_KEY") == null, "FIREWORKS_API_KEY is set in this environment");

    assertThrows(RuntimeException.class, () -> run(List.of("--fireworks.account-id=acme",
        "--fireworks.deployments.llama.base-model=llama-v3p2-3b-instruct")).close());

    assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
        .contains("fireworks.deployments-on-startup=verify reads the declared deployments [llama] but no Fireworks "
            + "client exists")
        .contains("Set the property fireworks.api-key").contains("FIREWORKS_API_KEY");
  }

  private static ConfigurableApplicationContext start(String mode, String... more) {
    List<String> args = new ArrayList<>(List.of("--fireworks.api-key=" + EMULATOR.apiKey(),
        "--fireworks.account-id=" + EMULATOR.accountId(), "--fireworks.base-url=" + EMULATOR.baseUrl(),
        "--fireworks.deployments.llama.base-model=llama-v3p2-3b-instruct",
        "--fireworks.deployments.llama.min-replica-count=1", "--fireworks.deployments-on-startup=" + mode));
    args.addAll(List.of(more));
    return run(args);
  }

  private static ConfigurableApplicationContext run(List<String> args) {
    List<String> all = new ArrayList<>(List.of("--spring.config.name=startup-modes-test", "--spring.main.banner-mode=off"));
    all.addAll(args);
    return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(all.toArray(String[]::new));
  }

  private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + e, e);
  }

  /**
   * A bare application: the starter's auto-configuration and nothing else (the test classpath also
   * holds web, actuator and Tomcat, whose auto-configurations would triple each startup's time).
   */
  @SpringBootConfiguration
  @ImportAutoConfiguration(FireworksAutoConfiguration.class)
  static class App {}
}
