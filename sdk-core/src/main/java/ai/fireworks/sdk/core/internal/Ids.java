package ai.fireworks.sdk.core.internal;

import java.util.regex.Pattern;

/** Rules for resource ids and name segments, in one place. */
public final class Ids {
  private static final Pattern NEW_ID = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern LENIENT_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

  private Ids() {}

  /**
   * Validates an id the caller asks the server to create: 1–63 chars of {@code a-z0-9-}, starting
   * with a letter, not ending with a hyphen.
   *
   * @throws IllegalArgumentException naming the field, the value and the rule
   */
  public static String requireNewId(String field, String id) {
    if (id == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    if (!NEW_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(field + " '" + id + "' is not a valid id: " + newIdProblem(id)
          + " (ids are 1-63 characters of a-z, 0-9 and '-', start with a letter and do not end with '-')");
    }
    return id;
  }

  private static String newIdProblem(String id) {
    if (id.isEmpty()) {
      return "it is empty";
    }
    if (id.length() > 63) {
      return "it has " + id.length() + " characters";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return "character '" + c + "' at position " + i + " is not allowed";
      }
    }
    if (!Character.isLetter(id.charAt(0))) {
      return "it starts with '" + id.charAt(0) + "'";
    }
    return "it ends with '-'";
  }

  /**
   * Validates one segment of an existing resource name leniently: the server makes ids that break
   * the creation rule (digit-first ids, camel-case accounts), so only characters that cannot appear
   * in any name are refused.
   */
  public static String requireSegment(String field, String value, String input) {
    if (value == null || !LENIENT_SEGMENT.matcher(value).matches()) {
      throw new IllegalArgumentException(field + " '" + value + "' in '" + input
          + "' is not valid: expected 1-255 characters of letters, digits, '.', '_' or '-'");
    }
    return value;
  }
}
