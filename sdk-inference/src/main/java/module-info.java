/**
 * Fireworks inference: completions and chat completions against serverless models and dedicated
 * deployments, streaming, and riding through scale-from-zero cold starts. Entry point:
 * {@code InferenceClient.of(FireworksClient)}.
 */
module ai.fireworks.sdk.inference {
  requires transitive ai.fireworks.sdk.core;
  requires static org.immutables.value;

  exports ai.fireworks.sdk.inference;

  // JSON binding of the request and response values.
  opens ai.fireworks.sdk.inference to com.fasterxml.jackson.databind;
}
