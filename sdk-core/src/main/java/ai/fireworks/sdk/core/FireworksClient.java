package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.ClientAccess;
import ai.fireworks.sdk.core.internal.CustomHeaders;
import ai.fireworks.sdk.core.internal.HttpTransport;
import ai.fireworks.sdk.core.internal.TimeSource;
import ai.fireworks.sdk.core.internal.TransportConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The connection to Fireworks shared by every service: credentials, account, base URL, timeouts,
 * retry policy, the HTTP client and the threads. Create one per application and share it; pass it
 * to {@code DeploymentsClient.of(client)} and {@code InferenceClient.of(client)}.
 *
 * <p>Threads the client starts: a callback pool of {@code max(2, CPUs)} (unless
 * {@link Builder#executor} supplies one), one scheduler thread (unless {@link Builder#scheduler}),
 * and, on machines where the JDK's {@code sendAsync} starts a new thread per response (when the
 * common pool's parallelism is below 2: fewer than three CPUs), up to 64 daemon sender threads
 * that each carry one asynchronous exchange at a time, started as needed and ended after 30 s idle
 * (not with {@link Builder#httpClient}).
 *
 * <p>Thread-safe. {@link #close()} releases the threads the client created (never ones the caller
 * supplied); the client must not be used afterwards. {@link #toString()} never shows the API key.
 */
public final class FireworksClient implements AutoCloseable {
  /** The production API root; control plane at {@code /v1/}, inference at {@code /inference/v1/}. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.fireworks.ai");

  static {
    ClientAccess.install(c -> c.transport);
  }

  private final URI baseUrl;
  private final AccountId accountId;
  private final HttpTransport transport;
  private final ExecutorService ownedExecutor;
  private final ScheduledExecutorService ownedScheduler;

  private FireworksClient(Builder b) {
    if (b.apiKey == null || b.apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey is required: set FIREWORKS_API_KEY or call apiKey(...)");
    }
    if (b.apiKey.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("apiKey must not contain whitespace (check for a stray newline)");
    }
    this.baseUrl = b.baseUrl;
    this.accountId = b.accountId;
    this.ownedScheduler = b.scheduler == null ? newScheduler() : null;
    this.ownedExecutor = b.executor == null ? Executors.newFixedThreadPool(
        Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("fireworks-callback")) : null;
    HttpClient http = b.httpClient != null ? b.httpClient : HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(b.connectTimeout)
        // Cheap work (JSON decoding) runs on the client's selector thread; callers' continuations
        // are moved to the executor below, so nothing blocking ever runs here.
        .executor(Runnable::run)
        .build();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("User-Agent", b.userAgent);
    headers.putAll(b.defaultHeaders);
    Executor callerExecutor = b.executor != null ? b.executor : ownedExecutor;
    this.transport = new HttpTransport(new TransportConfig(http, baseUrl, b.apiKey, headers, b.requestTimeout,
        b.bodyIdleTimeout, b.retryPolicy,
        TimeSource.of(b.clock, b.scheduler != null ? b.scheduler : ownedScheduler, callerExecutor),
        callerExecutor, b.listeners, b.httpClient == null && HttpTransport.sendersPayOff()));
  }

  /** A builder with the defaults; an API key is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from {@code FIREWORKS_API_KEY}, {@code FIREWORKS_ACCOUNT_ID},
   * {@code FIREWORKS_BASE_URL} and {@code FIREWORKS_CUSTOM_HEADERS} (one {@code Name: value} per
   * line, sent with every request; {@code Authorization} and hop-by-hop headers are ignored).
   * System properties {@code fireworks.apiKey}, {@code fireworks.accountId}, {@code fireworks.baseUrl}
   * and {@code fireworks.customHeaders} take precedence.
   *
   * @throws IllegalArgumentException if no API key is configured, or a value is malformed
   */
  public static FireworksClient fromEnv() {
    return builder().fromEnv().build();
  }

  /** The root URL of the API. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The caller's account, used to resolve bare ids; empty if none was configured. */
  public Optional<AccountId> accountId() {
    return Optional.ofNullable(accountId);
  }

  /**
   * The caller's account.
   *
   * @throws IllegalStateException if none was configured
   */
  public AccountId requireAccountId() {
    if (accountId == null) {
      throw new IllegalStateException("no account id configured: set FIREWORKS_ACCOUNT_ID or call accountId(...)");
    }
    return accountId;
  }

  /**
   * Releases threads the client created and abandons work in progress: calls, retries, waits and
   * cold-start waits that have not finished fail with a {@link FireworksException} (their
   * asynchronous futures still complete on the client's executor), and later calls fail at once
   * without sending anything. Streams already open stay readable until closed. Idempotent.
   */
  @Override
  public void close() {
    transport.close();
    if (ownedScheduler != null) {
      ownedScheduler.shutdownNow();
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  @Override
  public String toString() {
    return "FireworksClient{baseUrl=" + baseUrl + ", accountId=" + accountId + ", apiKey=****}";
  }

  /**
   * One daemon thread; cancelled per-attempt timers leave the queue at once instead of when due.
   * A no-op task every second stays at the head of the queue: a timer that is not the earliest
   * does not wake the thread, so the usual per-attempt timer (60 s) costs no context switch.
   */
  private static ScheduledExecutorService newScheduler() {
    java.util.concurrent.ScheduledThreadPoolExecutor s =
        new java.util.concurrent.ScheduledThreadPoolExecutor(1, daemon("fireworks-scheduler"));
    s.setRemoveOnCancelPolicy(true);
    java.util.concurrent.ScheduledFuture<?> unused =
        s.scheduleAtFixedRate(() -> { }, 1, 1, java.util.concurrent.TimeUnit.SECONDS); // ends with shutdownNow
    return s;
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Configures a {@link FireworksClient}. Not thread-safe; {@link #build()} may be called more than once. */
  public static final class Builder {
    private String apiKey;
    private AccountId accountId;
    private URI baseUrl = DEFAULT_BASE_URL;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private Duration bodyIdleTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String userAgent = "fireworks-java/" + version() + " java/" + Runtime.version().feature();
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
    private final List<RequestListener> listeners = new ArrayList<>();
    private HttpClient httpClient;
    private Executor executor;
    private ScheduledExecutorService scheduler;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Reads the environment and system properties (see {@link FireworksClient#fromEnv()}); later calls override. */
    public Builder fromEnv() {
      return fromEnv(name -> Optional.ofNullable(System.getProperty(propertyName(name))).orElse(System.getenv(name)));
    }

    /**
     * Reads configuration through {@code lookup} (given {@code FIREWORKS_API_KEY} and so on); blank
     * values are ignored.
     *
     * @throws IllegalArgumentException if a value is malformed (the message never shows a header value)
     */
    public Builder fromEnv(UnaryOperator<String> lookup) {
      Optional.ofNullable(lookup.apply("FIREWORKS_API_KEY")).filter(s -> !s.isBlank()).ifPresent(this::apiKey);
      Optional.ofNullable(lookup.apply("FIREWORKS_ACCOUNT_ID")).filter(s -> !s.isBlank()).ifPresent(this::accountId);
      Optional.ofNullable(lookup.apply("FIREWORKS_BASE_URL")).filter(s -> !s.isBlank()).ifPresent(this::baseUrl);
      Optional.ofNullable(lookup.apply("FIREWORKS_CUSTOM_HEADERS"))
          .ifPresent(text -> CustomHeaders.parse("FIREWORKS_CUSTOM_HEADERS", text).forEach(this::defaultHeader));
      return this;
    }

    private static String propertyName(String env) {
      switch (env) {
        case "FIREWORKS_API_KEY": return "fireworks.apiKey";
        case "FIREWORKS_ACCOUNT_ID": return "fireworks.accountId";
        case "FIREWORKS_CUSTOM_HEADERS": return "fireworks.customHeaders";
        default: return "fireworks.baseUrl";
      }
    }

    /** The API key, sent as {@code Authorization: Bearer}. Required. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey").strip();
      return this;
    }

    /** The caller's account id, used to build resource names from bare ids. */
    public Builder accountId(String accountId) {
      return accountId(AccountId.of(accountId));
    }

    /** The caller's account id. */
    public Builder accountId(AccountId accountId) {
      this.accountId = Objects.requireNonNull(accountId, "accountId");
      return this;
    }

    /** The API root; default {@code https://api.fireworks.ai}. A trailing {@code /v1} or {@code /inference/v1} is removed. */
    public Builder baseUrl(String baseUrl) {
      return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl").strip()));
    }

    /** The API root. */
    public Builder baseUrl(URI baseUrl) {
      String s = baseUrl.toString().replaceAll("/+$", "");
      for (String suffix : new String[] {"/inference/v1", "/v1"}) {
        if (s.endsWith(suffix)) {
          s = s.substring(0, s.length() - suffix.length());
        }
      }
      URI u = URI.create(s);
      if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must be an http(s) URL such as https://api.fireworks.ai, was " + baseUrl);
      }
      this.baseUrl = u;
      return this;
    }

    /** Time limit to open a connection; default 10 s. Ignored when {@link #httpClient} is given. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** Time limit of one attempt, until the whole (non-streamed) response has arrived; default 60 s. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive("requestTimeout", timeout);
      return this;
    }

    /** Longest silence allowed inside a streamed response body; default 60 s. */
    public Builder bodyIdleTimeout(Duration timeout) {
      this.bodyIdleTimeout = positive("bodyIdleTimeout", timeout);
      return this;
    }

    /** Retry policy for every call; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /** Replaces the {@code User-Agent}, by default {@code fireworks-java/<version> java/<feature>}. */
    public Builder userAgent(String userAgent) {
      this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
      return this;
    }

    /** Adds a header to every request. {@code Authorization} and hop-by-hop headers are ignored. */
    public Builder defaultHeader(String name, String value) {
      defaultHeaders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds a listener that observes every attempt and call (logging, metrics); see {@link RequestListener}. */
    public Builder addListener(RequestListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Uses this HTTP client instead of building one: its own timeouts and executor then apply, and
     * asynchronous calls go through its {@code sendAsync} (the client starts no sender threads).
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Executor on which asynchronous results complete (callers' continuations run here). Default: a
     * fixed pool of daemon threads owned by the client. Never the common pool.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Scheduler for retry delays, timeouts and waiter polls. Default: one daemon thread owned by the client. */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Clock for deadlines; default UTC system clock. Tests pass a fake one with a matching scheduler. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalArgumentException if no API key was given
     */
    public FireworksClient build() {
      return new FireworksClient(this);
    }

    @Override
    public String toString() {
      return "FireworksClient.Builder{baseUrl=" + baseUrl + ", accountId=" + accountId + ", apiKey=****}";
    }

    private static Duration positive(String field, Duration d) {
      AbstractRetryPolicy.requirePositive(field, Objects.requireNonNull(d, field));
      return d;
    }

    private static String version() {
      String v = FireworksClient.class.getPackage().getImplementationVersion();
      return v == null ? "dev" : v;
    }
  }
}
