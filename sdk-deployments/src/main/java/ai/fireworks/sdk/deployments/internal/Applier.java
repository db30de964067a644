package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.internal.Futures;
import ai.fireworks.sdk.deployments.ApplyOptions;
import ai.fireworks.sdk.deployments.ApplyResult;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentFailedException;
import ai.fireworks.sdk.deployments.DeploymentPlan;
import ai.fireworks.sdk.deployments.DeploymentSpec;
import ai.fireworks.sdk.deployments.DeploymentState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Declarative apply and plan: reads the deployment, asks the {@link Planner} what to do, and does
 * it with the service's own operations. Immutable; thread-safe.
 */
public final class Applier {
  /** The service operations apply needs; each returns a raw (not handed-over) future. */
  public interface Operations {
    /** The deployment, or empty on a 404. */
    CompletableFuture<Optional<Deployment>> find(DeploymentName name);

    /** Creates {@code spec}, returning an existing deployment that matches it. */
    CompletableFuture<Deployment> create(DeploymentSpec spec);

    /** PATCHes the modelled {@code changes} and the {@code extra} fields the SDK does not model. */
    CompletableFuture<Deployment> patch(DeploymentName name, Map<DeploymentField, Object> changes, Map<String, ?> extra);

    CompletableFuture<Void> hardDelete(DeploymentName name);

    CompletableFuture<Deployment> waitUntilReady(DeploymentName name, WaitOptions options);

    /** Until a 404: a hard delete frees the id only then. */
    CompletableFuture<Optional<Deployment>> waitUntilGone(DeploymentName name, WaitOptions options);
  }

  private final Operations ops;

  public Applier(Operations ops) {
    this.ops = ops;
  }

  /** What {@link #apply} would do to the deployment {@code name}; sends only a GET. */
  public CompletableFuture<Planner.Result> plan(DeploymentName name, DeploymentSpec spec, ApplyOptions options) {
    return ops.find(name).thenApply(current -> Planner.plan(name, spec, current, options.onFailed()));
  }

  /** Makes the deployment {@code name} match {@code spec}, then optionally waits until READY. */
  public CompletableFuture<ApplyResult> apply(DeploymentName name, DeploymentSpec spec, ApplyOptions options) {
    return Futures.compose(plan(name, spec, options), result -> {
      DeploymentPlan plan = result.plan;
      CompletableFuture<Deployment> done;
      switch (plan.action()) {
        case CREATE:
          done = ops.create(spec);
          break;
        case UPDATE:
          done = ops.patch(plan.name(), result.patch, result.extraPatch);
          break;
        case NO_CHANGE:
          done = CompletableFuture.completedFuture(plan.current().get());
          break;
        case RECREATE:
          done = recreate(plan, spec, options);
          break;
        case REPORT:
          throw new DeploymentFailedException(String.join("; ", plan.problems()), plan.current().get());
        default:
          throw new IllegalArgumentException(String.join("; ", plan.problems()));
      }
      if (options.waitUntilReady().isPresent()) {
        done = Futures.compose(done, d -> ops.waitUntilReady(plan.name(), options.waitUntilReady().get()));
      }
      return done.thenApply(d -> ApplyResult.builder().plan(plan).deployment(d).build());
    });
  }

  private CompletableFuture<Deployment> recreate(DeploymentPlan plan, DeploymentSpec spec, ApplyOptions options) {
    WaitOptions wait = options.waitUntilReady().orElse(WaitOptions.defaults());
    CompletableFuture<Void> deleted = plan.current().get().state().equals(DeploymentState.DELETING)
        ? CompletableFuture.completedFuture(null)
        : ops.hardDelete(plan.name());
    return Futures.compose(Futures.compose(deleted, v -> ops.waitUntilGone(plan.name(), wait)),
        v -> ops.create(spec));
  }
}
