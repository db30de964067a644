package ai.fireworks.sdk.core.internal;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps the API key out of what the transport shows: response bodies, exception messages and
 * logged headers. Servers sometimes echo the credential in an error ("Incorrect API key provided:
 * ..."). Keys shorter than 8 characters are not real keys and are left alone, so test keys do not
 * mangle bodies. Immutable; thread-safe.
 */
final class KeyRedactor {
  /** Headers whose values may be logged; all others are logged as names only. */
  private static final Set<String> LOGGABLE_HEADERS = Set.of("content-type", "content-length", "x-request-id",
      "x-fireworks-request-id", "cf-ray", "retry-after", "retry-after-ms", "user-agent", "idempotency-key");

  private final String key;

  KeyRedactor(String apiKey) {
    this.key = apiKey;
  }

  /** {@code text} with the API key replaced by {@code ****}. */
  String redact(String text) {
    return text == null || key.length() < 8 || !text.contains(key) ? text : text.replace(key, "****");
  }

  /** {@code body} with the API key replaced by {@code ****}; the same array when it holds no key. */
  byte[] redact(byte[] body) {
    if (body == null) {
      return null;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    String redacted = redact(text);
    return redacted.equals(text) ? body : redacted.getBytes(StandardCharsets.UTF_8);
  }

  /** The headers safe to log, as {@code name=value} pairs; the values of all others are left out. */
  static String loggable(HttpHeaders headers) {
    StringBuilder s = new StringBuilder();
    headers.map().forEach((k, v) -> {
      if (LOGGABLE_HEADERS.contains(k.toLowerCase(Locale.ROOT))) {
        s.append(k).append('=').append(String.join(",", v)).append(' ');
      }
    });
    return s.toString().trim();
  }
}
