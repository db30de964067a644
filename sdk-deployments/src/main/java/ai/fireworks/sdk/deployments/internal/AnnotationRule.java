package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.core.ErrorDetails;
import ai.fireworks.sdk.core.PermissionDeniedException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Newer Fireworks servers let ordinary accounts write only annotation keys under {@code custom/};
 * other keys get a 403 that reads like a bad API key. This refuses such keys before sending
 * (unless the caller opted out), and turns that 403 into an error that names the rule.
 * Stateless; thread-safe.
 */
public final class AnnotationRule {
  /** The prefix ordinary accounts may write. */
  public static final String CUSTOM_PREFIX = "custom/";

  private AnnotationRule() {}

  /**
   * Refuses keys outside {@code custom/} unless {@code allowNonCustom}.
   *
   * @throws IllegalArgumentException naming the keys and the rule
   */
  public static void check(Map<String, String> annotations, boolean allowNonCustom) {
    List<String> outside = outside(annotations);
    if (!allowNonCustom && !outside.isEmpty()) {
      throw new IllegalArgumentException("annotations " + outside + " are outside " + CUSTOM_PREFIX + ": Fireworks "
          + "refuses such keys for ordinary accounts (HTTP 403); use keys like \"" + CUSTOM_PREFIX + "team\", or call "
          + "allowNonCustomAnnotations(true) if your account may write them");
    }
  }

  /**
   * The error to report for a 403 answering a write that carried {@code annotations}: one naming the
   * annotation rule if the server's answer is about annotations ("not customer-writable"), else
   * {@code denied} itself.
   */
  public static PermissionDeniedException explain(PermissionDeniedException denied, Map<String, String> annotations) {
    String said = (denied.errorMessage() + " " + denied.body()).toLowerCase(Locale.ROOT);
    if (annotations.isEmpty() || !(said.contains("customer-writable") || said.contains("annotation"))) {
      return denied;
    }
    List<String> outside = outside(annotations);
    PermissionDeniedException e = new PermissionDeniedException(ErrorDetails.builder().statusCode(denied.statusCode())
        .errorCode(denied.errorCode()).requestId(denied.requestId()).headers(denied.headers()).body(denied.body())
        .details(denied.details()).retryAfter(denied.retryAfter())
        .message("the server refused annotation keys " + (outside.isEmpty() ? "" : outside + " ") + "(only keys under "
            + CUSTOM_PREFIX + " are customer-writable for this account; the API key itself was accepted); server said: "
            + denied.errorMessage())
        .build());
    e.initCause(denied);
    return e;
  }

  private static List<String> outside(Map<String, String> annotations) {
    return annotations.keySet().stream().filter(k -> !k.startsWith(CUSTOM_PREFIX)).sorted().collect(Collectors.toList());
  }
}
