package ai.fireworks.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.internal.Json;
import org.junit.jupiter.api.Test;

/** Server-extensible enumerations keep unknown values instead of failing. */
class OpenEnumTest {
  @Test
  void knownValuesAreTheConstants() {
    assertSame(TestState.READY, TestState.of("READY"));
    assertTrue(TestState.READY.isKnown());
    assertEquals("READY", TestState.READY.toString());
  }

  @Test
  void unknownValuesKeepTheirString() {
    TestState s = TestState.of("HIBERNATING");

    assertEquals("HIBERNATING", s.value());
    assertEquals("HIBERNATING", s.toString());
    assertFalse(s.isKnown());
  }

  @Test
  void equalityIsByValue() {
    assertEquals(TestState.of("HIBERNATING"), TestState.of("HIBERNATING"));
    assertEquals(TestState.of("HIBERNATING").hashCode(), TestState.of("HIBERNATING").hashCode());
    assertNotEquals(TestState.of("ready"), TestState.READY, "values are case-sensitive, as on the wire");
    assertNotEquals(TestState.READY, "READY");
  }

  @Test
  void jsonRoundTripOfUnknownValues() throws Exception {
    TestState s = Json.MAPPER.readValue("\"SOMETHING_NEW\"", TestState.class);

    assertFalse(s.isKnown());
    assertEquals("\"SOMETHING_NEW\"", Json.MAPPER.writeValueAsString(s));
    assertSame(TestState.CREATING, Json.MAPPER.readValue("\"CREATING\"", TestState.class));
  }

  @Test
  void nullIsRejected() {
    assertThrows(NullPointerException.class, () -> TestState.of(null));
  }
}
