package ai.fireworks.sdk.examples.fwctl;

import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.inference.ChatCompletion;
import ai.fireworks.sdk.inference.ChatCompletionChunk;
import ai.fireworks.sdk.inference.ChatMessage;
import ai.fireworks.sdk.inference.ChatRequest;
import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.CompletionChunk;
import ai.fireworks.sdk.inference.CompletionRequest;
import ai.fireworks.sdk.inference.EventStream;
import ai.fireworks.sdk.inference.InferenceClient;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fwctl completions} and {@code fwctl chat}: query a model or a deployment. */
final class InferenceCommands {
  private InferenceCommands() {}

  /**
   * {@code <MODEL_IDENTIFIER>}: {@code <model>#<deployment>} (full names or short forms; a bare
   * deployment id after {@code #} is in the caller's account), a deployment or deployed-model
   * name, or a model.
   */
  static ModelRef modelRef(Fwctl root, String identifier) {
    int hash = identifier.indexOf('#');
    if (hash >= 0 && identifier.indexOf('/', hash) < 0 && root.account().isEmpty()) {
      throw new UsageException("'" + identifier + "' names deployment '" + identifier.substring(hash + 1)
          + "' by its bare id, which needs an account: set FIREWORKS_ACCOUNT_ID, pass -a/--account-id,"
          + " or write accounts/<account>/deployments/<id>");
    }
    return ModelRef.parse(identifier, root.account().orElse(null));
  }

  static void checkMaxTokens(Integer maxTokens) {
    if (maxTokens != null && maxTokens < 1) {
      throw new UsageException("--max-tokens must be at least 1, was " + maxTokens);
    }
  }

  static void checkTemperature(Double temperature) {
    if (temperature != null && (temperature < 0 || temperature > 2)) {
      throw new UsageException("--temperature must be between 0 and 2, was " + temperature);
    }
  }

  @Command(name = "completions", aliases = "completion", mixinStandardHelpOptions = true,
      description = "Complete a prompt (POST /inference/v1/completions).")
  static final class Completions extends FwctlCommand {
    @Parameters(index = "0", paramLabel = "MODEL_IDENTIFIER",
        description = "<model>#<deployment> (e.g. accounts/fireworks/models/llama-v3p2-3b-instruct#my-llama),"
            + " a deployment name, a deployed-model name or a model.")
    String model;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "The prompt.")
    String prompt;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Most tokens to generate.")
    Integer maxTokens;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature, 0 to 2.")
    Double temperature;

    @Option(names = "--stream", description = "Print the text as it is generated.")
    boolean stream;

    @Override
    int execute() {
      Fwctl root = root();
      ModelRef ref = modelRef(root, model);
      checkMaxTokens(maxTokens);
      checkTemperature(temperature);
      CompletionRequest.Builder b = CompletionRequest.builder().model(ref).prompt(prompt);
      if (maxTokens != null) {
        b.maxTokens(maxTokens);
      }
      if (temperature != null) {
        b.temperature(temperature);
      }
      CompletionRequest request = b.build();
      InferenceClient inference = root.inference();
      Output out = root.out();
      if (stream) {
        try (EventStream<CompletionChunk> chunks = inference.completeStreaming(request)) {
          for (CompletionChunk chunk : chunks) {
            if (out.json()) {
              out.stream().println(Output.tree(chunk));
            } else {
              printPart(out.stream(), chunk.text());
            }
          }
        }
        if (!out.json()) {
          out.stream().println();
        }
        return Errors.OK;
      }
      Completion c = inference.complete(request);
      if (out.json()) {
        out.printJson(out.lastBody("POST", "/inference/v1/completions").orElseGet(() -> Output.tree(c)));
      } else {
        out.stream().println(c.text());
      }
      return Errors.OK;
    }
  }

  @Command(name = "chat", mixinStandardHelpOptions = true,
      description = "Send chat messages (POST /inference/v1/chat/completions).")
  static final class Chat extends FwctlCommand {
    @Parameters(index = "0", paramLabel = "MODEL_IDENTIFIER",
        description = "<model>#<deployment>, a deployment name, a deployed-model name or a model.")
    String model;

    @Option(names = "--message", required = true, paramLabel = "TEXT",
        description = "A user message; repeat for several turns.")
    List<String> messages;

    @Option(names = "--system", paramLabel = "TEXT", description = "A system message sent first.")
    String system;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Most tokens to generate.")
    Integer maxTokens;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature, 0 to 2.")
    Double temperature;

    @Option(names = "--stream", description = "Print the reply as it is generated.")
    boolean stream;

    @Override
    int execute() {
      Fwctl root = root();
      ModelRef ref = modelRef(root, model);
      checkMaxTokens(maxTokens);
      checkTemperature(temperature);
      ChatRequest.Builder b = ChatRequest.builder().model(ref);
      if (system != null) {
        b.addMessage(ChatMessage.system(system));
      }
      messages.forEach(m -> b.addMessage(ChatMessage.user(m)));
      if (maxTokens != null) {
        b.maxTokens(maxTokens);
      }
      if (temperature != null) {
        b.temperature(temperature);
      }
      ChatRequest request = b.build();
      InferenceClient inference = root.inference();
      Output out = root.out();
      if (stream) {
        try (EventStream<ChatCompletionChunk> chunks = inference.chatStreaming(request)) {
          for (ChatCompletionChunk chunk : chunks) {
            if (out.json()) {
              out.stream().println(Output.tree(chunk));
            } else {
              printPart(out.stream(), chunk.text());
            }
          }
        }
        if (!out.json()) {
          out.stream().println();
        }
        return Errors.OK;
      }
      ChatCompletion c = inference.chat(request);
      if (out.json()) {
        out.printJson(out.lastBody("POST", "/inference/v1/chat/completions").orElseGet(() -> Output.tree(c)));
      } else {
        out.stream().println(c.text());
      }
      return Errors.OK;
    }
  }

  private static void printPart(PrintStream out, String text) {
    out.print(text);
    out.flush();
  }
}
