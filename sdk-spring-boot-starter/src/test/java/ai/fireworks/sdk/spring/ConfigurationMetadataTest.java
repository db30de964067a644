package ai.fireworks.sdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration processor documents every property, with its default, for IDEs. */
class ConfigurationMetadataTest {
  @Test
  void everyPropertyIsDocumentedWithItsDefault() throws Exception {
    Map<String, JsonNode> properties = new HashMap<>();
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("META-INF/spring-configuration-metadata.json on the classpath").isNotNull();
      new ObjectMapper().readTree(in).get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
    }
    assertThat(properties).containsKeys("fireworks.api-key", "fireworks.account-id", "fireworks.base-url",
        "fireworks.connect-timeout", "fireworks.request-timeout", "fireworks.retry.max-attempts",
        "fireworks.retry.initial-backoff", "fireworks.retry.max-backoff", "fireworks.retry.max-retry-after",
        "fireworks.retry.total-timeout", "fireworks.cold-start.budget", "fireworks.cold-start.initial-backoff",
        "fireworks.cold-start.max-backoff", "fireworks.cold-start.not-found-window", "fireworks.deployments",
        "fireworks.deployments-on-startup", "fireworks.deployments-on-startup-failure",
        "fireworks.deployments-wait-timeout", "fireworks.health-cache-ttl");
    properties.forEach((name, p) -> assertThat(p.path("description").asText()).as(name + " description").isNotBlank());
    assertThat(properties.get("fireworks.deployments-on-startup").get("defaultValue").asText()).isEqualTo("verify");
    assertThat(properties.get("fireworks.deployments-on-startup-failure").get("defaultValue").asText()).isEqualTo("fail");
    assertThat(properties.get("fireworks.health-cache-ttl").get("defaultValue").asText()).isEqualTo("30s");
    assertThat(properties.get("fireworks.base-url").get("defaultValue").asText()).isEqualTo("https://api.fireworks.ai");
    assertThat(properties.get("fireworks.deployments").get("type").asText())
        .contains(DeclaredDeploymentProperties.class.getName());
  }
}
