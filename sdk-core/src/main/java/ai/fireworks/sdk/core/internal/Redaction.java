package ai.fireworks.sdk.core.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which header values are credentials, and how values print with them masked. Used by the
 * {@code toString} of values that carry headers, so a key set through an {@code X-Api-Key}-like
 * header never reaches a log line or an exception message. Thread-safe.
 */
public final class Redaction {
  /** What a masked value prints as. */
  public static final String MASK = "****";
  private static final String[] SENSITIVE_WORDS = {"auth", "key", "token", "secret", "password", "cookie",
      "credential", "signature"};

  private Redaction() {}

  /** True if a header (or field) called {@code name} may carry a credential, e.g. {@code Proxy-Authorization}. */
  public static boolean isSensitive(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (String word : SENSITIVE_WORDS) {
      if (n.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** {@code values} with the value of every {@link #isSensitive sensitive} name replaced by {@link #MASK}. */
  public static Map<String, String> mask(Map<String, String> values) {
    Map<String, String> masked = new LinkedHashMap<>();
    values.forEach((k, v) -> masked.put(k, isSensitive(k) ? MASK : v));
    return masked;
  }
}
