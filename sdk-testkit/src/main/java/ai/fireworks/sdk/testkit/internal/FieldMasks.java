package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * PATCH semantics: an explicit {@code updateMask} of snake_case paths names exactly the fields to
 * replace (a masked field absent from the body is cleared to its default); without a mask, the
 * mask is derived from the keys present in the body, descending into nested messages as
 * grpc-gateway does.
 */
final class FieldMasks {
  private FieldMasks() {}

  /**
   * Parses {@code updateMask=a,b.c}.
   *
   * @throws ApiError 400 for unknown paths (camelCase ones get a hint) and output-only fields
   */
  static List<Schema.Field[]> explicit(Schema schema, String mask) {
    List<Schema.Field[]> out = new ArrayList<>();
    for (String raw : mask.split(",")) {
      String path = raw.trim();
      if (path.isEmpty()) {
        continue;
      }
      if (path.equals("*")) {
        for (Schema.Field f : schema.fields().values()) {
          if (!f.readOnly()) {
            out.add(new Schema.Field[] {f});
          }
        }
        continue;
      }
      Schema.Field[] chain = schema.resolveMaskPath(path);
      for (Schema.Field f : chain) {
        if (f.readOnly()) {
          throw ApiError.invalid("invalid update_mask: \"" + path + "\" is an output-only field and cannot be updated");
        }
      }
      out.add(chain);
    }
    if (out.isEmpty()) {
      throw ApiError.invalid("invalid update_mask \"" + mask + "\": no field paths");
    }
    return out;
  }

  /** The mask implied by the keys of a (schema-checked) body. */
  static List<Schema.Field[]> fromBody(Schema schema, ObjectNode body) {
    List<Schema.Field[]> out = new ArrayList<>();
    collect(schema, body, new ArrayList<>(), out);
    return out;
  }

  private static void collect(Schema schema, JsonNode body, List<Schema.Field> prefix, List<Schema.Field[]> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Schema.Field f = schema.field(e.getKey());
      List<Schema.Field> chain = new ArrayList<>(prefix);
      chain.add(f);
      if (f.message() != null && !f.isMap() && e.getValue().isObject() && !e.getValue().isEmpty()) {
        collect(f.message(), e.getValue(), chain, out);
      } else {
        out.add(chain.toArray(new Schema.Field[0]));
      }
    }
  }

  static JsonNode valueAt(JsonNode node, Schema.Field[] path) {
    JsonNode n = node;
    for (Schema.Field f : path) {
      n = n.path(f.json());
    }
    return n.isNull() ? MissingNode.getInstance() : n;
  }

  /** Copies the value at {@code path} from {@code source} into {@code target}, or removes it if absent. */
  static void apply(ObjectNode target, JsonNode source, Schema.Field[] path) {
    ObjectNode t = target;
    for (int i = 0; i < path.length - 1; i++) {
      JsonNode child = t.get(path[i].json());
      t = child != null && child.isObject() ? (ObjectNode) child : t.putObject(path[i].json());
    }
    JsonNode v = valueAt(source, path);
    String leaf = path[path.length - 1].json();
    if (v.isMissingNode()) {
      t.remove(leaf);
    } else {
      t.set(leaf, v.deepCopy());
    }
  }
}
