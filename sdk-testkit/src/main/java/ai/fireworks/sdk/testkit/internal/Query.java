package ai.fireworks.sdk.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Query parameters, decoded as grpc-gateway does ({@code +} is a space). A parameter may be
 * spelled in camelCase ({@code pageSize}) or as the proto name ({@code page_size}).
 */
public final class Query {
  private final Map<String, List<String>> params;

  private Query(Map<String, List<String>> params) {
    this.params = params;
  }

  /** Parses a raw (still encoded) query string; null or empty gives no parameters. */
  public static Query parse(String raw) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String k = decode(eq < 0 ? pair : pair.substring(0, eq));
        String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
        m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
    }
    return new Query(m);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("invalid query string: " + e.getMessage());
    }
  }

  /** Every parameter, in order. */
  public Map<String, List<String>> asMap() {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    params.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
    return Collections.unmodifiableMap(copy);
  }

  /** The first value of the camelCase parameter or of its snake_case alias. */
  public Optional<String> get(String camel) {
    List<String> v = params.get(camel);
    if (v == null) {
      v = params.get(Schema.snake(camel));
    }
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /**
   * A boolean parameter, parsed like Go's {@code strconv.ParseBool}; a bare {@code ?hard} is true.
   *
   * @throws ApiError 400 for any other value
   */
  public boolean bool(String camel) {
    Optional<String> v = get(camel);
    if (v.isEmpty()) {
      return false;
    }
    switch (v.get()) {
      case "":
      case "1": case "t": case "T": case "true": case "TRUE": case "True":
        return true;
      case "0": case "f": case "F": case "false": case "FALSE": case "False":
        return false;
      default:
        throw ApiError.invalid("invalid value for query parameter " + camel + ": \"" + v.get() + "\" is not a boolean");
    }
  }

  /**
   * An int32 parameter, or {@code fallback} when absent.
   *
   * @throws ApiError 400 if it is not an integer
   */
  public int integer(String camel, int fallback) {
    Optional<String> v = get(camel);
    if (v.isEmpty() || v.get().isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.get().trim());
    } catch (NumberFormatException e) {
      throw ApiError.invalid("invalid value for query parameter " + camel + ": \"" + v.get() + "\" is not an integer");
    }
  }
}
