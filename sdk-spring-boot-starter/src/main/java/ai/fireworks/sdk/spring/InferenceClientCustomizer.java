package ai.fireworks.sdk.spring;

import ai.fireworks.sdk.inference.InferenceClient;

/**
 * Adjusts the {@link InferenceClient} bean the starter made, for example its cold-start policy
 * ({@code client.withColdStart(...)}). Every bean of this type is applied, in {@code @Order}, each
 * to the result of the previous one. Not used when the application defines its own
 * {@code InferenceClient} bean. Called once, on the thread that creates the bean.
 */
@FunctionalInterface
public interface InferenceClientCustomizer {
  /** Returns the client to use instead of {@code client} (or {@code client} itself). */
  InferenceClient customize(InferenceClient client);
}
