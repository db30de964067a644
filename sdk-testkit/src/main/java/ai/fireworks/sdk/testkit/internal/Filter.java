package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A subset of the AIP-160 filter language: comparisons {@code field = "value"} (also {@code !=},
 * {@code <}, {@code <=}, {@code >}, {@code >=}; values quoted or bare), joined by {@code AND},
 * {@code OR} (which binds tighter, as in AIP-160), {@code NOT} and parentheses. Field names are
 * snake_case proto names, dotted for nested fields ({@code autoscaling_policy.scale_to_zero_window}).
 */
public final class Filter {
  private final List<String> tokens;
  private final Schema schema;
  private final String text;
  private int pos;

  private Filter(String text, Schema schema) {
    this.text = text;
    this.schema = schema;
    this.tokens = tokenize(text);
  }

  /**
   * Parses {@code text}; blank matches everything.
   *
   * @throws ApiError 400 INVALID_ARGUMENT on a syntax error or an unknown field
   */
  public static Predicate<JsonNode> parse(String text, Schema schema) {
    if (text == null || text.isBlank()) {
      return r -> true;
    }
    Filter f = new Filter(text, schema);
    Predicate<JsonNode> p = f.and();
    if (f.pos < f.tokens.size()) {
      throw f.error("unexpected '" + f.tokens.get(f.pos) + "'");
    }
    return p;
  }

  private Predicate<JsonNode> and() {
    Predicate<JsonNode> left = or();
    while (pos < tokens.size() && !tokens.get(pos).equals(")")) {
      if (tokens.get(pos).equals("AND")) {
        pos++;
      }
      left = left.and(or());
    }
    return left;
  }

  private Predicate<JsonNode> or() {
    Predicate<JsonNode> left = unary();
    while (pos < tokens.size() && tokens.get(pos).equals("OR")) {
      pos++;
      left = left.or(unary());
    }
    return left;
  }

  private Predicate<JsonNode> unary() {
    String t = next("a comparison");
    if (t.equals("NOT") || t.equals("-")) {
      return unary().negate();
    }
    if (t.equals("(")) {
      Predicate<JsonNode> inner = and();
      if (!next("')'").equals(")")) {
        throw error("expected ')'");
      }
      return inner;
    }
    String field = t;
    if (!field.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
      throw error("expected a field name, got '" + field + "'");
    }
    String[] path = schema.jsonPath(field);
    if (path == null) {
      throw ApiError.invalid("invalid filter \"" + text + "\": unknown field \"" + field + "\" for " + schema.typeName()
          + " (filters use snake_case field names such as display_name)");
    }
    String op = next("an operator");
    if (!List.of("=", "!=", "<", "<=", ">", ">=").contains(op)) {
      throw error("expected an operator after " + field + ", got '" + op + "'");
    }
    String raw = next("a value");
    String value = raw.startsWith("\"") ? raw.substring(1, raw.length() - 1) : raw;
    return r -> compare(valueAt(r, path), op, value);
  }

  private static String valueAt(JsonNode r, String[] path) {
    JsonNode n = r;
    for (String p : path) {
      n = n.path(p);
    }
    if (n.isMissingNode() || n.isNull()) {
      return "";
    }
    return n.isValueNode() ? n.asText() : n.toString();
  }

  private static boolean compare(String actual, String op, String expected) {
    int c;
    try {
      c = new BigDecimal(actual).compareTo(new BigDecimal(expected));
    } catch (NumberFormatException e) {
      c = actual.compareTo(expected);
    }
    switch (op) {
      case "=": return c == 0;
      case "!=": return c != 0;
      case "<": return c < 0;
      case "<=": return c <= 0;
      case ">": return c > 0;
      default: return c >= 0;
    }
  }

  private String next(String what) {
    if (pos >= tokens.size()) {
      throw error("expected " + what + " at the end");
    }
    return tokens.get(pos++);
  }

  private ApiError error(String problem) {
    return ApiError.invalid("invalid filter \"" + text + "\": " + problem);
  }

  private List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        StringBuilder b = new StringBuilder("\"");
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          b.append(s.charAt(i++));
        }
        if (i >= s.length()) {
          throw error("unterminated string");
        }
        i++;
        out.add(b.append('"').toString());
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '!' || c == '<' || c == '>' || c == '=') {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '=') {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      } else {
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "()!<>=\"".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out;
  }
}
