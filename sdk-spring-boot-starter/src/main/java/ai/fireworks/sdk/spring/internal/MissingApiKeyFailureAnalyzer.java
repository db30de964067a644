package ai.fireworks.sdk.spring.internal;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.InferenceClient;
import java.util.Set;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Explains a startup failure caused by the missing client: a bean needs a {@code FireworksClient},
 * {@code DeploymentsClient} or {@code InferenceClient}, or declared deployments must be checked,
 * and no API key is configured. Says which property (or environment variable) to set. Runs before
 * Spring Boot's own analyzer of missing beans; answers nothing when a key is set.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class MissingApiKeyFailureAnalyzer implements FailureAnalyzer {
  private static final Set<Class<?>> CLIENTS = Set.of(FireworksClient.class, DeploymentsClient.class, InferenceClient.class);
  private static final String ACTION = "Set the property fireworks.api-key (for example in application.yml, or as the "
      + "environment variable FIREWORKS_API_KEY) to your Fireworks API key; fireworks.account-id "
      + "(FIREWORKS_ACCOUNT_ID) names your account.";

  private final Environment environment;

  /** Creates the analyzer; Spring Boot calls it with the application's environment. */
  public MissingApiKeyFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    if (FireworksBinding.apiKey(environment).isPresent()) {
      return null;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MissingApiKeyException) {
        return new FailureAnalysis(t.getMessage() + ".", ACTION, failure);
      }
      if (t instanceof NoSuchBeanDefinitionException && isClient(((NoSuchBeanDefinitionException) t).getBeanType())) {
        String type = ((NoSuchBeanDefinitionException) t).getBeanType().getSimpleName();
        return new FailureAnalysis("A bean needs a " + type + ", which the Fireworks starter creates only when an API "
            + "key is configured, and fireworks.api-key (FIREWORKS_API_KEY) is not set.", ACTION, failure);
      }
    }
    return null;
  }

  private static boolean isClient(Class<?> type) {
    return type != null && CLIENTS.contains(type);
  }
}
