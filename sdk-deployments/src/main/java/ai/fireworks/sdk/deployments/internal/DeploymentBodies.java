package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.core.internal.Json;
import ai.fireworks.sdk.deployments.DeploymentSpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds request bodies that carry only the fields the caller set, in camelCase with durations as
 * {@code "<n>s"}, and the matching snake_case update masks. Never writes read-only fields (they
 * are not {@link DeploymentField}s). Stateless; thread-safe.
 */
public final class DeploymentBodies {
  private DeploymentBodies() {}

  /** The create body: {@code baseModel} plus every field the spec sets, and its extras as given. */
  public static ObjectNode create(DeploymentSpec spec) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    for (DeploymentField f : DeploymentField.all()) {
      f.desired(spec).ifPresent(v -> put(body, f, v));
    }
    ExtraFields.put(body, spec.extra());
    return body;
  }

  /** A PATCH body holding exactly {@code changes} and {@code extra} (see {@link ExtraFields}). */
  public static ObjectNode patch(Map<DeploymentField, Object> changes, Map<String, ?> extra) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    changes.forEach((f, v) -> put(body, f, v));
    ExtraFields.put(body, extra);
    return body;
  }

  /**
   * The update mask of {@code changes} and {@code extra}: comma-separated snake_case leaf paths such
   * as {@code min_replica_count,autoscaling_policy.scale_to_zero_window}, in field order, extras last.
   */
  public static String updateMask(Map<DeploymentField, Object> changes, Map<String, ?> extra) {
    StringJoiner mask = new StringJoiner(",");
    changes.keySet().forEach(f -> mask.add(f.maskPath()));
    extra.keySet().forEach(k -> mask.add(ExtraFields.maskPath(k)));
    return mask.toString();
  }

  private static void put(ObjectNode body, DeploymentField field, Object value) {
    ObjectNode node = body;
    for (String segment : field.jsonPath().subList(0, field.jsonPath().size() - 1)) {
      node = node.has(segment) ? (ObjectNode) node.get(segment) : node.putObject(segment);
    }
    node.set(field.jsonPath().get(field.jsonPath().size() - 1), Json.MAPPER.valueToTree(value));
  }
}
