package ai.fireworks.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fireworks.sdk.core.FireworksClient;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On an instance field the extension starts a fresh emulator for each test. */
class ExtensionPerTestTest {
  @RegisterExtension
  final FireworksEmulatorExtension fw = new FireworksEmulatorExtension(b -> b.readyAfterPolls(1));

  @RepeatedTest(2)
  void everyTestStartsEmpty(FireworksEmulator emulator) {
    Http http = new Http(emulator);
    assertEquals(0, http.get(http.acct("/deployments")).json().get("totalSize").asInt());

    http.createDeployment("mine", Http.llama(""));

    assertEquals("READY", http.get(http.acct("/deployments/mine")).json().get("state").asText(), "configured: 1 poll");
  }

  @Test
  void clientAndEmulatorAreAvailableFromTheField(FireworksClient client) {
    assertEquals(fw.emulator().baseUrl(), client.baseUrl());
  }

  @Test
  void outsideATestThereIsNoEmulator() {
    FireworksEmulatorExtension idle = new FireworksEmulatorExtension();

    assertThrows(IllegalStateException.class, idle::emulator);
  }
}
