package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.Durations;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The SDK's one {@link ObjectMapper}: unknown properties ignored, absent values not written,
 * durations in protobuf JSON form ({@code "300s"}), timestamps as RFC 3339 strings. Never the
 * application's mapper. Thread-safe.
 */
public final class Json {
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new SimpleModule("fireworks-time")
          .addSerializer(Duration.class, new ProtoDurationSerializer())
          .addDeserializer(Duration.class, new ProtoDurationDeserializer())
          .addSerializer(Instant.class, new Rfc3339Serializer())
          .addDeserializer(Instant.class, new Rfc3339Deserializer()))
      // Parse errors must not quote the input: a body may echo the API key (Jackson < 2.16 quotes by default).
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
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

  /** An instant as RFC 3339 in UTC, {@code 2026-02-03T04:05:06.789Z}. */
  static final class Rfc3339Serializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(value.toString());
    }
  }

  /**
   * RFC 3339 with any offset ({@code Z}, {@code +02:00}, lower case or a space for {@code T}
   * accepted), one without an offset taken as UTC, a number as seconds since the epoch, and an
   * empty string as absent.
   */
  static final class Rfc3339Deserializer extends JsonDeserializer<Instant> {
    private static final ProtoDurationDeserializer SECONDS = new ProtoDurationDeserializer();

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken().isNumeric()) {
        return Instant.EPOCH.plus(SECONDS.deserialize(p, ctxt)); // read as the duration since the epoch
      }
      if (!p.currentToken().equals(JsonToken.VALUE_STRING)) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getText().strip();
      if (text.isEmpty()) {
        return null;
      }
      String iso = text.toUpperCase(Locale.ROOT).replace(' ', 'T');
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException withOffset) {
        try {
          return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          throw ctxt.weirdStringException(text, Instant.class, "not an RFC 3339 timestamp");
        }
      }
    }
  }
}
