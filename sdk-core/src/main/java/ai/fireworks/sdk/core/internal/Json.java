package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.Durations;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The SDK's one {@link ObjectMapper}: unknown properties ignored, absent values not written,
 * durations in protobuf JSON form ({@code "300s"}), timestamps as RFC 3339 strings. Never the
 * application's mapper. Thread-safe.
 */
public final class Json {
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule("fireworks-durations")
          .addSerializer(Duration.class, new ProtoDurationSerializer())
          .addDeserializer(Duration.class, new ProtoDurationDeserializer()))
      // Parse errors must not quote the input: a body may echo the API key (Jackson < 2.16 quotes by default).
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
      .build();

  private Json() {}

  /** Serializes {@code value} to UTF-8 JSON bytes. */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Serializes {@code value} to an indented JSON string. */
  public static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final class ProtoDurationSerializer extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(Durations.toProto(value));
    }
  }

  static final class ProtoDurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken().isNumeric()) {
        try {
          return Duration.ofNanos(p.getDecimalValue().movePointRight(9).toBigInteger().longValueExact());
        } catch (ArithmeticException e) {
          throw ctxt.weirdNumberException(p.getNumberValue(), Duration.class, "seconds out of range");
        }
      }
      String text = p.getValueAsString();
      try {
        return Durations.parseProto(text);
      } catch (IllegalArgumentException e) {
        try {
          return Durations.parseGo(text);
        } catch (IllegalArgumentException again) {
          throw ctxt.weirdStringException(text, Duration.class, e.getMessage());
        }
      }
    }
  }
}
