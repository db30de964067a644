package ai.fireworks.sdk.spring;

import ai.fireworks.sdk.core.FireworksClient;

/**
 * Adjusts the {@link FireworksClient.Builder} the starter configured from {@code fireworks.*}
 * before it builds the client bean: add a {@code RequestListener}, a header, an executor. Every
 * bean of this type is applied, in {@code @Order}. Not used when the application defines its own
 * {@code FireworksClient} bean. Called once, on the thread that creates the bean.
 */
@FunctionalInterface
public interface FireworksClientCustomizer {
  /** Changes {@code builder} in place. */
  void customize(FireworksClient.Builder builder);
}
