package ai.fireworks.sdk.examples.fwctl;

import ai.fireworks.sdk.core.Durations;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.WaitProgress;
import ai.fireworks.sdk.deployments.AutoscalingPolicy;
import ai.fireworks.sdk.deployments.DeployedModel;
import ai.fireworks.sdk.deployments.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Text renderings of deployments and deployed models for fwctl's {@code -o text}. */
final class Formats {
  private Formats() {}

  /** The {@code key: value} listing of a deployment for {@code get}, {@code create} and friends. */
  static KeyValues deployment(Deployment d) {
    KeyValues kv = new KeyValues()
        .add("name", d.name())
        .add("display name", d.displayName())
        .add("base model", d.baseModel())
        .add("state", d.state())
        .add("status", d.status().filter(s -> !s.code().equals("OK") || !s.message().isEmpty()))
        .add("replicas", "min " + d.minReplicaCount() + ", max " + d.maxReplicaCount()
            + ", desired " + d.desiredReplicaCount() + ", current " + d.replicaCount())
        .add("accelerator", accelerator(d))
        .add("precision", d.precision())
        .add("deployment shape", d.deploymentShape())
        .add("long prompt", d.longPrompt())
        .add("addons enabled", d.enableAddons());
    AutoscalingPolicy p = d.autoscalingPolicy().orElse(null);
    if (p != null) {
      kv.add("scale up window", p.scaleUpWindow().map(Durations::formatGo))
          .add("scale down window", p.scaleDownWindow().map(Durations::formatGo))
          .add("scale to zero window", p.scaleToZeroWindow().map(Durations::formatGo));
    }
    return kv
        .add("direct route", directRoute(d))
        .add("region", d.region())
        .add("created", time(d.createTime()))
        .add("updated", time(d.updateTime()))
        .add("deleted", time(d.deleteTime()))
        .add("purge", time(d.purgeTime()))
        .add("description", d.description());
  }

  /** {@code INTERNET, 2 keys}: the direct-route type and how many keys, never the keys themselves. */
  static Optional<String> directRoute(Deployment d) {
    int keys = d.directRouteApiKeyCount();
    if (d.directRouteType().isEmpty() && keys == 0) {
      return Optional.empty();
    }
    return Optional.of(d.directRouteType().orElse("DIRECT_ROUTE_TYPE_UNSPECIFIED") + ", " + keys
        + (keys == 1 ? " key" : " keys"));
  }

  /** The listing of a deployed model (an addon on a deployment). */
  static KeyValues deployedModel(DeployedModel m) {
    return new KeyValues()
        .add("name", m.name())
        .add("model", m.model())
        .add("deployment", m.deployment())
        .add("state", m.state())
        .add("status", m.status().filter(s -> !s.code().equals("OK") || !s.message().isEmpty()))
        .add("default", m.isDefault())
        .add("query as", m.modelRef())
        .add("created", time(m.createTime()));
  }

  /** An instant to the second, {@code 2024-06-01T12:00:00Z}. */
  static Optional<String> time(Optional<Instant> t) {
    return t.map(i -> i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
  }

  /** {@code 1 x NVIDIA_H100_80GB}, or whichever part the server reported. */
  static String accelerator(Deployment d) {
    String type = d.acceleratorType().map(Object::toString).orElse("");
    return d.acceleratorCount().map(n -> n + " x " + (type.isEmpty() ? "?" : type)).orElse(type);
  }

  /** A model name shortened for tables: {@code fireworks/llama-v3p2-3b-instruct}. */
  static String shortModel(ModelName m) {
    return m.account() + "/" + m.id();
  }

  /** Age since {@code t}, like kubectl: {@code 45s}, {@code 12m}, {@code 3h}, {@code 2d}. */
  static String age(Optional<Instant> t, Instant now) {
    if (t.isEmpty()) {
      return "";
    }
    Duration a = Duration.between(t.get(), now);
    if (a.isNegative()) {
      return "0s";
    }
    if (a.toMinutes() < 1) {
      return a.toSeconds() + "s";
    }
    if (a.toHours() < 1) {
      return a.toMinutes() + "m";
    }
    if (a.toDays() < 2) {
      return a.toHours() + "h";
    }
    return a.toDays() + "d";
  }

  /** One progress line: what is awaited, its state and replica counts, and the time so far. */
  static String progress(WaitProgress p) {
    String what;
    if (p.resource() instanceof Deployment) {
      Deployment d = (Deployment) p.resource();
      what = d.name().id() + ": " + d.state() + ", replicas " + d.replicaCount() + "/" + d.desiredReplicaCount()
          + " (min " + d.minReplicaCount() + ", max " + d.maxReplicaCount() + ")";
    } else if (p.resource() instanceof DeployedModel) {
      DeployedModel m = (DeployedModel) p.resource();
      what = m.name().id() + ": " + m.state();
    } else {
      what = p.state();
    }
    return "waiting: " + what + ", elapsed " + Durations.formatGo(p.elapsed().truncatedTo(ChronoUnit.SECONDS));
  }
}
