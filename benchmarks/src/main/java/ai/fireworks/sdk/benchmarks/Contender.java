package ai.fireworks.sdk.benchmarks;

import java.util.concurrent.CompletableFuture;

/**
 * One client under test, talking to the loopback server. Each call builds its request from
 * scratch (as application code would) and returns something derived from the parsed response,
 * so that no contender can skip the work. Implementations are thread-safe.
 */
public interface Contender extends AutoCloseable {
  /**
   * Suffix of a diagnostic variant run with {@link #FJP2_JVM_ARG}: on machines with fewer than 3
   * CPUs it turns {@code CompletableFuture}'s default executor, to which the JDK's (17)
   * {@code HttpClient.sendAsync} hands every completion, from a new thread per task into the
   * common pool.
   */
  String FJP2 = "_fjp2";
  String FJP2_JVM_ARG = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2";

  /** One blocking chat completion; returns the answer's content. */
  String chat();

  /** One asynchronous chat completion; completes with the answer's content. */
  CompletableFuture<String> chatAsync();

  /** One streamed chat completion read to the end; returns the number of content events seen. */
  int stream();

  /**
   * One embeddings request of {@link Payloads#EMBED_INPUTS} texts; returns the number of floats
   * decoded. Only the SDK and the OpenAI SDK implement it.
   */
  default int embed() {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not embed");
  }

  @Override
  void close();

  /**
   * Creates a contender by name, reflectively, so that only the chosen client's classes are
   * loaded: each contender runs with its own runtime classpath.
   *
   * @param name {@code raw}, {@code raw_default}, {@code raw_async} (blocking calls wait on
   *     {@code sendAsync}), {@code sdk}, {@code openai}, or {@code openai_wide} (the
   *     OpenAI SDK with OkHttp's dispatcher limits of 64 calls, 5 per host, lifted to 2,000, for the
   *     many-in-flight test, which otherwise queues all but 5 requests); a name may end in
   *     {@link #FJP2}, which the JVM running it is expected to honour (see {@link #FJP2_JVM_ARG})
   * @param baseUrl the loopback server's root, e.g. {@code http://127.0.0.1:40123}
   */
  static Contender create(String name, String baseUrl) {
    if (name.endsWith(FJP2)) {
      return create(name.substring(0, name.length() - FJP2.length()), baseUrl);
    }
    String type;
    switch (name) {
      case "raw":
      case "raw_default":
      case "raw_async":
        return new RawContender(baseUrl, !name.equals("raw_default"), name.equals("raw_async"));
      case "sdk":
        type = "ai.fireworks.sdk.benchmarks.SdkContender";
        break;
      case "openai":
      case "openai_wide":
        type = "ai.fireworks.sdk.benchmarks.OpenAiContender";
        break;
      default:
        throw new IllegalArgumentException(
            "contender must be raw, raw_default, raw_async, sdk, openai or openai_wide, was " + name);
    }
    try {
      Class<? extends Contender> c = Class.forName(type).asSubclass(Contender.class);
      if (name.equals("openai_wide")) {
        return c.getDeclaredConstructor(String.class, boolean.class).newInstance(baseUrl, true);
      }
      return c.getDeclaredConstructor(String.class).newInstance(baseUrl);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create contender " + name + ": " + e, e);
    }
  }

  /** Fails loudly if a contender returned something other than the canned answer. */
  static String check(String content) {
    if (!Payloads.ANSWER.equals(content)) {
      throw new IllegalStateException("unexpected answer: " + content);
    }
    return content;
  }

  /** Fails loudly if an embeddings call did not decode every float. */
  static int checkEmbed(int floats) {
    if (floats != Payloads.EMBED_INPUTS * Payloads.EMBED_DIMS) {
      throw new IllegalStateException("expected " + Payloads.EMBED_INPUTS + " x " + Payloads.EMBED_DIMS
          + " floats, got " + floats);
    }
    return floats;
  }

  /** Fails loudly if a stream did not deliver every content event. */
  static int checkStream(int events) {
    if (events != Payloads.STREAM_CHUNKS) {
      throw new IllegalStateException("expected " + Payloads.STREAM_CHUNKS + " content events, saw " + events);
    }
    return events;
  }
}
