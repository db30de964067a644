package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.internal.Futures;
import ai.fireworks.sdk.core.internal.Transient;
import ai.fireworks.sdk.core.internal.Waiter;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentFailedException;
import ai.fireworks.sdk.deployments.DeploymentState;
import ai.fireworks.sdk.deployments.ReplicaStats;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the deployment waiters judge by: when a wait for READY or for deletion is over, the
 * one-line progress text, and when to poll again judging by the replicas. Stateless; thread-safe.
 */
public final class DeploymentWaits {
  /** A 404 this soon after a wait starts means "not visible yet", not "gone" (right after create). */
  public static final Duration NOT_FOUND_GRACE = Duration.ofSeconds(60);

  private DeploymentWaits() {}

  /**
   * Success on READY; {@link DeploymentFailedException} on FAILED, DELETING or DELETED; a 404 in the
   * first {@link #NOT_FOUND_GRACE} and transient errors poll again.
   */
  public static Waiter.Acceptor<Deployment> ready() {
    return new Waiter.Acceptor<>() {
      @Override
      public Waiter.Verdict<Deployment> onValue(Deployment d, Duration elapsed) {
        if (d.isReady()) {
          return Waiter.Verdict.success(d);
        }
        return d.state().isTerminalFailure() ? Waiter.Verdict.failure(new DeploymentFailedException(d))
            : Waiter.Verdict.retry();
      }

      @Override
      public Waiter.Verdict<Deployment> onError(Throwable error, Duration elapsed) {
        boolean early404 = error instanceof NotFoundException && elapsed.compareTo(NOT_FOUND_GRACE) < 0;
        return early404 || Transient.is(error) ? Waiter.Verdict.retry() : Waiter.Acceptor.super.onError(error, elapsed);
      }
    };
  }

  /**
   * Success on DELETED (with it) or a 404 (empty); with {@code gone}, only a 404 ends the wait (a
   * hard delete frees the id only then). Transient errors poll again.
   */
  public static Waiter.Acceptor<Optional<Deployment>> deleted(boolean gone) {
    return new Waiter.Acceptor<>() {
      @Override
      public Waiter.Verdict<Optional<Deployment>> onValue(Optional<Deployment> d, Duration elapsed) {
        return !gone && d.get().state().equals(DeploymentState.DELETED) ? Waiter.Verdict.success(d)
            : Waiter.Verdict.retry();
      }

      @Override
      public Waiter.Verdict<Optional<Deployment>> onError(Throwable error, Duration elapsed) {
        if (error instanceof NotFoundException) {
          return Waiter.Verdict.success(Optional.empty());
        }
        return Transient.is(error) ? Waiter.Verdict.retry() : Waiter.Acceptor.super.onError(error, elapsed);
      }
    };
  }

  /**
   * A DELETE retried after its answer was lost may find the resource already gone (404): the
   * first attempt did what the caller asked, so that is success, not an error.
   */
  public static <T> CompletableFuture<T> goneAfterRetry(Throwable e, int attempts) {
    Throwable cause = Futures.unwrap(e);
    return cause instanceof NotFoundException && attempts > 1 ? CompletableFuture.completedFuture(null)
        : CompletableFuture.failedFuture(cause);
  }

  /** {@code STATE replicas ready/desired}, plus the start-up phase counts when replicas are starting. */
  public static String describe(Deployment d) {
    int ready = d.replicaStats().map(ReplicaStats::readyReplicaCount).orElse(d.replicaCount());
    StringBuilder b = new StringBuilder().append(d.state()).append(" replicas ").append(ready).append('/')
        .append(d.desiredReplicaCount());
    d.replicaStats().ifPresent(s -> {
      StringBuilder phases = new StringBuilder();
      phase(phases, s.pendingSchedulingReplicaCount(), "pending");
      phase(phases, s.downloadingModelReplicaCount(), "downloading");
      phase(phases, s.initializingReplicaCount(), "initializing");
      if (phases.length() > 0) {
        b.append(" (").append(phases).append(')');
      }
    });
    d.status().filter(s -> !s.message().isEmpty()).ifPresent(s -> b.append(": ").append(s));
    return b.toString();
  }

  private static void phase(StringBuilder b, int count, String phase) {
    if (count > 0) {
      b.append(b.length() > 0 ? ", " : "").append(count).append(' ').append(phase);
    }
  }

  /**
   * When to poll again, judging by the replicas: soon while some initialize (4 s) or an update rolls
   * out (2 s); 15 s while they all still wait for capacity or download the model, since initializing
   * is still ahead of them. Empty (the usual backoff) when the deployment reports no replica phases.
   */
  public static Optional<Duration> intervalHint(Deployment d) {
    if (d.state().equals(DeploymentState.UPDATING)) {
      return Optional.of(Duration.ofSeconds(2));
    }
    return d.replicaStats().flatMap(s -> s.initializingReplicaCount() > 0 ? Optional.of(Duration.ofSeconds(4))
        : s.pendingSchedulingReplicaCount() + s.downloadingModelReplicaCount() > 0
            ? Optional.of(Duration.ofSeconds(15)) : Optional.empty());
  }
}
