package ai.fireworks.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SDK's one ObjectMapper: durations, instants, unknown fields, absent values, open enums. */
class JsonTest {
  private static JsonTestValue fixture() throws Exception {
    try (InputStream in = JsonTest.class.getResourceAsStream("/fixtures/resource.json")) {
      return Json.MAPPER.readValue(in, JsonTestValue.class);
    }
  }

  @Test
  void readsAResourceIgnoringUnknownFields() throws Exception {
    JsonTestValue v = fixture();

    assertEquals(DeploymentName.parse("accounts/acmeInc/deployments/12ab34cd56ef"), v.name());
    assertEquals(Duration.ofMillis(500), v.scaleToZeroWindow());
    assertEquals(Instant.parse("2026-02-03T04:05:06.789Z"), v.createTime());
    assertEquals(Optional.of("llama for the support bot"), v.displayName());
    assertEquals("HIBERNATING", v.state().value());
    assertFalse(v.state().isKnown());
  }

  @Test
  void writesDurationsAsProtobufSecondsAndInstantsAsRfc3339() throws Exception {
    JsonTestValue v = new JsonTestValue(DeploymentName.parse("acme/d"), Duration.ofMinutes(5),
        Instant.parse("2026-02-03T04:05:06Z"), Optional.empty(), TestState.READY);

    JsonNode json = Json.MAPPER.readTree(Json.write(v));

    assertEquals("300s", json.get("scaleToZeroWindow").asText());
    assertEquals("2026-02-03T04:05:06Z", json.get("createTime").asText());
    assertEquals("accounts/acme/deployments/d", json.get("name").asText());
    assertEquals("READY", json.get("state").asText());
    assertFalse(json.has("displayName"), "absent Optional is not written: " + json);
  }

  @Test
  void nullsAreNotWritten() throws Exception {
    JsonTestValue v = new JsonTestValue(null, null, null, Optional.empty(), null);

    assertEquals("{}", new String(Json.write(v), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void durationsBothWays() throws Exception {
    assertEquals("\"300s\"", Json.MAPPER.writeValueAsString(Duration.ofSeconds(300)));
    assertEquals("\"0.5s\"", Json.MAPPER.writeValueAsString(Duration.ofMillis(500)));
    assertEquals(Duration.ofSeconds(300), Json.MAPPER.readValue("\"300s\"", Duration.class));
    assertEquals(Duration.ofMillis(500), Json.MAPPER.readValue("\"0.5s\"", Duration.class));
    assertEquals(Duration.ofMinutes(5), Json.MAPPER.readValue("\"5m\"", Duration.class), "Go syntax read leniently");
  }

  @Test
  void numericDurationsAreSeconds() throws Exception {
    assertEquals(Duration.ofSeconds(300), Json.MAPPER.readValue("300", Duration.class));
    assertEquals(Duration.ofMillis(1500), Json.MAPPER.readValue("1.5", Duration.class));
    assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readValue("1e30", Duration.class));
  }

  @Test
  void unreadableDurationIsAJsonError() {
    JsonProcessingException e = assertThrows(JsonProcessingException.class,
        () -> Json.MAPPER.readValue("\"soon\"", Duration.class));
    assertTrue(e.getMessage().contains("soon"), e.getMessage());
  }

  @Test
  void instantsWithOffsetsAreNormalisedToUtc() throws Exception {
    assertEquals(Instant.parse("2026-02-03T02:05:06Z"), Json.MAPPER.readValue("\"2026-02-03T04:05:06+02:00\"", Instant.class));
  }

  @Test
  void instantsAreReadLenientlyAndWrittenAsRfc3339InUtc() throws Exception {
    Instant t = Instant.parse("2026-02-03T04:05:06.789Z");
    for (String json : List.of("\"2026-02-03t04:05:06.789z\"", "\"2026-02-03 04:05:06.789Z\"",
        "\"2026-02-03T04:05:06.789\"", "1770091506.789")) {
      assertEquals(t, Json.MAPPER.readValue(json, Instant.class), json);
    }
    assertEquals(Instant.parse("1969-12-31T23:59:59.5Z"), Json.MAPPER.readValue("-0.5", Instant.class));
    assertNull(Json.MAPPER.readValue("\"\"", Instant.class));
    assertEquals("\"2026-02-03T04:05:06.789Z\"", Json.MAPPER.writeValueAsString(t));
    JsonProcessingException e = assertThrows(JsonProcessingException.class,
        () -> Json.MAPPER.readValue("\"yesterday\"", Instant.class));
    assertTrue(e.getMessage().contains("yesterday") && e.getMessage().contains("RFC 3339"), e.getMessage());
    assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readValue("{\"at\":1}", Instant.class));
  }

  @Test
  void mapsWithAbsentOptionalsDropThem() throws Exception {
    assertEquals("{\"a\":\"300s\"}", Json.MAPPER.writeValueAsString(Map.of("a", Duration.ofSeconds(300))));
  }
}
