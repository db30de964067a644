package ai.fireworks.sdk.spring.internal;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentState;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one declared deployment: READY with replicas is UP; READY at zero replicas is UP
 * with {@code scaledToZero: true} (the next request cold-starts it); CREATING and UPDATING are
 * OUT_OF_SERVICE; FAILED, DELETING, DELETED, missing or unreadable are DOWN with the server's
 * message; other states UNKNOWN. One GET per {@code ttl} at most, whatever the probe rate; a read
 * that takes over 10 s counts as DOWN (and is cached like any answer).
 * Thread-safe: concurrent probes of an expired entry share one read.
 */
public final class DeploymentHealthIndicator implements HealthIndicator {
  /** A probe never waits longer than this for the API (the client's retries could take minutes). */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final DeploymentsClient deployments;
  private final DeploymentName name;
  private final Duration ttl;
  private final Clock clock;
  private Health cached;
  private Instant readAt;

  /** The health of {@code name}, read again at most once per {@code ttl} of {@code clock}. */
  public DeploymentHealthIndicator(DeploymentsClient deployments, DeploymentName name, Duration ttl, Clock clock) {
    this.deployments = deployments;
    this.name = name;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public synchronized Health health() {
    Instant now = clock.instant();
    if (cached == null || !now.isBefore(readAt.plus(ttl))) {
      cached = read();
      readAt = now;
    }
    return cached;
  }

  private Health read() {
    Deployment d;
    try {
      d = deployments.getAsync(name).get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof NotFoundException) {
        return Health.down().withDetail("name", name.toString()).withDetail("state", "MISSING")
            .withDetail("message", cause.getMessage()).build();
      }
      return Health.down().withDetail("name", name.toString()).withDetail("error", String.valueOf(cause.getMessage())).build();
    } catch (TimeoutException e) {
      return Health.down().withDetail("name", name.toString())
          .withDetail("error", "no answer within " + READ_TIMEOUT.toSeconds() + "s").build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.unknown().withDetail("name", name.toString()).withDetail("error", "interrupted").build();
    }
    Health.Builder health = status(d.state()).withDetail("name", name.toString()).withDetail("state", d.state().toString())
        .withDetail("replicas", d.replicaCount()).withDetail("minReplicas", d.minReplicaCount())
        .withDetail("maxReplicas", d.maxReplicaCount());
    if (d.state().equals(DeploymentState.READY) && d.replicaCount() == 0) {
      health.withDetail("scaledToZero", true);
    }
    d.status().filter(s -> !s.message().isEmpty()).ifPresent(s -> health.withDetail("message", s.message()));
    return health.build();
  }

  private static Health.Builder status(DeploymentState state) {
    if (state.equals(DeploymentState.READY)) {
      return Health.up();
    }
    if (state.equals(DeploymentState.CREATING) || state.equals(DeploymentState.UPDATING)) {
      return Health.outOfService();
    }
    if (state.equals(DeploymentState.FAILED) || state.equals(DeploymentState.DELETED)
        || state.equals(DeploymentState.DELETING)) {
      return Health.down();
    }
    return Health.unknown();
  }
}
