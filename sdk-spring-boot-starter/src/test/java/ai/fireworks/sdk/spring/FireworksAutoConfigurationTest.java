package ai.fireworks.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.deployments.AcceleratorType;
import ai.fireworks.sdk.deployments.DeploymentSpec;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.ColdStartPolicy;
import ai.fireworks.sdk.inference.InferenceClient;
import ai.fireworks.sdk.spring.internal.RequestMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Every condition of the auto-configuration, in plain application contexts (no emulator needed). */
class FireworksAutoConfigurationTest {
  private static final String KEY = "fw-test-0123456789abcdef";

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
      FireworksAutoConfiguration.class, FireworksHealthAutoConfiguration.class, FireworksMetricsAutoConfiguration.class));

  @Test
  void withoutAnApiKeyThereIsNoClientButTheDeclarationsStillBind() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context).doesNotHaveBean(FireworksClient.class);
      assertThat(context).doesNotHaveBean(DeploymentsClient.class);
      assertThat(context).doesNotHaveBean(InferenceClient.class);
      assertThat(context).hasSingleBean(DeclaredDeployments.class);
    });
  }

  @Test
  void aBlankApiKeyCountsAsNone() {
    runner.withPropertyValues("fireworks.api-key= ").run(context -> assertThat(context).doesNotHaveBean(FireworksClient.class));
  }

  @Test
  void propertiesConfigureTheClientAndItsServices() {
    runner.withPropertyValues("fireworks.api-key=" + KEY, "fireworks.account-id=acme",
        "fireworks.base-url=http://127.0.0.1:9/v1", "fireworks.connect-timeout=2s", "fireworks.retry.max-attempts=5",
        "fireworks.cold-start.budget=90s", "fireworks.cold-start.initial-backoff=1s").run(context -> {
          FireworksClient client = context.getBean(FireworksClient.class);
          assertThat(client.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
          assertThat(client.requireAccountId().value()).isEqualTo("acme");
          assertThat(context).hasSingleBean(DeploymentsClient.class);
          ColdStartPolicy coldStart = context.getBean(InferenceClient.class).coldStartPolicy();
          assertThat(coldStart.budget()).isEqualTo(Duration.ofSeconds(90));
          assertThat(coldStart.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
          assertThat(context.getBean(FireworksProperties.class).getRetry().getMaxAttempts()).isEqualTo(5);
        });
  }

  @Test
  void theSdkEnvironmentVariablesWorkUnchanged() {
    runner.withInitializer(c -> c.getEnvironment().getPropertySources().addFirst(new SystemEnvironmentPropertySource(
        "systemEnvironment", Map.of("FIREWORKS_API_KEY", KEY, "FIREWORKS_ACCOUNT_ID", "acme",
            "FIREWORKS_BASE_URL", "http://127.0.0.1:9")))).run(context -> {
              FireworksClient client = context.getBean(FireworksClient.class);
              assertThat(client.requireAccountId().value()).isEqualTo("acme");
              assertThat(client.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
            });
  }

  @Test
  void theClientIsClosedWithTheContext() {
    FireworksClient[] client = new FireworksClient[1];
    runner.withPropertyValues("fireworks.api-key=" + KEY, "fireworks.account-id=acme", "fireworks.base-url=http://127.0.0.1:9")
        .run(context -> client[0] = context.getBean(FireworksClient.class));
    DeploymentsClient deployments = DeploymentsClient.of(client[0]);
    org.junit.jupiter.api.Assertions.assertThrows(FireworksException.class, () -> deployments.list());
  }

  @Test
  void userSuppliedBeansWin() {
    runner.withPropertyValues("fireworks.api-key=" + KEY).withUserConfiguration(OwnClients.class).run(context -> {
      assertThat(context.getBean(FireworksClient.class)).isSameAs(context.getBean(OwnClients.class).client);
      assertThat(context.getBean(InferenceClient.class).coldStartPolicy()).isEqualTo(ColdStartPolicy.disabled());
      assertThat(context).hasSingleBean(DeploymentsClient.class);
    });
  }

  @Test
  void aUserClientIsUsedEvenWithoutAnApiKeyProperty() {
    runner.withUserConfiguration(OwnClients.class).run(context -> {
      assertThat(context).hasSingleBean(FireworksClient.class);
      assertThat(context).hasSingleBean(DeploymentsClient.class);
    });
  }

  @Test
  void declaredDeploymentsBindEverySeedOptionAndAreInjectableById() {
    runner.withPropertyValues("fireworks.api-key=" + KEY, "fireworks.account-id=acme", "fireworks.deployments-on-startup=none",
        "fireworks.deployments.my-llama.base-model=llama-v3p2-3b-instruct",
        "fireworks.deployments.my-llama.min-replica-count=0", "fireworks.deployments.my-llama.max-replica-count=2",
        "fireworks.deployments.my-llama.scale-up-window=30s", "fireworks.deployments.my-llama.scale-down-window=10m",
        "fireworks.deployments.my-llama.scale-to-zero-window=5m",
        "fireworks.deployments.my-llama.accelerator-type=NVIDIA_H100_80GB",
        "fireworks.deployments.my-llama.accelerator-count=1", "fireworks.deployments.my-llama.long-prompt=true",
        "fireworks.deployments.my-llama.enable-addons=true",
        "fireworks.deployments.other.base-model=accounts/acme/models/custom",
        "fireworks.deployments.other.deployment-shape=accounts/fireworks/deploymentShapes/small")
        .withUserConfiguration(NeedsModelRef.class).run(context -> {
          DeclaredDeployments declared = context.getBean(DeclaredDeployments.class);
          assertThat(declared.ids()).containsExactly("my-llama", "other");
          DeploymentSpec spec = declared.spec("my-llama");
          assertThat(spec.baseModel().toString()).isEqualTo("accounts/fireworks/models/llama-v3p2-3b-instruct");
          assertThat(spec.minReplicaCount()).contains(0);
          assertThat(spec.maxReplicaCount()).contains(2);
          assertThat(spec.scaleUpWindow()).contains(Duration.ofSeconds(30));
          assertThat(spec.scaleDownWindow()).contains(Duration.ofMinutes(10));
          assertThat(spec.scaleToZeroWindow()).contains(Duration.ofMinutes(5));
          assertThat(spec.acceleratorType()).contains(AcceleratorType.NVIDIA_H100_80GB);
          assertThat(spec.acceleratorCount()).contains(1);
          assertThat(spec.longPrompt()).contains(true);
          assertThat(spec.enableAddons()).contains(true);
          assertThat(declared.spec("other").deploymentShape()).contains("accounts/fireworks/deploymentShapes/small");
          assertThat(declared.spec("other").minReplicaCount()).isEmpty();
          assertThat(context.getBean(NeedsModelRef.class).model.toString()).isEqualTo(
              "accounts/fireworks/models/llama-v3p2-3b-instruct#accounts/acme/deployments/my-llama");
        });
  }

  @Test
  void anInvalidDeclarationStopsStartupNamingThePropertyAndTheRule() {
    runner.withPropertyValues("fireworks.account-id=acme", "fireworks.deployments.my-llama.base-model=llama-v3p2-3b-instruct",
        "fireworks.deployments.my-llama.scale-to-zero-window=4m").run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).hasStackTraceContaining(
              "fireworks.deployments.my-llama: scaleToZeroWindow must be at least 5m, was 4m");
        });
  }

  @Test
  void declaringDeploymentsNeedsAnAccountId() {
    runner.withPropertyValues("fireworks.deployments.my-llama.base-model=llama-v3p2-3b-instruct").run(context ->
        assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("fireworks.account-id"));
  }

  @Test
  void metricsAndHealthNeedTheirPrerequisites() {
    ApplicationContextRunner withKey = runner.withPropertyValues("fireworks.api-key=" + KEY, "fireworks.account-id=acme",
        "fireworks.deployments-on-startup=none", "fireworks.deployments.d.base-model=llama-v3p2-3b-instruct");
    withKey.run(context -> {
      assertThat(context).doesNotHaveBean(RequestMetrics.class);
      assertThat(context).hasBean("fireworksHealthContributor");
    });
    withKey.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context ->
        assertThat(context).hasSingleBean(RequestMetrics.class));
    withKey.withPropertyValues("management.health.fireworks.enabled=false").run(context ->
        assertThat(context).doesNotHaveBean("fireworksHealthContributor"));
    withKey.withClassLoader(new FilteredClassLoader("org.springframework.boot.health", "io.micrometer",
        "org.springframework.boot.actuate")).run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).doesNotHaveBean("fireworksHealthContributor");
          assertThat(context).hasSingleBean(FireworksClient.class);
        });
    runner.withPropertyValues("fireworks.api-key=" + KEY).run(context ->
        assertThat(context).doesNotHaveBean("fireworksHealthContributor"));
  }

  @Test
  void theKeyNeverAppearsInToString() {
    runner.withPropertyValues("fireworks.api-key=" + KEY, "fireworks.account-id=acme").run(context -> {
      assertThat(context.getBean(FireworksProperties.class).toString()).doesNotContain(KEY).contains("****");
      assertThat(context.getBean(FireworksClient.class).toString()).doesNotContain(KEY);
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnClients {
    final FireworksClient client = FireworksClient.builder().apiKey("fw-own").baseUrl("http://127.0.0.1:9").build();

    @Bean(destroyMethod = "close")
    FireworksClient ownClient() {
      return client;
    }

    @Bean
    InferenceClient ownInference(FireworksClient c) {
      return InferenceClient.of(c).withColdStart(ColdStartPolicy.disabled());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class NeedsModelRef {
    final ModelRef model;

    NeedsModelRef(@Qualifier("my-llama") ModelRef model) {
      this.model = model;
    }
  }
}
