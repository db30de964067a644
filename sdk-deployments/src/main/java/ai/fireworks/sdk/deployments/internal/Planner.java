package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.internal.Json;
import ai.fireworks.sdk.core.internal.Redaction;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentPlan;
import ai.fireworks.sdk.deployments.DeploymentSpec;
import ai.fireworks.sdk.deployments.FailedDeploymentPolicy;
import ai.fireworks.sdk.deployments.PlanAction;
import ai.fireworks.sdk.deployments.PlannedChange;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a {@link DeploymentSpec} with the deployment as it is. Only fields the spec sets are
 * compared: an unset field means "whatever the server has". Pure; thread-safe.
 */
public final class Planner {
  /** A plan and, for UPDATE, the exact fields to PATCH. */
  public static final class Result {
    /** The public plan. */
    public final DeploymentPlan plan;
    /** The fields to send in a PATCH (UPDATE only; otherwise empty), in field order. */
    public final Map<DeploymentField, Object> patch;
    /** The spec's extras the deployment does not report as they are wanted (UPDATE only). */
    public final Map<String, JsonNode> extraPatch;

    Result(DeploymentPlan plan, Map<DeploymentField, Object> patch) {
      this(plan, patch, Map.of());
    }

    Result(DeploymentPlan plan, Map<DeploymentField, Object> patch, Map<String, JsonNode> extraPatch) {
      this.plan = plan;
      this.patch = patch;
      this.extraPatch = extraPatch;
    }
  }

  private Planner() {}

  /** Plans {@code spec} against {@code current} (empty if the deployment does not exist). */
  public static Result plan(DeploymentName name, DeploymentSpec spec, Optional<Deployment> current,
      FailedDeploymentPolicy onFailed) {
    DeploymentPlan.Builder plan = DeploymentPlan.builder().name(name).spec(spec).current(current);
    Map<DeploymentField, Object> patch = new EnumMap<>(DeploymentField.class);
    if (current.isEmpty()) {
      return new Result(plan.action(PlanAction.CREATE).addAllChanges(creation(spec)).build(), patch);
    }
    Deployment d = current.get();
    if (d.state().isTerminalFailure()) {
      if (onFailed == FailedDeploymentPolicy.RECREATE) {
        return new Result(plan.action(PlanAction.RECREATE).addAllChanges(creation(spec)).build(), patch);
      }
      return new Result(plan.action(PlanAction.REPORT).addProblems("deployment " + name + " is " + d.state()
          + d.status().map(s -> " (" + s + ")").orElse("")
          + "; apply changes nothing (use FailedDeploymentPolicy.RECREATE to delete and recreate it)").build(), patch);
    }
    List<String> problems = new ArrayList<>();
    for (DeploymentField f : DeploymentField.all()) {
      Optional<?> want = f.desired(spec);
      if (want.isEmpty() || f.matches(want.get(), d)) {
        continue;
      }
      if (f.change() != DeploymentField.Change.IN_PLACE) {
        problems.add(refusal(f, want.get(), d));
      } else {
        patch.put(f, want.get());
      }
    }
    int min = spec.minReplicaCount().orElse(d.minReplicaCount());
    if (spec.maxReplicaCount().isEmpty() && min > d.maxReplicaCount()) {
      patch.put(DeploymentField.MAX_REPLICA_COUNT, Math.max(min, 1)); // what the server defaults max to
    }
    if (spec.minReplicaCount().isEmpty() && spec.maxReplicaCount().isPresent()
        && spec.maxReplicaCount().get() < d.minReplicaCount()) {
      problems.add("maxReplicaCount " + spec.maxReplicaCount().get() + " is below the current minReplicaCount "
          + d.minReplicaCount() + "; set minReplicaCount in the spec too");
    }
    if (!problems.isEmpty()) {
      return new Result(plan.action(PlanAction.REFUSED).addAllProblems(problems).build(), new EnumMap<>(DeploymentField.class));
    }
    patch.forEach((f, v) -> plan.addChanges(change(f, f.current(d).map(DeploymentField::display), v, false)));
    Map<String, JsonNode> extraPatch = new LinkedHashMap<>();
    JsonNode reported = spec.extra().isEmpty() ? null : Json.MAPPER.valueToTree(d); // as the API returned it
    spec.extra().forEach((k, v) -> {
      JsonNode want = Json.MAPPER.valueToTree(v);
      JsonNode now = reported.get(k);
      if (!want.equals(now)) {
        extraPatch.put(k, want);
        plan.addChanges(extraChange(k, Optional.ofNullable(now), want));
      }
    });
    boolean none = patch.isEmpty() && extraPatch.isEmpty();
    return new Result(plan.action(none ? PlanAction.NO_CHANGE : PlanAction.UPDATE).build(), patch, extraPatch);
  }

  /**
   * The fields {@code spec} sets that {@code existing} does not have, as readable lines (empty when
   * the deployment matches the spec). Used to decide whether a 409 on create found "the same" deployment.
   */
  public static List<String> differences(DeploymentSpec spec, Deployment existing) {
    List<String> out = new ArrayList<>();
    for (DeploymentField f : DeploymentField.all()) {
      Optional<?> want = f.desired(spec);
      if (want.isPresent() && !f.matches(want.get(), existing)) {
        out.add(f.displayPath() + " is " + f.current(existing).map(DeploymentField::display).orElse("unset")
            + ", wanted " + DeploymentField.display(want.get()));
      }
    }
    return out;
  }

  private static List<PlannedChange> creation(DeploymentSpec spec) {
    List<PlannedChange> out = new ArrayList<>();
    for (DeploymentField f : DeploymentField.all()) {
      Optional<?> want = f.desired(spec);
      if (want.isPresent()) {
        out.add(change(f, Optional.empty(), want.get(), false));
      } else if (f == DeploymentField.MIN_REPLICA_COUNT) {
        out.add(change(f, Optional.empty(), spec.effectiveMinReplicaCount(), true));
      } else if (f == DeploymentField.MAX_REPLICA_COUNT) {
        out.add(change(f, Optional.empty(), spec.effectiveMaxReplicaCount(), true));
      }
    }
    spec.extra().forEach((k, v) -> out.add(extraChange(k, Optional.empty(), Json.MAPPER.valueToTree(v))));
    return out;
  }

  /** A change of an extra field; values of credential-like names (directRouteApiKeys...) print masked. */
  private static PlannedChange extraChange(String field, Optional<JsonNode> current, JsonNode desired) {
    boolean secret = Redaction.isSensitive(field);
    return PlannedChange.builder().field(field).updateMaskPath(ExtraFields.maskPath(field))
        .current(current.map(c -> secret ? Redaction.MASK : c.toString()))
        .desired(secret ? Redaction.MASK : desired.toString()).serverDefault(false).build();
  }

  private static PlannedChange change(DeploymentField f, Optional<String> current, Object desired, boolean byDefault) {
    return PlannedChange.builder().field(f.displayPath()).updateMaskPath(f.maskPath()).current(current)
        .desired(DeploymentField.display(desired)).serverDefault(byDefault).build();
  }

  private static String refusal(DeploymentField f, Object want, Deployment d) {
    String now = f.current(d).map(DeploymentField::display).orElse("unset");
    String why;
    switch (f) {
      case PLACEMENT:
        why = "placement and region are fixed at creation";
        break;
      case ACCELERATOR_TYPE:
        why = "the accelerator type cannot be changed for an existing deployment";
        break;
      default:
        why = f.displayPath() + " is fixed at creation";
    }
    return "cannot change " + f.displayPath() + " of " + d.name() + " from " + now + " to "
        + DeploymentField.display(want) + " in place: " + why + " (delete and recreate the deployment, or keep "
        + now + " in the spec)";
  }
}
