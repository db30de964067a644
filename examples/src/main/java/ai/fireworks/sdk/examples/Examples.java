package ai.fireworks.sdk.examples;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.deployments.DeployedModel;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.inference.ColdStartPolicy;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the examples share: connecting to the real service or to the embedded emulator, wait and
 * cold-start options that report progress, and unique deployment ids.
 */
public final class Examples {
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * First delay between polls of a wait; later ones are at most twice this, so each example shows
   * its progress often (and the emulator's seconds-long deployments are seen promptly). One second
   * for real use; the examples' tests shorten it.
   */
  static volatile Duration pollInterval = Duration.ofSeconds(1);

  private Examples() {}

  /** A client, and the emulator behind it when there are no credentials. Close it when done. */
  public static final class Connection implements AutoCloseable {
    private final FireworksClient client;
    private final FireworksEmulator emulator;

    Connection(FireworksClient client, FireworksEmulator emulator) {
      this.client = client;
      this.emulator = emulator;
    }

    /** The client to use. */
    public FireworksClient client() {
      return client;
    }

    /** The embedded emulator, when no credentials were configured. */
    public Optional<FireworksEmulator> emulator() {
      return Optional.ofNullable(emulator);
    }

    @Override
    public void close() {
      client.close();
      if (emulator != null) {
        emulator.close();
      }
    }
  }

  /**
   * Connects to Fireworks when {@code FIREWORKS_API_KEY} and {@code FIREWORKS_ACCOUNT_ID} are both
   * set in {@code env} (and {@code FIREWORKS_BASE_URL}, if set); otherwise starts the embedded
   * emulator in real-time mode. Either way the first line printed says which.
   */
  public static Connection connect(Map<String, String> env, PrintStream out) {
    String key = env.get("FIREWORKS_API_KEY");
    String account = env.get("FIREWORKS_ACCOUNT_ID");
    if (key != null && !key.isBlank() && account != null && !account.isBlank()) {
      FireworksClient client = FireworksClient.builder().fromEnv(env::get).build();
      out.println("Using Fireworks at " + client.baseUrl() + " as account " + client.requireAccountId()
          + " (this creates billed deployments and deletes them at the end).");
      return new Connection(client, null);
    }
    FireworksEmulator emulator = FireworksEmulator.builder().realTime(Duration.ofSeconds(2)).start();
    out.println("FIREWORKS_API_KEY and FIREWORKS_ACCOUNT_ID are not set: running against the embedded Fireworks"
        + " emulator at " + emulator.baseUrl() + " (real-time mode, account " + emulator.accountId() + ").");
    return new Connection(emulator.client(), emulator);
  }

  /** Waits of up to {@code timeout}, printing each observation on {@code out} (if not null). */
  public static WaitOptions waitOptions(Duration timeout, PrintStream out) {
    Duration first = pollInterval;
    return WaitOptions.builder()
        .timeout(timeout)
        .initialInterval(first)
        .maxInterval(first.multipliedBy(2))
        .onProgress(p -> {
          if (out != null) {
            out.println("   ... " + describe(p.resource()) + " (" + p.elapsed().toSeconds() + "s)");
          }
        })
        .build();
  }

  /** Rides out cold starts for up to 15 minutes, printing each wait on {@code out}. */
  public static ColdStartPolicy coldStart(PrintStream out) {
    return quietColdStart().withOnWait(w -> out.println("   ... " + w));
  }

  /** Rides out cold starts for up to 15 minutes, reporting nothing. */
  public static ColdStartPolicy quietColdStart() {
    // The SDK reports each wait on its executor while waiting; 200 ms or more leaves time to print it.
    Duration twice = pollInterval.multipliedBy(2);
    Duration first = twice.compareTo(Duration.ofMillis(200)) >= 0 ? twice : Duration.ofMillis(200);
    return ColdStartPolicy.builder()
        .budget(Duration.ofMinutes(15))
        .initialBackoff(first)
        .maxBackoff(first.multipliedBy(8))
        .build();
  }

  /** {@code prefix-xxxxxx}: a new deployment id that is valid and unlikely to be taken. */
  public static String uniqueId(String prefix) {
    StringBuilder b = new StringBuilder(prefix).append('-');
    for (int i = 0; i < 6; i++) {
      b.append(Character.forDigit(RANDOM.nextInt(36), 36));
    }
    return b.toString();
  }

  private static String describe(Object resource) {
    if (resource instanceof Deployment) {
      Deployment d = (Deployment) resource;
      return d.name().id() + " " + d.state() + ", replicas " + d.replicaCount() + "/" + d.desiredReplicaCount();
    }
    if (resource instanceof DeployedModel) {
      DeployedModel m = (DeployedModel) resource;
      return m.name().id() + " " + m.state();
    }
    return String.valueOf(resource);
  }
}
