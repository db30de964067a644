package ai.fireworks.sdk.testkit;

import ai.fireworks.sdk.core.FireworksClient;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link FireworksEmulator} for JUnit 5 tests and hands out it and a configured
 * {@link FireworksClient}.
 *
 * <pre>{@code
 * // one emulator for the whole class (static field): state carries over between tests,
 * // the journal and pending faults are cleared before each test
 * @RegisterExtension
 * static final FireworksEmulatorExtension FW = new FireworksEmulatorExtension();
 *
 * // a fresh emulator for every test (instance field), configured
 * @RegisterExtension
 * final FireworksEmulatorExtension fw = new FireworksEmulatorExtension(b -> b.readyAfterPolls(2));
 *
 * @Test
 * void createsDeployment(FireworksClient client, FireworksEmulator emulator) { ... }
 * }</pre>
 *
 * <p>Registered on a static field or with {@code @ExtendWith} on the class, it lives for the
 * class; on an instance field, for each test. Test methods and constructors may declare
 * parameters of type {@link FireworksEmulator} and {@link FireworksClient}. The client is closed
 * together with the emulator. Not meant to be shared between concurrently running classes.
 */
public final class FireworksEmulatorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private final Consumer<FireworksEmulator.Builder> configuration;
  private volatile FireworksEmulator emulator;
  private volatile FireworksClient client;
  private volatile boolean perClass;

  /** An extension with the emulator's defaults. */
  public FireworksEmulatorExtension() {
    this(b -> { });
  }

  /** An extension that configures each emulator it starts with {@code configuration}. */
  public FireworksEmulatorExtension(Consumer<FireworksEmulator.Builder> configuration) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
  }

  /**
   * The running emulator.
   *
   * @throws IllegalStateException outside a test's lifetime
   */
  public FireworksEmulator emulator() {
    FireworksEmulator e = emulator;
    if (e == null) {
      throw new IllegalStateException("the Fireworks emulator runs only while a test (or its class) runs");
    }
    return e;
  }

  /**
   * A client for the running emulator, made on first use and closed with it.
   *
   * @throws IllegalStateException outside a test's lifetime
   */
  public synchronized FireworksClient client() {
    if (client == null) {
      client = emulator().client();
    }
    return client;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (perClass) {
      emulator().journal().clear();
      emulator().faults().clear();
    } else {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FireworksEmulator.class || type == FireworksClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (emulator == null) {
      start(); // a constructor parameter of a per-test extension, before beforeEach
    }
    return parameter.getParameter().getType() == FireworksEmulator.class ? emulator() : client();
  }

  private synchronized void start() {
    if (emulator == null) {
      FireworksEmulator.Builder b = FireworksEmulator.builder();
      configuration.accept(b);
      emulator = b.start();
    }
  }

  private synchronized void stop() {
    if (client != null) {
      client.close();
      client = null;
    }
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }
}
