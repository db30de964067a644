package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.core.Durations;
import ai.fireworks.sdk.deployments.AutoTune;
import ai.fireworks.sdk.deployments.AutoscalingPolicy;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentSpec;
import ai.fireworks.sdk.deployments.Placement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The writable fields of a deployment: their JSON path (camelCase, as in bodies), their update-mask
 * path (snake_case, derived from the JSON path), how to read them from a {@link DeploymentSpec} and
 * from a {@link Deployment}, and whether {@code apply} may change them in place. Declaration order
 * is the order of bodies, masks and plans.
 */
public enum DeploymentField {
  BASE_MODEL(Change.CREATE_ONLY, s -> Optional.of(s.baseModel()), d -> Optional.of(d.baseModel()), "baseModel"),
  DISPLAY_NAME(Change.IN_PLACE, DeploymentSpec::displayName, Deployment::displayName, "displayName"),
  DESCRIPTION(Change.IN_PLACE, DeploymentSpec::description, Deployment::description, "description"),
  MIN_REPLICA_COUNT(Change.IN_PLACE, DeploymentSpec::minReplicaCount, d -> Optional.of(d.minReplicaCount()),
      "minReplicaCount"),
  MAX_REPLICA_COUNT(Change.IN_PLACE, DeploymentSpec::maxReplicaCount, d -> Optional.of(d.maxReplicaCount()),
      "maxReplicaCount"),
  SCALE_UP_WINDOW(Change.IN_PLACE, DeploymentSpec::scaleUpWindow,
      d -> d.autoscalingPolicy().flatMap(AutoscalingPolicy::scaleUpWindow), "autoscalingPolicy", "scaleUpWindow"),
  SCALE_DOWN_WINDOW(Change.IN_PLACE, DeploymentSpec::scaleDownWindow,
      d -> d.autoscalingPolicy().flatMap(AutoscalingPolicy::scaleDownWindow), "autoscalingPolicy", "scaleDownWindow"),
  SCALE_TO_ZERO_WINDOW(Change.IN_PLACE, DeploymentSpec::scaleToZeroWindow,
      d -> d.autoscalingPolicy().flatMap(AutoscalingPolicy::scaleToZeroWindow), "autoscalingPolicy",
      "scaleToZeroWindow"),
  LOAD_TARGETS(Change.IN_PLACE, s -> nonEmpty(s.loadTargets()),
      d -> d.autoscalingPolicy().map(AutoscalingPolicy::loadTargets).flatMap(DeploymentField::nonEmpty),
      "autoscalingPolicy", "loadTargets"),
  ACCELERATOR_TYPE(Change.REFUSED_BY_APPLY, DeploymentSpec::acceleratorType, Deployment::acceleratorType,
      "acceleratorType"),
  ACCELERATOR_COUNT(Change.IN_PLACE, DeploymentSpec::acceleratorCount, Deployment::acceleratorCount,
      "acceleratorCount"),
  PRECISION(Change.IN_PLACE, DeploymentSpec::precision, Deployment::precision, "precision"),
  LONG_PROMPT(Change.IN_PLACE, DeploymentSpec::longPrompt, d -> Optional.of(d.autoTune().map(AutoTune::longPrompt)
      .orElse(false)), "autoTune", "longPrompt"),
  ENABLE_ADDONS(Change.IN_PLACE, DeploymentSpec::enableAddons, d -> Optional.of(d.enableAddons()), "enableAddons"),
  DEPLOYMENT_SHAPE(Change.IN_PLACE, DeploymentSpec::deploymentShape, Deployment::deploymentShape, "deploymentShape"),
  PLACEMENT(Change.CREATE_ONLY, DeploymentSpec::placement, Deployment::placement, "placement"),
  DRAFT_MODEL(Change.IN_PLACE, DeploymentSpec::draftModel, Deployment::draftModel, "draftModel"),
  DRAFT_TOKEN_COUNT(Change.IN_PLACE, DeploymentSpec::draftTokenCount, Deployment::draftTokenCount, "draftTokenCount"),
  NGRAM_SPECULATION_LENGTH(Change.IN_PLACE, DeploymentSpec::ngramSpeculationLength,
      Deployment::ngramSpeculationLength, "ngramSpeculationLength"),
  MAX_CONTEXT_LENGTH(Change.IN_PLACE, DeploymentSpec::maxContextLength, Deployment::maxContextLength,
      "maxContextLength"),
  ENABLE_SESSION_AFFINITY(Change.IN_PLACE, DeploymentSpec::enableSessionAffinity,
      d -> Optional.of(d.enableSessionAffinity().orElse(false)), "enableSessionAffinity"),
  ANNOTATIONS(Change.IN_PLACE, s -> nonEmpty(s.annotations()), d -> nonEmpty(d.annotations()), "annotations");

  /** How a field may change after creation. */
  public enum Change {
    /** Updatable with PATCH. */
    IN_PLACE,
    /** Updatable with PATCH, but {@code apply} refuses (the server may not allow it; the Build SDK refused it). */
    REFUSED_BY_APPLY,
    /** Set at creation only. */
    CREATE_ONLY
  }

  private final Change change;
  private final Function<DeploymentSpec, Optional<?>> fromSpec;
  private final Function<Deployment, Optional<?>> fromDeployment;
  private final List<String> jsonPath;

  DeploymentField(Change change, Function<DeploymentSpec, Optional<?>> fromSpec,
      Function<Deployment, Optional<?>> fromDeployment, String... jsonPath) {
    this.change = change;
    this.fromSpec = fromSpec;
    this.fromDeployment = fromDeployment;
    this.jsonPath = List.of(jsonPath);
  }

  /** How the field may change after creation. */
  public Change change() {
    return change;
  }

  /** The camelCase JSON path segments, such as {@code [autoscalingPolicy, scaleUpWindow]}. */
  public List<String> jsonPath() {
    return jsonPath;
  }

  /** The dotted camelCase path, such as {@code autoscalingPolicy.scaleUpWindow}. */
  public String displayPath() {
    return String.join(".", jsonPath);
  }

  /** The snake_case update-mask path, such as {@code autoscaling_policy.scale_up_window}. */
  public String maskPath() {
    StringJoiner path = new StringJoiner(".");
    jsonPath.forEach(segment -> path.add(snake(segment)));
    return path.toString();
  }

  /** One camelCase JSON name in snake_case, {@code scaleUpWindow} to {@code scale_up_window}. */
  public static String snake(String camel) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        b.append('_').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The value the spec sets, if any. */
  public Optional<?> desired(DeploymentSpec spec) {
    return fromSpec.apply(spec);
  }

  /** The value the deployment has, if the server reported one (proto defaults filled in for counts and flags). */
  public Optional<?> current(Deployment deployment) {
    return fromDeployment.apply(deployment);
  }

  /**
   * Whether the deployment already has the desired value. Shapes match their versions (the server
   * replaces {@code .../deploymentShapes/x} with {@code .../deploymentShapes/x/versions/n}), and a
   * shorthand shape such as {@code fast} cannot be compared, so it matches; a single-region placement
   * matches the region the deployment runs in.
   */
  public boolean matches(Object desired, Deployment deployment) {
    Optional<?> current = current(deployment);
    if (this == DEPLOYMENT_SHAPE) {
      String want = (String) desired;
      return !want.contains("/") || current.map(c -> c.equals(want) || ((String) c).startsWith(want + "/versions/"))
          .orElse(false);
    }
    if (this == PLACEMENT && current.isEmpty()) {
      Placement want = (Placement) desired;
      boolean regionOnly = want.multiRegion().isEmpty() && want.regions().isEmpty();
      return (regionOnly && want.region().isPresent() && want.region().equals(deployment.region()))
          || want.equals(Placement.builder().multiRegion("GLOBAL").build());
    }
    return current.map(c -> Objects.equals(c, desired)).orElse(false);
  }

  /** A value as people read it: durations in short Go form ({@code 5m}, {@code 1h30m}), others as their string. */
  public static String display(Object value) {
    if (value instanceof Duration) {
      // Go form without zero tails: 5m rather than 5m0s, 1h rather than 1h0m0s
      return Durations.formatGo((Duration) value).replaceAll("(?<=[hm])0s$", "").replaceAll("(?<=h)0m$", "");
    }
    if (value instanceof Placement) {
      Placement p = (Placement) value;
      return p.region().map(Object::toString).or(p::multiRegion).orElse(p.regions().toString());
    }
    return String.valueOf(value);
  }

  /** The fields in declaration order. */
  public static List<DeploymentField> all() {
    return Arrays.asList(values());
  }

  private static Optional<Map<?, ?>> nonEmpty(Map<?, ?> map) {
    return map.isEmpty() ? Optional.empty() : Optional.of(map);
  }
}
