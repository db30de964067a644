package ai.fireworks.sdk.examples.fwctl;

import ai.fireworks.sdk.core.Durations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * fwctl's standard output. With {@code -o json} a resource is printed as the API returned it: the
 * raw body the HTTP client recorded, re-indented, with every field the server sent; only when no
 * body was recorded is the SDK's value serialized instead. With {@code -o text} the caller's
 * renderer runs.
 */
final class Output {
  /** For re-serializing SDK values: camelCase names from the SDK's annotations, durations as "300s". */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .findAndAddModules()
      .addModule(new SimpleModule("fwctl-durations").addSerializer(Duration.class,
          new com.fasterxml.jackson.databind.ser.std.StdSerializer<Duration>(Duration.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(Duration value, com.fasterxml.jackson.core.JsonGenerator gen,
                com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
              gen.writeString(Durations.toProto(value));
            }
          }))
      .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));

  private final PrintStream out;
  private final OutputFormat format;
  private final Supplier<List<RecordingHttpClient.Exchange>> exchanges;

  Output(PrintStream out, OutputFormat format, Supplier<List<RecordingHttpClient.Exchange>> exchanges) {
    this.out = out;
    this.format = format;
    this.exchanges = exchanges;
  }

  boolean json() {
    return format == OutputFormat.json;
  }

  PrintStream stream() {
    return out;
  }

  /**
   * Prints a resource: in JSON, the last body the API returned for {@code name} (or
   * {@code fallback} serialized); in text, {@code text}'s listing.
   */
  void resource(String name, Object fallback, Supplier<KeyValues> text) {
    if (json()) {
      printJson(lastBodyNamed(name).orElseGet(() -> MAPPER.valueToTree(fallback)));
    } else {
      text.get().print(out);
    }
  }

  /**
   * Prints the API's reply to {@code method path}: in JSON the body it returned (or {@code fallback}
   * when none was recorded); in text, the line {@code text}.
   */
  void reply(String method, String path, Supplier<JsonNode> fallback, String text) {
    if (json()) {
      printJson(lastBody(method, path).orElseGet(fallback));
    } else {
      out.println(text);
    }
  }

  /**
   * Prints what a command that changed resource {@code name} with {@code method path} last saw: in
   * JSON, the last body named {@code name} (the resource as a wait last read it, or as the call
   * returned it), else the body the call returned (or {@code {}} when none was recorded); in text,
   * the line {@code text}.
   */
  void lastRead(String name, String method, String path, String text) {
    if (json()) {
      printJson(lastBodyNamed(name).or(() -> lastBody(method, path)).orElseGet(MAPPER::createObjectNode));
    } else {
      out.println(text);
    }
  }

  /** Prints a JSON value, indented. */
  void printJson(JsonNode node) {
    try {
      out.println(PRETTY.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serializes an SDK value as JSON. */
  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** The last JSON object body whose {@code name} is {@code name}. */
  Optional<JsonNode> lastBodyNamed(String name) {
    List<RecordingHttpClient.Exchange> all = exchanges.get();
    for (ListIterator<RecordingHttpClient.Exchange> it = all.listIterator(all.size()); it.hasPrevious(); ) {
      JsonNode node = parse(it.previous().body);
      if (node != null && node.isObject() && name.equals(node.path("name").asText(null))) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  /** The last JSON body returned for a request to {@code path} with {@code method}. */
  Optional<JsonNode> lastBody(String method, String path) {
    List<RecordingHttpClient.Exchange> all = exchanges.get();
    for (ListIterator<RecordingHttpClient.Exchange> it = all.listIterator(all.size()); it.hasPrevious(); ) {
      RecordingHttpClient.Exchange e = it.previous();
      if (e.method.equals(method) && e.path.endsWith(path)) {
        return Optional.ofNullable(parse(e.body));
      }
    }
    return Optional.empty();
  }

  /**
   * The items of every page the API returned for GET {@code path}, concatenated in order, as
   * {@code {"<field>": [...]}}; empty if no page was recorded.
   */
  Optional<ObjectNode> allPages(String path, String field) {
    List<JsonNode> pages = exchanges.get().stream()
        .filter(e -> e.method.equals("GET") && e.path.endsWith(path))
        .map(e -> parse(e.body))
        .filter(n -> n != null && n.isObject())
        .collect(Collectors.toList());
    if (pages.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode result = MAPPER.createObjectNode();
    ArrayNode items = result.putArray(field);
    pages.forEach(p -> p.path(field).forEach(items::add));
    return Optional.of(result);
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
