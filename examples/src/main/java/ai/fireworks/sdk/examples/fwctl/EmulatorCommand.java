package ai.fireworks.sdk.examples.fwctl;

import ai.fireworks.sdk.core.Durations;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fwctl emulator}: runs the SDK's embedded Fireworks emulator in the foreground, in real
 * time with short delays, and prints how to point fwctl (or any SDK program) at it. Runs until
 * the process is stopped (Ctrl-C).
 */
@Command(name = "emulator", mixinStandardHelpOptions = true,
    description = {"Run the embedded Fireworks emulator in the foreground (real time, short delays) and print its"
        + " base URL, API key and account. Stop it with Ctrl-C.",
        "Its catalogue: accounts/fireworks/models/llama-v3p2-3b-instruct, llama-v3p1-8b-instruct,"
            + " qwen2p5-7b-instruct, llama-v3p1-70b-instruct, mixtral-8x7b; addons my-lora and qwen-sql-lora"
            + " in the emulator's account."})
final class EmulatorCommand extends FwctlCommand {
  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8085",
      description = "Port on 127.0.0.1; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--creating-delay", paramLabel = "DURATION", defaultValue = "3s",
      description = "How long a new deployment stays CREATING; updates, addon loads and cold starts take half"
          + " (default ${DEFAULT-VALUE}).")
  Duration creatingDelay;

  @Override
  int execute() {
    Fwctl root = root();
    if (port < 0 || port > 65_535) {
      throw new UsageException("--port must be 0-65535, was " + port);
    }
    // Only a key given on this command line is used; the environment's key is the user's real one.
    String key = root.apiKey;
    FireworksEmulator.Builder b = FireworksEmulator.builder().port(port).realTime(creatingDelay);
    if (key != null) {
      b.apiKey(key);
    }
    if (root.accountId != null) {
      b.accountId(root.accountId);
    }
    try (FireworksEmulator emulator = b.start()) {
      PrintStream out = root.ctx.out;
      if (root.out().json()) {
        ObjectNode info = Output.MAPPER.createObjectNode()
            .put("baseUrl", emulator.baseUrl().toString())
            .put("accountId", emulator.accountId());
        if (key == null) {
          info.put("apiKey", emulator.apiKey());
        }
        root.out().printJson(info);
      } else {
        out.println("Fireworks emulator running at " + emulator.baseUrl() + " (real time; CREATING takes "
            + Durations.formatGo(creatingDelay) + "). Stop it with Ctrl-C.");
        out.println("export FIREWORKS_BASE_URL=" + emulator.baseUrl());
        out.println(key == null ? "export FIREWORKS_API_KEY=" + emulator.apiKey()
            : "# FIREWORKS_API_KEY: the key given with --api-key");
        out.println("export FIREWORKS_ACCOUNT_ID=" + emulator.accountId());
      }
      out.flush();
      Thread hook = new Thread(emulator::close, "fwctl-emulator-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        root.ctx.stop.join();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The JVM is exiting; the hook closes the emulator.
        }
      }
    }
    return Errors.OK;
  }
}
