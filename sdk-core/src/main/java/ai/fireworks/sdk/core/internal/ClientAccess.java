package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.FireworksClient;
import java.util.function.Function;

/**
 * Lets the SDK's own modules reach a client's transport without a public accessor that would put
 * an internal type into the public API.
 */
public final class ClientAccess {
  private static volatile Function<FireworksClient, HttpTransport> transport;

  private ClientAccess() {}

  /** Called once, by {@link FireworksClient}'s static initializer. */
  public static void install(Function<FireworksClient, HttpTransport> accessor) {
    if (transport != null) {
      throw new IllegalStateException("already installed");
    }
    transport = accessor;
  }

  /** The transport of {@code client}. */
  public static HttpTransport transport(FireworksClient client) {
    return transport.apply(client);
  }
}
