package ai.fireworks.sdk.inference.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What an error sent inside a stream says: {@code {"error":{...}}}, {@code {"error":"text"}}, or a
 * flat error object ({@code "object":"error"}, {@code "type":"error"}, or a {@code code} with a
 * {@code message}). Values are as the server sent them, not redacted. Immutable.
 *
 * @param code the error's {@code code}, else its {@code type}; null if it has neither
 * @param message the error's {@code message}, or its text; null if it has neither
 */
public record StreamError(String code, String message) {
  /** The error {@code node} reports, if it is an object without {@code choices} that is or holds one. */
  public static Optional<StreamError> in(JsonNode node) {
    boolean flat = "error".equals(node.path("object").asText()) || "error".equals(node.path("type").asText())
        || (node.hasNonNull("code") && node.hasNonNull("message"));
    return !node.has("choices") && (node.has("error") || flat) ? Optional.of(of(node)) : Optional.empty();
  }

  /** {@code node} read as an error whatever its shape, as the data of an {@code event: error} is. */
  public static StreamError of(JsonNode node) {
    JsonNode error = node.has("error") ? node.get("error") : node;
    String code = text(error.get("code")).or(() -> text(error.get("type"))).orElse(null);
    return new StreamError(code, error.isTextual() ? error.asText() : text(error.get("message")).orElse(null));
  }

  private static Optional<String> text(JsonNode n) {
    return n != null && n.isValueNode() && !n.isNull() ? Optional.of(n.asText()) : Optional.empty();
  }
}
