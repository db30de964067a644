package ai.fireworks.sdk.examples.fwctl;

import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.inference.ChatCompletion;
import ai.fireworks.sdk.inference.ChatCompletionChunk;
import ai.fireworks.sdk.inference.ChatMessage;
import ai.fireworks.sdk.inference.ChatRequest;
import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.CompletionChunk;
import ai.fireworks.sdk.inference.CompletionRequest;
import ai.fireworks.sdk.inference.ContentPart;
import ai.fireworks.sdk.inference.EventStream;
import ai.fireworks.sdk.inference.Image;
import ai.fireworks.sdk.inference.InferenceClient;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  /** The sampling flags of {@code completions} and {@code chat}; {@code null} unless given. */
  static final class Sampling {
    @Option(names = "--max-tokens", paramLabel = "N", description = "Most tokens to generate.")
    Integer maxTokens;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature, 0 to 2.")
    Double temperature;

    void validate() {
      if (maxTokens != null && maxTokens < 1) {
        throw new UsageException("--max-tokens must be at least 1, was " + maxTokens);
      }
      if (temperature != null && (temperature < 0 || temperature > 2)) {
        throw new UsageException("--temperature must be between 0 and 2, was " + temperature);
      }
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

    @Mixin
    Sampling sampling;

    @Option(names = "--stream", description = "Print the text as it is generated.")
    boolean stream;

    @Override
    int execute() {
      Fwctl root = root();
      ModelRef ref = modelRef(root, model);
      sampling.validate();
      CompletionRequest.Builder b = CompletionRequest.builder().model(ref).prompt(prompt);
      ifGiven(sampling.maxTokens, b::maxTokens);
      ifGiven(sampling.temperature, b::temperature);
      CompletionRequest request = b.build();
      InferenceClient inference = root.inference();
      Output out = root.out();
      if (stream) {
        printStreaming(out, () -> inference.completeStreaming(request), CompletionChunk::text);
      } else {
        Completion c = inference.complete(request);
        out.reply("POST", "/inference/v1/completions", () -> Output.tree(c), c.text());
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

    @Option(names = "--image", paramLabel = "PATH_OR_URL",
        description = "An image for a vision model: a file (png, jpg, gif, bmp, tiff, ppm), an http(s) URL or a data: "
            + "URI; repeatable. Attached to the last --message, before its text.")
    List<String> images = List.of();

    @Mixin
    Sampling sampling;

    @Option(names = "--stream", description = "Print the reply as it is generated.")
    boolean stream;

    @Override
    int execute() {
      Fwctl root = root();
      ModelRef ref = modelRef(root, model);
      sampling.validate();
      ChatRequest.Builder b = ChatRequest.builder().model(ref);
      if (system != null) {
        b.addMessage(ChatMessage.system(system));
      }
      for (int i = 0; i < messages.size(); i++) {
        b.addMessage(i < messages.size() - 1 || images.isEmpty() ? ChatMessage.user(messages.get(i))
            : withImages(images, messages.get(i)));
      }
      ifGiven(sampling.maxTokens, b::maxTokens);
      ifGiven(sampling.temperature, b::temperature);
      ChatRequest request = b.build();
      InferenceClient inference = root.inference();
      Output out = root.out();
      if (stream) {
        printStreaming(out, () -> inference.chatStreaming(request), ChatCompletionChunk::text);
      } else {
        ChatCompletion c = inference.chat(request);
        out.reply("POST", "/inference/v1/chat/completions", () -> Output.tree(c), c.text());
      }
      return Errors.OK;
    }
  }

  /** A user message of the --image parts, in the order given, then {@code text}. */
  private static ChatMessage withImages(List<String> images, String text) {
    List<ContentPart> parts = new ArrayList<>();
    for (String image : images) {
      if (image.contains("://") || image.regionMatches(true, 0, "data:", 0, 5)) {
        parts.add(ContentPart.imageUrl(image));
      } else {
        try {
          parts.add(ContentPart.image(Image.of(Path.of(image))));
        } catch (UncheckedIOException e) {
          throw new UsageException("--image " + image + ": cannot read the file (" + e.getCause().getMessage() + ")");
        }
      }
    }
    parts.add(ContentPart.text(text));
    return ChatMessage.user(parts);
  }

  /**
   * Prints a reply as it is generated: in JSON one chunk per line; in text each chunk's
   * {@code text} as it arrives, then a newline once the stream is closed.
   */
  private static <C> void printStreaming(Output out, Supplier<EventStream<C>> open, Function<? super C, String> text) {
    try (EventStream<C> chunks = open.get()) {
      for (C chunk : chunks) {
        if (out.json()) {
          out.stream().println(Output.tree(chunk));
        } else {
          out.stream().print(text.apply(chunk));
          out.stream().flush();
        }
      }
    }
    if (!out.json()) {
      out.stream().println();
    }
  }
}
