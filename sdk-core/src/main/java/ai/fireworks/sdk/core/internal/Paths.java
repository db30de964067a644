package ai.fireworks.sdk.core.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** URL building shared by every service: the only place query strings are encoded. */
public final class Paths {
  private Paths() {}

  /** Appends an encoded query string to {@code path}. */
  public static String withQuery(String path, Map<String, String> query) {
    if (query.isEmpty()) {
      return path;
    }
    StringJoiner q = new StringJoiner("&", path + "?", "");
    query.forEach((k, v) -> q.add(encode(k) + "=" + encode(v)));
    return q.toString();
  }

  /** Percent-encodes a query component (spaces as {@code %20}). */
  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
