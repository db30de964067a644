package ai.fireworks.sdk.spring.internal;

import java.util.Map;
import java.util.Set;

/**
 * Turns a request path into a bounded metric tag: {@code /v1/accounts/acme/deployments/my-llama:scale?x=1}
 * becomes {@code /v1/accounts/{account}/deployments/{deployment}:scale}. Only the API's own words
 * survive; any other segment (an id, a model name, anything unexpected) becomes a placeholder, and
 * the query is dropped, so the tag never carries an id, a model name or a key. Stateless.
 */
final class OperationTemplate {
  /** Collections whose next segment is an id, and the placeholder it becomes. */
  private static final Map<String, String> COLLECTIONS = Map.of(
      "accounts", "{account}",
      "deployments", "{deployment}",
      "models", "{model}",
      "deployedModels", "{deployedModel}",
      "deploymentShapes", "{deploymentShape}",
      "versions", "{version}");

  /** Literal segments and custom-method verbs kept as they are. */
  private static final Set<String> WORDS = Set.of("v1", "inference", "completions", "chat", "embeddings", "rerank",
      "scale", "undelete", "validate", "prepare", "getUploadEndpoint", "getDownloadEndpoint");

  private OperationTemplate() {}

  static String of(String path) {
    int query = path.indexOf('?');
    String bare = query < 0 ? path : path.substring(0, query);
    StringBuilder out = new StringBuilder();
    String previous = "";
    for (String segment : bare.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      int colon = segment.indexOf(':');
      String head = colon < 0 ? segment : segment.substring(0, colon);
      out.append('/').append(word(previous, head));
      if (colon >= 0) {
        String verb = segment.substring(colon + 1);
        out.append(':').append(WORDS.contains(verb) ? verb : "{verb}");
      }
      previous = head;
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  private static String word(String previous, String segment) {
    if (COLLECTIONS.containsKey(previous)) {
      return COLLECTIONS.get(previous);
    }
    return WORDS.contains(segment) || COLLECTIONS.containsKey(segment) ? segment : "{id}";
  }
}
