package ai.fireworks.sdk.spring.internal;

import ai.fireworks.sdk.spring.DeclaredDeploymentProperties;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads single {@code fireworks.*} settings before the properties bean exists (in conditions and
 * bean-definition registration), with the same relaxed binding, so {@code FIREWORKS_API_KEY} counts.
 */
final class FireworksBinding {
  private FireworksBinding() {}

  /** The API key, if set and not blank. */
  static Optional<String> apiKey(Environment environment) {
    return Optional.ofNullable(Binder.get(environment).bind("fireworks.api-key", String.class).orElse(null))
        .filter(k -> !k.isBlank());
  }

  /** The ids declared under {@code fireworks.deployments}. */
  static Set<String> declaredIds(Environment environment) {
    return Binder.get(environment)
        .bind("fireworks.deployments", Bindable.mapOf(String.class, DeclaredDeploymentProperties.class))
        .map(Map::keySet).orElse(Set.of());
  }
}
