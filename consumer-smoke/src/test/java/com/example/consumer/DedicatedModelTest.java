package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import ai.fireworks.sdk.testkit.FireworksEmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user's test of their own code, offline, with the testkit's emulator extension. */
class DedicatedModelTest {
  @RegisterExtension
  static final FireworksEmulatorExtension emulator = new FireworksEmulatorExtension();

  @Test
  void deploysAModelAndCompletesAPromptOnIt(FireworksEmulator fw, FireworksClient client) {
    DedicatedModel model = new DedicatedModel(client);

    ModelRef target = model.deploy("accounts/fireworks/models/llama-v3p2-3b-instruct", "smoke");
    assertFalse(model.isReady(target), "a new deployment is CREATING");
    fw.advance(Duration.ofMinutes(1));

    assertTrue(model.isReady(target));
    assertEquals("[llama-v3p2-3b-instruct] Say this is a test", model.complete(target, "Say this is a test"));
    model.tearDown(target);
  }
}
