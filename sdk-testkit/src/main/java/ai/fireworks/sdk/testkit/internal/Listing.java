package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One page of a List call: filter, order, page size (default 50, at most 200, larger values
 * coerced) and opaque page tokens that are only valid with the same filter, order and
 * showDeleted as the call that made them.
 */
public final class Listing {
  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 200;

  private Listing() {}

  /**
   * Builds {@code {"<collection>": [...], "nextPageToken": "...", "totalSize": n}}.
   *
   * @param all every resource visible to the call, in creation order, already rendered
   * @param defaultOrder the order when {@code orderBy} is absent, e.g. {@code create_time}
   */
  public static ObjectNode page(String collection, List<ObjectNode> all, Query q, Schema schema, String defaultOrder,
      String extraFingerprint) {
    int size = q.integer("pageSize", 0);
    if (size < 0) {
      throw ApiError.invalid("invalid page_size " + size + ": must not be negative");
    }
    size = size == 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
    String filterText = q.get("filter").orElse("");
    String orderBy = q.get("orderBy").orElse("");
    Predicate<JsonNode> filter = Filter.parse(filterText, schema);
    Comparator<ObjectNode> order = order(orderBy.isBlank() ? defaultOrder : orderBy, schema);
    String fingerprint = Integer.toHexString(Objects.hash(collection, filterText, orderBy, extraFingerprint));

    List<ObjectNode> matching = new ArrayList<>();
    for (ObjectNode r : all) {
      if (filter.test(r)) {
        matching.add(r);
      }
    }
    matching.sort(order);
    int offset = q.get("pageToken").filter(t -> !t.isEmpty()).map(t -> offset(t, fingerprint)).orElse(0);
    int end = Math.min(matching.size(), offset + size);

    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode items = out.putArray(collection);
    for (int i = Math.min(offset, end); i < end; i++) {
      items.add(matching.get(i));
    }
    out.put("nextPageToken", end < matching.size() ? token(end, fingerprint) : "");
    out.put("totalSize", matching.size());
    return out;
  }

  private static Comparator<ObjectNode> order(String orderBy, Schema schema) {
    Comparator<ObjectNode> result = null;
    for (String part : orderBy.split(",")) {
      String p = part.trim();
      boolean desc = false;
      if (p.endsWith(" desc")) {
        desc = true;
        p = p.substring(0, p.length() - 5).trim();
      } else if (p.endsWith(" asc")) {
        p = p.substring(0, p.length() - 4).trim();
      }
      String[] path = schema.jsonPath(p);
      if (path == null) {
        throw ApiError.invalid("invalid order_by \"" + orderBy + "\": unknown field \"" + p + "\" for " + schema.typeName());
      }
      Comparator<ObjectNode> c = (a, b) -> compareValues(text(a, path), text(b, path));
      c = desc ? c.reversed() : c;
      result = result == null ? c : result.thenComparing(c);
    }
    return result;
  }

  private static String text(JsonNode r, String[] path) {
    JsonNode n = r;
    for (String p : path) {
      n = n.path(p);
    }
    return n.isValueNode() ? n.asText() : "";
  }

  /** Timestamps compare as instants (their text has a varying number of fraction digits), others as text. */
  static int compareValues(String a, String b) {
    if (a.length() > 19 && b.length() > 19 && a.charAt(10) == 'T' && b.charAt(10) == 'T') {
      try {
        return java.time.Instant.parse(a).compareTo(java.time.Instant.parse(b));
      } catch (java.time.format.DateTimeParseException e) {
        // not timestamps after all
      }
    }
    return a.compareTo(b);
  }

  private static String token(int offset, String fingerprint) {
    String raw = "v1|" + offset + "|" + fingerprint;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token, String fingerprint) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("invalid page_token \"" + token + "\"");
    }
    String[] parts = raw.split("\\|");
    if (parts.length != 3 || !parts[0].equals("v1") || !parts[1].matches("\\d{1,9}")) {
      throw ApiError.invalid("invalid page_token \"" + token + "\"");
    }
    if (!parts[2].equals(fingerprint)) {
      throw ApiError.invalid("invalid page_token: it was issued for a request with a different filter, order_by or "
          + "show_deleted; all list parameters except page_token must stay the same across pages");
    }
    return Integer.parseInt(parts[1]);
  }
}
