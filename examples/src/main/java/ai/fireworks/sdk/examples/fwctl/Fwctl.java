package ai.fireworks.sdk.examples.fwctl;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.Durations;
import ai.fireworks.sdk.core.FireworksClient;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code fwctl}: Fireworks deployments and inference from the command line, with firectl's
 * command spelling, on top of the Java SDK. Run {@code java -jar examples/target/fwctl.jar --help}.
 *
 * <p>Exit status: 0 success; 1 the API or the network failed (or a wait timed out); 2 bad usage
 * or input, in which case nothing was sent.
 */
@Command(name = "fwctl", mixinStandardHelpOptions = true, versionProvider = Fwctl.Version.class,
    description = {"Manage Fireworks on-demand deployments and query them, with firectl's command spelling.",
        "Configuration: FIREWORKS_API_KEY, FIREWORKS_ACCOUNT_ID, FIREWORKS_BASE_URL (or the options below),",
        "FIREWORKS_CUSTOM_HEADERS ('Name: value' per line, sent with every request, never printed)."},
    footer = {"", "Exit status: 0 success, 1 API or network error, 2 usage or validation error (nothing sent)."},
    subcommands = {
        DeploymentCommands.Create.class,
        DeploymentCommands.Get.class,
        DeploymentCommands.ListGroup.class,
        DeploymentCommands.Update.class,
        DeploymentCommands.Delete.class,
        DeploymentCommands.Undelete.class,
        DeploymentCommands.Scale.class,
        DeployCommand.class,
        InferenceCommands.Completions.class,
        InferenceCommands.Chat.class,
        EmulatorCommand.class,
    })
public final class Fwctl {
  static final String SDK_LOGGER = "ai.fireworks.sdk";

  @Option(names = "--api-key", scope = ScopeType.INHERIT, paramLabel = "KEY",
      description = "API key (default: $FIREWORKS_API_KEY). Never printed.")
  String apiKey;

  @Option(names = {"-a", "--account-id"}, scope = ScopeType.INHERIT, paramLabel = "ACCOUNT",
      description = "Account id (default: $FIREWORKS_ACCOUNT_ID).")
  String accountId;

  @Option(names = "--base-url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "API root URL (default: $FIREWORKS_BASE_URL, else https://api.fireworks.ai).")
  String baseUrl;

  @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Log the SDK's requests and retries to stderr (the API key is never logged).")
  boolean verbose;

  final Context ctx;
  private RecordingHttpClient http;
  private FireworksClient client;
  private ProgressLine progress;

  /** Creates the root command for {@code ctx}; see {@link #run(Context, String...)}. */
  public Fwctl(Context ctx) {
    this.ctx = ctx;
  }

  /** Runs fwctl in this process and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(Context.system(), args));
  }

  /** Runs fwctl with {@code args} in {@code ctx} and returns the exit status; for embedding and tests. */
  public static int run(Context ctx, String... args) {
    Fwctl root = new Fwctl(ctx);
    try {
      return root.commandLine().execute(args);
    } finally {
      root.close();
    }
  }

  /** The picocli command line for this root, with fwctl's converters and error handling. */
  CommandLine commandLine() {
    CommandLine cl = new CommandLine(this);
    // the platform charset, as System.out and System.err use on Java 17
    cl.setOut(new PrintWriter(new OutputStreamWriter(ctx.out, Charset.defaultCharset()), true));
    cl.setErr(new PrintWriter(new OutputStreamWriter(ctx.err, Charset.defaultCharset()), true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.registerConverter(Duration.class, text -> {
      try {
        return Durations.parseGo(text);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    });
    Errors errors = new Errors(this);
    cl.setParameterExceptionHandler(errors);
    cl.setExecutionExceptionHandler(errors);
    return cl;
  }

  /** Runs a command with the global options in effect (verbose logging), then releases what it used. */
  int runCommand(Callable<Integer> command) throws Exception {
    Logger sdkLogger = Logger.getLogger(SDK_LOGGER);
    Level oldLevel = sdkLogger.getLevel();
    boolean oldUseParent = sdkLogger.getUseParentHandlers();
    Handler handler = null;
    if (verbose) {
      handler = new RedactingLogHandler(ctx.err, this::secret);
      sdkLogger.addHandler(handler);
      sdkLogger.setLevel(Level.ALL);
      sdkLogger.setUseParentHandlers(false);
    }
    try {
      return command.call();
    } finally {
      if (progress != null) {
        progress.finish();
      }
      if (handler != null) {
        handler.flush();
        sdkLogger.removeHandler(handler);
        sdkLogger.setLevel(oldLevel);
        sdkLogger.setUseParentHandlers(oldUseParent);
      }
    }
  }

  /** The SDK client for the configured key, account and base URL; created on first use. */
  FireworksClient client() {
    if (client == null) {
      if (secret() == null) {
        throw new UsageException("no API key: set FIREWORKS_API_KEY or pass --api-key");
      }
      // the SDK reads its whole configuration (custom headers too) through the lookup, so fwctl
      // honours what the SDK honours, with the flags in front
      FireworksClient.Builder b = FireworksClient.builder().fromEnv(this::setting);
      http = new RecordingHttpClient(HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build());
      client = b.httpClient(http).build();
    }
    return client;
  }

  /**
   * A setting by its environment variable's name: the flag that overrides it if given
   * ({@code --api-key}, {@code --account-id}, {@code --base-url}), stripped, or {@code null} when
   * blank; else the variable as the environment holds it (multi-line values such as
   * {@code FIREWORKS_CUSTOM_HEADERS} keep their line numbers), or {@code null}.
   */
  String setting(String name) {
    String flag;
    switch (name) {
      case "FIREWORKS_API_KEY":
        flag = apiKey;
        break;
      case "FIREWORKS_ACCOUNT_ID":
        flag = accountId;
        break;
      case "FIREWORKS_BASE_URL":
        flag = baseUrl;
        break;
      default:
        return ctx.env.get(name);
    }
    String v = flag != null ? flag : ctx.env(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** The configured account, if any. */
  Optional<AccountId> account() {
    return Optional.ofNullable(setting("FIREWORKS_ACCOUNT_ID")).map(AccountId::of);
  }

  /** The configured account; a usage error (exit 2) when there is none. */
  AccountId requireAccount() {
    return account().orElseThrow(() -> new UsageException(
        "no account id: set FIREWORKS_ACCOUNT_ID or pass -a/--account-id"));
  }

  /** The API key in effect, or {@code null}; only for the client and for redaction. */
  String secret() {
    return setting("FIREWORKS_API_KEY");
  }

  /** What the HTTP client recorded; empty before the first request. */
  java.util.List<RecordingHttpClient.Exchange> exchanges() {
    return http == null ? java.util.List.of() : http.exchanges();
  }

  /** How many HTTP requests were started. */
  int requestsSent() {
    return http == null ? 0 : http.requestsSent();
  }

  /**
   * An inference client that rides out cold starts (HTTP 503 DEPLOYMENT_SCALING_UP) for up to 10
   * minutes, reporting each wait on stderr.
   */
  ai.fireworks.sdk.inference.InferenceClient inference() {
    ProgressLine progress = progress();
    // The SDK reports a wait on its executor while the wait runs; a wait of at least 200 ms
    // leaves the report time to print before the retry.
    Duration initial = max(ctx.firstPollInterval.multipliedBy(5), Duration.ofMillis(200));
    Duration max = ctx.maxPollInterval.multipliedBy(3);
    return ai.fireworks.sdk.inference.InferenceClient.of(client())
        .withColdStart(ai.fireworks.sdk.inference.ColdStartPolicy.builder()
            .initialBackoff(initial)
            .maxBackoff(max.compareTo(initial) < 0 ? initial : max)
            .onWait(w -> progress.update("waiting: " + w))
            .build());
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  Output out() {
    return new Output(ctx.out, output, this::exchanges);
  }

  /** The one progress line of this run on stderr; finished when the command ends. */
  ProgressLine progress() {
    if (progress == null) {
      progress = new ProgressLine(ctx.err, ctx.terminal);
    }
    return progress;
  }

  private void close() {
    if (client != null) {
      client.close();
    }
  }

  /** Prints fwctl's version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Fwctl.class.getPackage().getImplementationVersion();
      return new String[] {"fwctl " + (v == null ? "0.1.0-SNAPSHOT" : v) + " (Fireworks Java SDK)"};
    }
  }
}
