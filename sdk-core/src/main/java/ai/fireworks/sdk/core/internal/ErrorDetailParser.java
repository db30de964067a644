package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.BadRequest;
import ai.fireworks.sdk.core.ErrorDetail;
import ai.fireworks.sdk.core.ErrorInfo;
import ai.fireworks.sdk.core.FieldViolation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code details} array of a google.rpc error body. Lenient: a missing or malformed
 * array gives no details, an entry of an unknown type (or no type) is kept as JSON, and fields of
 * the wrong JSON type read as empty. Never throws.
 */
final class ErrorDetailParser {
  private ErrorDetailParser() {}

  static List<ErrorDetail> parse(JsonNode details) {
    List<ErrorDetail> out = new ArrayList<>();
    if (details == null || !details.isArray()) {
      return out;
    }
    for (JsonNode entry : details) {
      String type = entry.path("@type").isTextual() ? entry.get("@type").asText() : "";
      ErrorDetail.Builder d = ErrorDetail.builder().type(type).json(entry);
      if (type.endsWith("google.rpc.ErrorInfo")) {
        d.errorInfo(errorInfo(entry));
      } else if (type.endsWith("google.rpc.BadRequest")) {
        d.badRequest(badRequest(entry));
      }
      out.add(d.build());
    }
    return out;
  }

  private static ErrorInfo errorInfo(JsonNode entry) {
    ErrorInfo.Builder info = ErrorInfo.builder().reason(text(entry.get("reason"))).domain(text(entry.get("domain")));
    JsonNode metadata = entry.path("metadata");
    if (metadata.isObject()) {
      metadata.properties().forEach(e -> info.putMetadata(e.getKey(),
          e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
    }
    return info.build();
  }

  private static BadRequest badRequest(JsonNode entry) {
    BadRequest.Builder b = BadRequest.builder();
    JsonNode violations = entry.has("fieldViolations") ? entry.get("fieldViolations") : entry.path("field_violations");
    for (JsonNode v : violations.isArray() ? violations : List.<JsonNode>of()) {
      b.addFieldViolations(FieldViolation.builder().field(text(v.get("field")))
          .description(text(v.get("description"))).build());
    }
    return b.build();
  }

  private static String text(JsonNode n) {
    return n != null && n.isValueNode() && !n.isNull() ? n.asText() : "";
  }
}
