package ai.fireworks.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.FireworksClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On a static field the extension runs one emulator for the class; journal and faults reset per test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionPerClassTest {
  @RegisterExtension
  static final FireworksEmulatorExtension FW = new FireworksEmulatorExtension(b -> b.accountId("team-a"));

  private static FireworksEmulator firstEmulator;

  @Test
  @Order(1)
  void firstTestCreatesState(FireworksEmulator emulator, FireworksClient client) {
    firstEmulator = emulator;
    new Http(emulator).createDeployment("shared", Http.llama(""));
    emulator.faults().inject(Fault.status(500).always());

    assertEquals("team-a", emulator.accountId());
    assertSame(FW.client(), client);
    assertEquals(emulator.baseUrl(), client.baseUrl());
  }

  @Test
  @Order(2)
  void secondTestSeesTheSameEmulatorWithAFreshJournalAndNoFaults(FireworksEmulator emulator) {
    assertSame(firstEmulator, emulator);
    assertEquals(0, emulator.journal().size());
    assertTrue(emulator.faults().allUsed());
    assertEquals(200, new Http(emulator).get("/v1/accounts/team-a/deployments/shared").status());
  }
}
