/**
 * Test support for the Fireworks SDK: {@link ai.fireworks.sdk.testkit.FireworksEmulator}, an
 * in-process emulator of the Fireworks control-plane and inference API with deterministic time,
 * fault injection and a request journal; {@link ai.fireworks.sdk.testkit.FireworksEmulatorExtension}
 * for JUnit 5; and {@link ai.fireworks.sdk.testkit.ManualScheduler}, a fake clock and scheduler
 * for the SDK's retries and waiters.
 */
package ai.fireworks.sdk.testkit;
