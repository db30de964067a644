/**
 * Fireworks control plane: dedicated deployments, deployed models (PEFT/LoRA addons) and models.
 * Entry point: {@code DeploymentsClient.of(FireworksClient)}.
 */
module ai.fireworks.sdk.deployments {
  requires transitive ai.fireworks.sdk.core;
  requires static org.immutables.value;

  exports ai.fireworks.sdk.deployments;

  // JSON binding of the public values and of the internal wire shapes (list responses, bodies).
  opens ai.fireworks.sdk.deployments to com.fasterxml.jackson.databind;
  opens ai.fireworks.sdk.deployments.internal to com.fasterxml.jackson.databind;
}
