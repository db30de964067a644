package ai.fireworks.sdk.spring;

import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.spring.internal.DeploymentHealthIndicator;
import ai.fireworks.sdk.spring.internal.OnDeclaredDeploymentsCondition;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The actuator health contributor {@code fireworks}: one entry per declared deployment, named by
 * its id (see {@code DeploymentHealthIndicator} for the states), each read at most once per
 * {@code fireworks.health-cache-ttl} (default 30 s). Present when Spring Boot's health support is
 * on the classpath, a {@link DeploymentsClient} exists and deployments are declared; switched off by
 * {@code management.health.fireworks.enabled=false}.
 */
@AutoConfiguration(after = FireworksAutoConfiguration.class)
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBean({DeploymentsClient.class, DeclaredDeployments.class})
@Conditional(OnDeclaredDeploymentsCondition.class)
public class FireworksHealthAutoConfiguration {
  /** Creates the configuration; Spring calls it. */
  public FireworksHealthAutoConfiguration() {}

  /** The composite named {@code fireworks} (Spring Boot drops the {@code HealthContributor} suffix). */
  @Bean
  @ConditionalOnEnabledHealthIndicator("fireworks") // here, not on the class: its condition class must not load without spring-boot-health
  @ConditionalOnMissingBean(name = "fireworksHealthContributor")
  public CompositeHealthContributor fireworksHealthContributor(DeploymentsClient deployments,
      DeclaredDeployments declared, FireworksProperties properties) {
    Map<String, HealthContributor> entries = new LinkedHashMap<>();
    for (String id : declared.ids()) {
      entries.put(id, new DeploymentHealthIndicator(deployments, declared.name(id), properties.getHealthCacheTtl(),
          Clock.systemUTC()));
    }
    return CompositeHealthContributor.fromMap(entries);
  }
}
