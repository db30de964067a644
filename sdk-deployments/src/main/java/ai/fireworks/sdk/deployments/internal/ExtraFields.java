package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code putExtra} escape hatch: top-level deployment fields this SDK version does not model,
 * sent as given. An extra may not shadow a modelled field (in camelCase or snake_case): the typed
 * setter is named instead. Stateless; thread-safe.
 */
public final class ExtraFields {
  private ExtraFields() {}

  /**
   * {@code value} as JSON, after checking {@code field}.
   *
   * @throws IllegalArgumentException if the name is blank, has a dot, or shadows a modelled field
   */
  public static JsonNode check(String field, Object value) {
    if (field == null || field.isBlank() || field.contains(".")) {
      throw new IllegalArgumentException("extra field name must be a top-level JSON field such as \"newField\", was \""
          + field + "\"");
    }
    String camel = camel(field);
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
