package ai.fireworks.sdk.spring;

import ai.fireworks.sdk.spring.internal.RequestMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics of the starter's clients, through the SDK's {@code RequestListener} and the
 * cold-start policy's callback: timer {@code fireworks.client.requests} (tags {@code method},
 * {@code operation} — a path template, never an id, a model name or a key — {@code status},
 * {@code outcome}), counter {@code fireworks.client.retries} ({@code method}, {@code operation}) and
 * timer {@code fireworks.client.cold-start.waits} ({@code reason}: {@code scaling_up} or
 * {@code not_routable}). Present when Micrometer is on the classpath and a {@link MeterRegistry} bean exists.
 */
@AutoConfiguration(before = FireworksAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class FireworksMetricsAutoConfiguration {
  /** Creates the configuration; Spring calls it. */
  public FireworksMetricsAutoConfiguration() {}

  /** The listener recording into the application's registry. */
  @Bean
  RequestMetrics fireworksRequestMetrics(MeterRegistry registry) {
    return new RequestMetrics(registry);
  }

  /** Adds the listener to the client the starter builds. */
  @Bean
  FireworksClientCustomizer fireworksMetricsClientCustomizer(RequestMetrics metrics) {
    return builder -> builder.addListener(metrics);
  }

  /** Times the cold-start waits of the inference client the starter builds, keeping any callback it had. */
  @Bean
  InferenceClientCustomizer fireworksColdStartMetricsCustomizer(RequestMetrics metrics) {
    return client -> client.withColdStart(client.coldStartPolicy()
        .withOnWait(client.coldStartPolicy().onWait().andThen(metrics::onColdStartWait)));
  }
}
