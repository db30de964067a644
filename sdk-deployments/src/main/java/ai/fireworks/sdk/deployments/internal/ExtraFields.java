package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The {@code putExtra} escape hatch: top-level deployment fields this SDK version does not model,
 * sent as given. An extra may not shadow a modelled field (in camelCase or snake_case): the typed
 * setter is named instead. Nor may it name a field the server sets (read-only in the API), such
 * as {@code state} or {@code create_time}. Stateless; thread-safe.
 */
public final class ExtraFields {
  /** The deployment's read-only fields (reference section 1.7), in camelCase. */
  private static final Set<String> READ_ONLY = Set.of("name", "createTime", "updateTime", "deleteTime", "purgeTime",
      "state", "status", "desiredReplicaCount", "replicaCount", "cluster", "directRouteHandle", "region",
      "replicaStats");

  private ExtraFields() {}

  /**
   * {@code value} as JSON, after checking {@code field}.
   *
   * @throws IllegalArgumentException if the name is blank, has a dot, names a read-only field or
   *     shadows a modelled field
   */
  public static JsonNode check(String field, Object value) {
    if (field == null || field.isBlank() || field.contains(".")) {
      throw new IllegalArgumentException("extra field name must be a top-level JSON field such as \"newField\", was \""
          + field + "\"");
    }
    String camel = camel(field);
    if (READ_ONLY.contains(camel)) {
      throw new IllegalArgumentException("extra field \"" + field + "\" is read-only: the server sets " + camel
          + " and a create or update must not send it");
    }
    StringJoiner setters = new StringJoiner(", ");
    for (DeploymentField f : DeploymentField.all()) {
      if (f.jsonPath().get(0).equals(camel)) {
        setters.add(f.jsonPath().get(f.jsonPath().size() - 1) + "(...)");
      }
    }
    if (setters.length() > 0) {
      throw new IllegalArgumentException("extra field \"" + field + "\" shadows a field the SDK models; use "
          + setters + " instead");
    }
    return Json.MAPPER.valueToTree(value);
  }

  /** Adds every extra to {@code body}, as given. */
  public static void put(ObjectNode body, Map<String, ?> extra) {
    extra.forEach((k, v) -> body.set(k, v instanceof JsonNode ? (JsonNode) v : Json.MAPPER.valueToTree(v)));
  }

  /** The update-mask path of an extra: its snake_case form, {@code newField} to {@code new_field}. */
  public static String maskPath(String field) {
    return DeploymentField.snake(field);
  }

  private static String camel(String field) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }
}
