package ai.fireworks.sdk.testkit;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.testkit.internal.Api;
import ai.fireworks.sdk.testkit.internal.Catalogue;
import ai.fireworks.sdk.testkit.internal.EmulatorServer;
import ai.fireworks.sdk.testkit.internal.FaultRegistry;
import ai.fireworks.sdk.testkit.internal.JournalStore;
import ai.fireworks.sdk.testkit.internal.NoDelay;
import ai.fireworks.sdk.testkit.internal.Settings;
import ai.fireworks.sdk.testkit.internal.World;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An in-process emulator of the Fireworks API: the control plane ({@code /v1/accounts/...}
 * deployments, deployedModels, models) and inference ({@code /inference/v1/completions},
 * {@code /chat/completions}, streaming or not), on 127.0.0.1 and a free port.
 *
 * <pre>{@code
 * try (FireworksEmulator fw = FireworksEmulator.start();
 *      FireworksClient client = fw.client()) {
 *   // ... create a deployment with the SDK, then:
 *   fw.advance(Duration.ofMinutes(1));   // CREATING -> READY
 * }
 * }</pre>
 *
 * <p><b>Time.</b> By default the emulator runs on its own {@link ManualScheduler} starting at
 * {@link ManualScheduler#DEFAULT_START}: nothing changes until {@link #advance(Duration)} (or
 * enough polls, see {@link Builder#readyAfterPolls(int)}). A new deployment is CREATING for
 * 30 s (5 s pending scheduling, 15 s downloading the model, 10 s initializing, reported in
 * {@code replicaStats}), then READY with {@code max(minReplicaCount, 1)} replicas; an update is
 * UPDATING for 10 s; an addon is DEPLOYING for 10 s after its deployment is READY; a deployment
 * with {@code minReplicaCount} 0 scales to zero after its {@code scaleToZeroWindow} without
 * inference requests, and then answers 503 {@code DEPLOYMENT_SCALING_UP} for a 30 s cold
 * start. {@link Builder#realTime(Duration)} runs the same machine on the system clock with short
 * delays, for examples and the CLI.
 *
 * <p><b>Catalogue.</b> Base models {@code accounts/fireworks/models/llama-v3p2-3b-instruct},
 * {@code llama-v3p1-8b-instruct}, {@code qwen2p5-7b-instruct}, {@code llama-v3p1-70b-instruct}
 * (4 GPUs by default), {@code mixtral-8x7b} (no chat template: chat answers 404),
 * {@code qwen2p5-vl-32b-instruct} (accepts images), {@code qwen3-embedding-0p6b} and
 * {@code qwen3-reranker-0p6b}; PEFT addons
 * {@code accounts/<account>/models/my-lora} (on llama-v3p2-3b-instruct) and
 * {@code qwen-sql-lora} (on qwen2p5-7b-instruct). Add more with {@link #addModel(String)}.
 *
 * <p><b>Inference text</b> is {@code "[<model id>] <prompt>"} (for chat, the last user message),
 * one token per whitespace-separated word, cut by {@code stop} and {@code max_tokens}.
 *
 * <p><b>Embeddings</b> ({@code /inference/v1/embeddings}, any served model) are deterministic unit
 * vectors: the same text on the same model always gives the same vector, different texts different
 * ones; 1024 dimensions (4096 for a {@code *embedding-8b} model, 2560 for {@code *embedding-4b}),
 * or the first {@code dimensions} of them, renormalised. <b>Rerank</b> ({@code /inference/v1/rerank})
 * scores a document by the share of the query's distinct words (case-insensitive) it contains,
 * highest first, ties by index; unknown request fields answer 400 like the service.
 *
 * <p>Thread-safe. {@link #close()} stops the server; {@link #toString()} never shows the key.
 */
public final class FireworksEmulator implements AutoCloseable {
  static {
    NoDelay.configure();
  }

  /** The account id used unless {@link Builder#accountId(String)} says otherwise. */
  public static final String DEFAULT_ACCOUNT_ID = "acme";
  private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final EmulatorServer server;
  private final World world;
  private final JournalStore journalStore;
  private final Journal journal;
  private final Faults faults;
  private final String apiKey;
  private final String accountId;
  private final ManualScheduler timeline;
  private final Clock clock;
  private final Duration startupTime;

  private FireworksEmulator(Builder b) throws IOException {
    long started = System.nanoTime();
    this.apiKey = b.apiKey != null ? b.apiKey : "fw-emulator-" + randomHex(24);
    this.accountId = b.accountId;
    if (b.systemClock) {
      this.timeline = null;
      this.clock = Clock.systemUTC();
    } else {
      this.timeline = b.timeline != null ? b.timeline : new ManualScheduler(b.startTime);
      this.clock = timeline.clock();
    }
    Supplier<Instant> now = clock::instant;
    this.world = new World(b.settings, now, accountId);
    for (ObjectNode m : b.models) {
      world.addModel(m);
    }
    this.journalStore = new JournalStore();
    this.journal = new Journal(journalStore);
    FaultRegistry registry = new FaultRegistry();
    this.faults = new Faults(registry);
    this.server = new EmulatorServer(new Api(world, apiKey, MAPPER), journalStore, registry, MAPPER, now);
    server.start(b.port, b.threads);
    this.startupTime = Duration.ofNanos(System.nanoTime() - started);
  }

  /**
   * Starts an emulator with the defaults: a random API key, account {@code acme}, a free port,
   * manual time.
   *
   * @throws UncheckedIOException if the server cannot start
   */
  public static FireworksEmulator start() {
    return builder().start();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The root URL, {@code http://127.0.0.1:<port>}; control plane at {@code /v1}, inference at {@code /inference/v1}. */
  public URI baseUrl() {
    return server.baseUrl();
  }

  /** The port the emulator listens on. */
  public int port() {
    return server.address().getPort();
  }

  /** The API key requests must carry as {@code Authorization: Bearer <key>}. */
  public String apiKey() {
    return apiKey;
  }

  /** The account the key belongs to (resource names {@code accounts/<id>/...}). */
  public String accountId() {
    return accountId;
  }

  /**
   * A new client for this emulator (base URL, key, account); the caller closes it. It uses the
   * system clock for its own retries and timeouts; to put it on the emulator's timeline use
   * {@link #clientBuilder()} with {@code .scheduler(...)} and {@code .clock(...)}.
   */
  public FireworksClient client() {
    return clientBuilder().build();
  }

  /** A client builder already pointed at this emulator, for further options. */
  public FireworksClient.Builder clientBuilder() {
    return FireworksClient.builder().apiKey(apiKey).accountId(accountId).baseUrl(baseUrl());
  }

  /** The emulator's clock: its manual timeline, or the system clock in real-time mode. */
  public Clock clock() {
    return clock;
  }

  /** The current instant on the emulator's clock. */
  public Instant now() {
    return clock.instant();
  }

  /** The manual timeline, unless the emulator runs on the system clock. */
  public Optional<ManualScheduler> timeline() {
    return Optional.ofNullable(timeline);
  }

  /** True if the emulator runs on the system clock ({@link Builder#realTime} or {@link Builder#systemClock}). */
  public boolean isRealTime() {
    return timeline == null;
  }

  /**
   * Moves the emulator's time forward (and runs tasks of a shared {@link ManualScheduler}).
   *
   * @throws IllegalStateException in real-time mode
   * @throws IllegalArgumentException if {@code step} is negative
   */
  public FireworksEmulator advance(Duration step) {
    if (timeline == null) {
      throw new IllegalStateException("advance() needs manual time; this emulator runs on the system clock");
    }
    timeline.advance(step);
    return this;
  }

  /** The requests received so far. */
  public Journal journal() {
    return journal;
  }

  /** Fault injection. */
  public Faults faults() {
    return faults;
  }

  /**
   * Adds (or replaces) a model given as the API's JSON, e.g.
   * {@code {"name":"accounts/acme/models/x","kind":"HF_PEFT_ADDON","peftDetails":{"baseModel":"..."}}}.
   * {@code kind} defaults to HF_PEFT_ADDON, {@code state} to READY.
   *
   * @throws IllegalArgumentException if it is not a JSON object with a valid model name
   */
  public FireworksEmulator addModel(String json) {
    world.addModel(parseModel(json));
    return this;
  }

  /**
   * Adds a base model.
   *
   * @param name {@code accounts/<account>/models/<id>}
   * @param worldSize GPUs per replica by default ({@code acceleratorCount} default)
   * @param chat whether it has a conversation config (without one, chat completions answer 404)
   */
  public FireworksEmulator addBaseModel(String name, int worldSize, boolean chat) {
    world.addModel(Catalogue.base(name, name.substring(name.lastIndexOf('/') + 1), 7_000_000_000L, worldSize,
        32_768, chat, true));
    return this;
  }

  /** Adds a PEFT (LoRA) addon trained on {@code baseModel} (both full model names). */
  public FireworksEmulator addPeftAddon(String name, String baseModel) {
    world.addModel(Catalogue.addon(name, name.substring(name.lastIndexOf('/') + 1), baseModel));
    return this;
  }

  /**
   * Makes deployments of {@code model} created from now on end CREATING as FAILED with
   * {@code status {code: "INTERNAL", message}}; addons of it fail to load the same way.
   */
  public FireworksEmulator failDeploymentsOf(String model, String message) {
    world.failModel(model, "INTERNAL", message);
    return this;
  }

  /** Makes the next deployment created end CREATING as FAILED with this status message. */
  public FireworksEmulator failNextDeployment(String message) {
    world.failNextDeployment("INTERNAL", message);
    return this;
  }

  /**
   * Puts an existing deployment into FAILED now (e.g. to test how a waiter reports it).
   *
   * @throws IllegalArgumentException if there is no such deployment
   */
  public FireworksEmulator failDeployment(String deploymentId, String message) {
    if (!world.failDeployment(deploymentId, "INTERNAL", message)) {
      throw new IllegalArgumentException("no deployment '" + deploymentId + "' in the emulator");
    }
    return this;
  }

  /** The deployment as a GET would return it now, without counting as a poll. */
  public Optional<JsonNode> deployment(String deploymentId) {
    return world.deploymentSnapshot(deploymentId).map(n -> n);
  }

  /** The deployed model as a GET would return it now, without counting as a poll. */
  public Optional<JsonNode> deployedModel(String deployedModelId) {
    return world.deployedModelSnapshot(deployedModelId).map(n -> n);
  }

  /**
   * Forgets deployments, deployed models, added models, failures, faults and the journal; the
   * clock keeps its time.
   */
  public void reset() {
    world.reset();
    faults.clear();
    journal.clear();
  }

  /** How long {@link #start()} took. */
  public Duration startupTime() {
    return startupTime;
  }

  /**
   * False if the emulator had to fall back to closing connections after each response because
   * the JDK HttpServer was initialised without {@code sun.net.httpserver.nodelay=true} before it
   * could set that (see the logged warning).
   */
  public boolean usesKeepAlive() {
    return NoDelay.keepAliveSafe();
  }

  /** Stops the server. Idempotent. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "FireworksEmulator{baseUrl=" + baseUrl() + ", accountId=" + accountId + ", apiKey=****, time="
        + (timeline == null ? "system" : timeline.now()) + "}";
  }

  private static ObjectNode parseModel(String json) {
    Objects.requireNonNull(json, "json");
    try {
      JsonNode n = MAPPER.readTree(json);
      if (!n.isObject()) {
        throw new IllegalArgumentException("a model must be a JSON object, was: " + json);
      }
      return (ObjectNode) n;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("model JSON is not valid: " + e.getOriginalMessage(), e);
    }
  }

  private static String randomHex(int length) {
    SecureRandom r = new SecureRandom();
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(Character.forDigit(r.nextInt(16), 16));
    }
    return b.toString();
  }

  /**
   * Configures a {@link FireworksEmulator}. Not thread-safe. Timing setters override what
   * {@link #realTime(Duration)} chose if called after it.
   */
  public static final class Builder {
    private final Settings settings = new Settings();
    private final List<ObjectNode> models = new ArrayList<>();
    private String apiKey;
    private String accountId = DEFAULT_ACCOUNT_ID;
    private int port;
    private int threads = 128;
    private ManualScheduler timeline;
    private Instant startTime = ManualScheduler.DEFAULT_START;
    private boolean systemClock;

    private Builder() {}

    /** The API key to require; default a random {@code fw-emulator-...} key. */
    public Builder apiKey(String apiKey) {
      Objects.requireNonNull(apiKey, "apiKey");
      if (apiKey.isBlank() || apiKey.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("apiKey must be non-blank without whitespace");
      }
      this.apiKey = apiKey;
      return this;
    }

    /** The emulator's account id; default {@value FireworksEmulator#DEFAULT_ACCOUNT_ID}. */
    public Builder accountId(String accountId) {
      Objects.requireNonNull(accountId, "accountId");
      if (!ACCOUNT.matcher(accountId).matches()) {
        throw new IllegalArgumentException("accountId '" + accountId + "' is not valid: use 1-63 letters, digits or '-'");
      }
      this.accountId = accountId;
      return this;
    }

    /** The port on 127.0.0.1; default 0, a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0-65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** Handler threads, the number of requests served at once; default 128. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be positive, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Runs on this timeline, shared with the test's own {@link ManualScheduler} (and the SDK client given it). */
    public Builder timeline(ManualScheduler timeline) {
      this.timeline = Objects.requireNonNull(timeline, "timeline");
      this.systemClock = false;
      return this;
    }

    /** Starts the emulator's own manual timeline at {@code start}; default {@link ManualScheduler#DEFAULT_START}. */
    public Builder startTime(Instant start) {
      this.startTime = Objects.requireNonNull(start, "start");
      return this;
    }

    /** Runs on the system clock with the configured delays (default: 30 s CREATING, 30 s cold start). */
    public Builder systemClock() {
      this.systemClock = true;
      this.timeline = null;
      return this;
    }

    /**
     * Runs on the system clock with short delays, for examples and the CLI: CREATING lasts
     * {@code creatingDelay} (a sixth pending scheduling, half downloading, a third initializing),
     * UPDATING, addon loading and cold starts half of it.
     */
    public Builder realTime(Duration creatingDelay) {
      Objects.requireNonNull(creatingDelay, "creatingDelay");
      systemClock();
      creatingDelay(creatingDelay);
      Duration half = creatingDelay.dividedBy(2);
      settings.updating = half;
      settings.addonLoad = half;
      settings.coldStart = half;
      return this;
    }

    /** CREATING phases: pending scheduling, downloading the model, initializing (default 5 s, 15 s, 10 s). */
    public Builder creatingPhases(Duration pendingScheduling, Duration downloadingModel, Duration initializing) {
      settings.pendingScheduling = nonNegative("pendingScheduling", pendingScheduling);
      settings.downloadingModel = nonNegative("downloadingModel", downloadingModel);
      settings.initializing = nonNegative("initializing", initializing);
      return this;
    }

    /** Total CREATING time, split a sixth, a half and a third over the three phases (default 30 s). */
    public Builder creatingDelay(Duration total) {
      nonNegative("creatingDelay", total);
      Duration sixth = total.dividedBy(6);
      Duration half = total.dividedBy(2);
      return creatingPhases(sixth, half, total.minus(sixth).minus(half));
    }

    /**
     * Also ends CREATING, UPDATING and addon DEPLOYING after {@code polls} GETs of the resource
     * (each GET counts as 1/polls of the phase), whichever comes first with the clock; default
     * 0, off. Handy when the client waits on the system clock while the emulator's time stands still.
     */
    public Builder readyAfterPolls(int polls) {
      if (polls < 0) {
        throw new IllegalArgumentException("readyAfterPolls must not be negative, was " + polls);
      }
      settings.readyAfterPolls = polls;
      return this;
    }

    /** UPDATING to READY (default 10 s). */
    public Builder updatingDelay(Duration d) {
      settings.updating = nonNegative("updatingDelay", d);
      return this;
    }

    /** Addon DEPLOYING to DEPLOYED, counted from when its deployment is READY (default 10 s). */
    public Builder addonLoadDelay(Duration d) {
      settings.addonLoad = nonNegative("addonLoadDelay", d);
      return this;
    }

    /** How long a deployment at zero replicas answers 503 DEPLOYMENT_SCALING_UP (default 30 s; zero: never). */
    public Builder coldStart(Duration d) {
      settings.coldStart = nonNegative("coldStart", d);
      return this;
    }

    /** Also ends a cold start after this many 503 answers (default 0, off). */
    public Builder coldStartAfterRequests(int requests) {
      if (requests < 0) {
        throw new IllegalArgumentException("coldStartAfterRequests must not be negative, was " + requests);
      }
      settings.coldStartAfterRequests = requests;
      return this;
    }

    /** Time a deleted deployment spends in DELETING (default 0: DELETED, or gone if hard, at once). */
    public Builder deletingDelay(Duration d) {
      settings.deleting = nonNegative("deletingDelay", d);
      return this;
    }

    /** How long a soft-deleted deployment stays before it is purged (default 7 days). */
    public Builder softDeleteRetention(Duration d) {
      settings.softDeleteRetention = nonNegative("softDeleteRetention", d);
      return this;
    }

    /**
     * Leaves zero values ({@code 0}, {@code false}, {@code ""}, empty objects) out of resources,
     * as proto3 JSON printers do by default, to test that a client copes with absent fields.
     */
    public Builder omitZeroValues(boolean omit) {
      settings.omitZeroValues = omit;
      return this;
    }

    /** Seed of the generator behind server-made ids (deployment and deployed-model ids). */
    public Builder seed(long seed) {
      settings.seed = seed;
      return this;
    }

    /** Adds a model at start; see {@link FireworksEmulator#addModel(String)}. */
    public Builder model(String json) {
      models.add(parseModel(json));
      return this;
    }

    /**
     * Starts the emulator.
     *
     * @throws UncheckedIOException if the port cannot be bound
     * @throws IllegalArgumentException if a model given to {@link #model(String)} is invalid
     */
    public FireworksEmulator start() {
      try {
        return new FireworksEmulator(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the Fireworks emulator on port " + port + ": " + e.getMessage(), e);
      }
    }

    private static Duration nonNegative(String field, Duration d) {
      Objects.requireNonNull(d, field);
      if (d.isNegative()) {
        throw new IllegalArgumentException(field + " must not be negative, was " + d);
      }
      return d;
    }
  }
}
