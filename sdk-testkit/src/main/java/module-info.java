/**
 * An in-process emulator of the Fireworks API for tests and examples, and a JUnit 5 extension.
 * See {@link ai.fireworks.sdk.testkit.FireworksEmulator}.
 */
module ai.fireworks.sdk.testkit {
  requires transitive ai.fireworks.sdk.core;
  requires jdk.httpserver;
  // Only FireworksEmulatorExtension needs JUnit; the rest of the emulator runs without it.
  requires static transitive org.junit.jupiter.api;

  exports ai.fireworks.sdk.testkit;
}
