package ai.fireworks.sdk.testkit;

import ai.fireworks.sdk.testkit.internal.JournalStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request the emulator received, as {@link Journal} keeps it. Header names are lower case; the
 * {@code Authorization} value is replaced by {@code "Bearer <redacted>"} (the scheme is kept, the
 * key never is). Immutable, except that {@link #status()} is filled in once the answer starts.
 */
public final class RecordedRequest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final JournalStore.Entry entry;

  RecordedRequest(JournalStore.Entry entry) {
    this.entry = entry;
  }

  /** Position in the journal, from 0. */
  public long sequence() {
    return entry.sequence;
  }

  /** {@code GET}, {@code POST}, {@code PATCH}, {@code DELETE}... */
  public String method() {
    return entry.method;
  }

  /** The raw (still percent-encoded) path, e.g. {@code /v1/accounts/acme/deployments/my-llama:scale}. */
  public String path() {
    return entry.rawPath;
  }

  /** The raw query string without {@code ?}, or empty. */
  public String query() {
    return entry.rawQuery;
  }

  /** Path and query as sent, e.g. {@code /v1/accounts/acme/deployments?deploymentId=x}. */
  public String target() {
    return entry.rawQuery.isEmpty() ? entry.rawPath : entry.rawPath + "?" + entry.rawQuery;
  }

  /** The decoded query parameters, in order. */
  public Map<String, List<String>> queryParameters() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (!entry.rawQuery.isEmpty()) {
      for (String pair : entry.rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
    }
    out.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(out);
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParameter(String name) {
    List<String> v = queryParameters().get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** Headers with lower-case names; the API key is redacted. */
  public Map<String, List<String>> headers() {
    return entry.headers;
  }

  /** The first value of a header (any case). */
  public Optional<String> header(String name) {
    List<String> v = entry.headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** The body as UTF-8 text; empty if there was none. */
  public String body() {
    return new String(entry.body, StandardCharsets.UTF_8);
  }

  /** The body bytes (a copy). */
  public byte[] bodyBytes() {
    return entry.body.clone();
  }

  /** The body parsed as JSON; a missing node if it is empty or not JSON. */
  public JsonNode bodyJson() {
    if (entry.body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return MAPPER.readTree(entry.body);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  /** When it arrived, on the emulator's clock. */
  public Instant receivedAt() {
    return entry.receivedAt;
  }

  /** The {@code x-request-id} the emulator answered with. */
  public String requestId() {
    return entry.requestId;
  }

  /** HTTP status answered: 0 while still being handled, -1 if the connection was dropped by a fault. */
  public int status() {
    return entry.status();
  }

  /** The injected fault that applied, described. */
  public Optional<String> fault() {
    return Optional.ofNullable(entry.fault());
  }

  @Override
  public String toString() {
    return "#" + entry.sequence + " " + entry.method + " " + target() + " -> " + status();
  }
}
