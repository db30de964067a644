package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The id rule for resources a caller asks the server to create. */
class IdsTest {
  @ParameterizedTest
  @ValueSource(strings = {"a", "my-llama", "llama-v3p2-3b-instruct", "a1", "x-1-2-3"})
  void acceptsValidIds(String id) {
    assertEquals(id, Ids.requireNewId("deploymentId", id));
  }

  @Test
  void acceptsExactlySixtyThreeCharacters() {
    String id = "a" + "b".repeat(62);
    assertEquals(id, Ids.requireNewId("deploymentId", id));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''               | it is empty",
      "1abc             | it starts with '1'",
      "-abc             | it starts with '-'",
      "abc-             | it ends with '-'",
      "My-llama         | character 'M' at position 0 is not allowed",
      "my_llama         | character '_' at position 2 is not allowed",
      "my.llama         | character '.' at position 2 is not allowed",
      "my llama         | character ' ' at position 2 is not allowed",
      "llamä            | character 'ä' at position 4 is not allowed"})
  void rejectsWithTheRuleThatFailed(String id, String why) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ids.requireNewId("deploymentId", id));

    assertTrue(e.getMessage().startsWith("deploymentId '" + id + "' is not a valid id: " + why), e.getMessage());
    assertTrue(e.getMessage().contains("1-63 characters of a-z, 0-9 and '-'"), e.getMessage());
  }

  @Test
  void rejectsTooLongWithTheLength() {
    String id = "a".repeat(64);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ids.requireNewId("deploymentId", id));

    assertTrue(e.getMessage().contains("it has 64 characters"), e.getMessage());
  }

  @Test
  void rejectsNull() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ids.requireNewId("deploymentId", null));
    assertEquals("deploymentId must not be null", e.getMessage());
  }
}
