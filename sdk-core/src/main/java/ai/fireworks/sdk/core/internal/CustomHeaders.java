package ai.fireworks.sdk.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code FIREWORKS_CUSTOM_HEADERS}: one {@code Name: value} per line, blank lines skipped.
 * Errors name the variable, the line and the rule, never the line's text, which may hold a secret.
 */
public final class CustomHeaders {
  private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";

  private CustomHeaders() {}

  /**
   * The headers in {@code text}, in order; a later line with the same name wins.
   *
   * @throws IllegalArgumentException if a line has no {@code :} or its name is not an HTTP token
   */
  public static Map<String, String> parse(String variable, String text) {
    Map<String, String> headers = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon).strip();
      if (!isToken(name)) {
        throw new IllegalArgumentException(variable + " line " + (i + 1) + " must read 'Name: value' with a header name"
            + " of letters, digits and " + TOKEN_PUNCTUATION + " (the line is not shown: it may hold a secret)");
      }
      headers.put(name, line.substring(colon + 1).strip());
    }
    return headers;
  }

  private static boolean isToken(String name) {
    return !name.isEmpty() && name.chars().allMatch(c -> c < 128
        && (Character.isLetterOrDigit(c) || TOKEN_PUNCTUATION.indexOf(c) >= 0));
  }
}
