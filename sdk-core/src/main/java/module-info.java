/**
 * Core of the Fireworks SDK: the client, options, errors, resource names, durations and
 * pagination. Services live in {@code ai.fireworks.sdk.deployments} and
 * {@code ai.fireworks.sdk.inference}.
 */
module ai.fireworks.sdk.core {
  requires transitive java.net.http;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jdk8;
  requires static org.immutables.value;

  exports ai.fireworks.sdk.core;
  // Shared implementation detail of the SDK's own modules only; not part of the API.
  exports ai.fireworks.sdk.core.internal to
      ai.fireworks.sdk.deployments,
      ai.fireworks.sdk.inference,
      ai.fireworks.sdk.testkit;

  opens ai.fireworks.sdk.core to com.fasterxml.jackson.databind;
}
