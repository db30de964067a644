package ai.fireworks.sdk.spring;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.RetryPolicy;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.ColdStartPolicy;
import ai.fireworks.sdk.inference.InferenceClient;
import ai.fireworks.sdk.spring.internal.ApiKeySanitizer;
import ai.fireworks.sdk.spring.internal.DeclaredDeploymentsStartup;
import ai.fireworks.sdk.spring.internal.ModelRefRegistrar;
import ai.fireworks.sdk.spring.internal.OnApiKeyCondition;
import ai.fireworks.sdk.spring.internal.OnDeclaredDeploymentsCondition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the Fireworks SDK from {@link FireworksProperties}: a {@link FireworksClient}
 * (only when {@code fireworks.api-key} is set; closed with the context), a {@link DeploymentsClient},
 * an {@link InferenceClient}, the {@link DeclaredDeployments} with one {@code ModelRef} bean per
 * declared id, and the startup check of {@code fireworks.deployments-on-startup}. Every bean backs
 * off when the application defines its own of the same type.
 */
@AutoConfiguration
@EnableConfigurationProperties(FireworksProperties.class)
public class FireworksAutoConfiguration {
  /** Creates the configuration; Spring calls it. */
  public FireworksAutoConfiguration() {}

  /** The client, from {@code fireworks.*} and every {@link FireworksClientCustomizer}. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @Conditional(OnApiKeyCondition.class)
  public FireworksClient fireworksClient(FireworksProperties properties,
      ObjectProvider<FireworksClientCustomizer> customizers) {
    FireworksRetryProperties retry = properties.getRetry();
    FireworksClient.Builder builder = FireworksClient.builder()
        .apiKey(properties.getApiKey())
        .baseUrl(properties.getBaseUrl())
        .connectTimeout(properties.getConnectTimeout())
        .requestTimeout(properties.getRequestTimeout())
        .retryPolicy(RetryPolicy.builder()
            .maxAttempts(retry.getMaxAttempts())
            .initialBackoff(retry.getInitialBackoff())
            .maxBackoff(retry.getMaxBackoff())
            .maxRetryAfter(retry.getMaxRetryAfter())
            .totalTimeout(retry.getTotalTimeout())
            .build());
    if (properties.getAccountId() != null && !properties.getAccountId().isBlank()) {
      builder.accountId(properties.getAccountId().strip());
    }
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /** The deployments service over the client. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(FireworksClient.class)
  public DeploymentsClient fireworksDeploymentsClient(FireworksClient client) {
    return DeploymentsClient.of(client);
  }

  /** The inference service over the client, with the cold-start policy of {@code fireworks.cold-start.*}. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(FireworksClient.class)
  public InferenceClient fireworksInferenceClient(FireworksClient client, FireworksProperties properties,
      ObjectProvider<InferenceClientCustomizer> customizers) {
    FireworksColdStartProperties coldStart = properties.getColdStart();
    InferenceClient inference = InferenceClient.of(client).withColdStart(ColdStartPolicy.builder()
        .budget(coldStart.getBudget())
        .initialBackoff(coldStart.getInitialBackoff())
        .maxBackoff(coldStart.getMaxBackoff())
        .notFoundWindow(coldStart.getNotFoundWindow())
        .build());
    for (InferenceClientCustomizer c : customizers.orderedStream().toList()) {
      inference = c.customize(inference);
    }
    return inference;
  }

  /** The declarations of {@code fireworks.deployments.*}, validated. */
  @Bean
  @ConditionalOnMissingBean
  public DeclaredDeployments fireworksDeclaredDeployments(FireworksProperties properties) {
    return DeclaredDeployments.from(properties);
  }

  /** One {@code ModelRef} bean per declared deployment, qualified by its id. */
  @Bean
  static ModelRefRegistrar fireworksModelRefRegistrar() {
    return new ModelRefRegistrar();
  }

  /** Verifies, plans or applies the declared deployments once every singleton exists. */
  @Bean
  @Conditional(OnDeclaredDeploymentsCondition.class)
  DeclaredDeploymentsStartup fireworksDeclaredDeploymentsStartup(FireworksProperties properties,
      DeclaredDeployments declared, ObjectProvider<DeploymentsClient> deployments) {
    return new DeclaredDeploymentsStartup(properties, declared, deployments);
  }

  /** Hides the API key from {@code /actuator/env} and {@code /actuator/configprops}, even with show-values=always. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
  static class ActuatorSanitizing {
    @Bean
    SanitizingFunction fireworksApiKeySanitizer(FireworksProperties properties) {
      return new ApiKeySanitizer(properties);
    }
  }
}
