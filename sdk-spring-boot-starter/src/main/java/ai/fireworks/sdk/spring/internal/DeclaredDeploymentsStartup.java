package ai.fireworks.sdk.spring.internal;

import ai.fireworks.sdk.core.Durations;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.deployments.ApplyOptions;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentPlan;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.deployments.PlanAction;
import ai.fireworks.sdk.spring.DeclaredDeployments;
import ai.fireworks.sdk.spring.DeploymentStartupException;
import ai.fireworks.sdk.spring.DeploymentsOnStartup;
import ai.fireworks.sdk.spring.DeploymentsOnStartupFailure;
import ai.fireworks.sdk.spring.FireworksProperties;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Runs {@code fireworks.deployments-on-startup} once every singleton exists, before the application
 * serves: all declared deployments at once (their checks overlap), then one log line each in
 * declaration order. Failures stop startup with a {@link DeploymentStartupException} naming the
 * deployment and the cause, or are logged as warnings under {@code deployments-on-startup-failure=warn}.
 */
public final class DeclaredDeploymentsStartup implements SmartInitializingSingleton {
  private static final Log LOG = LogFactory.getLog("ai.fireworks.sdk.spring");

  private final FireworksProperties properties;
  private final DeclaredDeployments declared;
  private final ObjectProvider<DeploymentsClient> deployments;

  /** Creates the startup check; the client is looked up only when it runs. */
  public DeclaredDeploymentsStartup(FireworksProperties properties, DeclaredDeployments declared,
      ObjectProvider<DeploymentsClient> deployments) {
    this.properties = properties;
    this.declared = declared;
    this.deployments = deployments;
  }

  @Override
  public void afterSingletonsInstantiated() {
    DeploymentsOnStartup mode = properties.getDeploymentsOnStartup();
    if (mode == DeploymentsOnStartup.NONE) {
      return;
    }
    DeploymentsClient client = deployments.getIfAvailable();
    if (client == null) {
      throw new MissingApiKeyException("fireworks.deployments-on-startup=" + label(mode)
          + " reads the declared deployments " + declared.ids());
    }
    Map<String, CompletableFuture<Outcome>> checks = new LinkedHashMap<>();
    declared.ids().forEach(id -> checks.put(id, start(mode, client, id)));
    List<DeploymentStartupException> failures = new ArrayList<>();
    checks.forEach((id, check) -> {
      try {
        Outcome outcome = check.join();
        if (outcome.warn()) {
          LOG.warn(outcome.message());
        } else {
          LOG.info(outcome.message());
        }
      } catch (CompletionException | IllegalArgumentException | IllegalStateException e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        failures.add(new DeploymentStartupException(id, "Fireworks deployment '" + id + "' (" + declared.name(id)
            + ") failed its startup check (" + label(mode) + "): " + cause.getMessage(), cause));
      }
    });
    if (failures.isEmpty()) {
      return;
    }
    if (properties.getDeploymentsOnStartupFailure() == DeploymentsOnStartupFailure.WARN) {
      failures.forEach(f -> LOG.warn(f.getMessage() + " (starting anyway: fireworks.deployments-on-startup-failure=warn)"));
      return;
    }
    DeploymentStartupException first = failures.get(0);
    failures.subList(1, failures.size()).forEach(first::addSuppressed);
    throw first;
  }

  private CompletableFuture<Outcome> start(DeploymentsOnStartup mode, DeploymentsClient client, String id) {
    String label = "Fireworks deployment '" + id + "' ";
    switch (mode) {
      case VERIFY:
        return client.planAsync(declared.spec(id), ApplyOptions.defaults()).thenApply(plan -> verify(label, plan));
      case PLAN:
        return client.planAsync(declared.spec(id), ApplyOptions.defaults()).thenApply(plan -> new Outcome(
            plan.action() == PlanAction.REFUSED || plan.action() == PlanAction.REPORT, label + "plan: " + plan));
      case APPLY:
        return client.applyAsync(declared.spec(id), ApplyOptions.defaults()).thenApply(r -> new Outcome(false,
            label + "applied (" + r.plan().action() + "): " + summary(r.deployment())));
      default:
        WaitOptions wait = WaitOptions.builder().timeout(properties.getDeploymentsWaitTimeout())
            .onProgress(p -> LOG.info(label + "waiting: " + p.state() + ", elapsed "
                + Durations.formatGo(p.elapsed().truncatedTo(ChronoUnit.SECONDS))))
            .build();
        return client.applyAsync(declared.spec(id), ApplyOptions.builder().waitUntilReady(wait).build())
            .thenApply(r -> new Outcome(false, label + "applied (" + r.plan().action() + ") and ready: "
                + summary(r.deployment())));
    }
  }

  /** A missing or FAILED/DELETED deployment fails; drift is a warning; a match is information. */
  private static Outcome verify(String label, DeploymentPlan plan) {
    Deployment current = plan.current().orElseThrow(() -> new IllegalStateException(
        "it does not exist; create it (fireworks.deployments-on-startup=apply) or fix the declaration"));
    if (plan.action() == PlanAction.REPORT) {
      throw new IllegalStateException(String.join("; ", plan.problems()));
    }
    if (plan.action() == PlanAction.NO_CHANGE) {
      return new Outcome(false, label + summary(current) + "; matches its declaration");
    }
    String drift = plan.changes().stream().filter(c -> !c.serverDefault()).map(Object::toString)
        .collect(Collectors.joining(", "));
    String problems = plan.problems().isEmpty() ? "" : " (" + String.join("; ", plan.problems()) + ")";
    return new Outcome(true, label + summary(current) + "; drifts from its declaration: " + drift + problems);
  }

  private static String summary(Deployment d) {
    return d.name() + " " + d.state() + ", replicas " + d.replicaCount() + " (min " + d.minReplicaCount()
        + ", max " + d.maxReplicaCount() + ")" + d.status().map(s -> s.message().isEmpty() ? "" : ": " + s.message())
        .orElse("");
  }

  private static String label(DeploymentsOnStartup mode) {
    return mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** What to log for one deployment, and whether as a warning. */
  private record Outcome(boolean warn, String message) {}
}
