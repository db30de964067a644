package ai.fireworks.sdk.inference.internal;

import ai.fireworks.sdk.inference.FinishReason;
import ai.fireworks.sdk.inference.Logprobs;
import ai.fireworks.sdk.inference.ResponseMetadata;
import ai.fireworks.sdk.inference.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What joining the chunks of a stream into one response takes whatever the endpoint: the id,
 * creation time and model of the first chunk, the last usage and perf metrics seen, and per
 * choice index (in index order) the finish reason and the concatenated logprobs. Subclasses add
 * the endpoint's own content. Not thread-safe.
 *
 * @param <C> the chunk type
 * @param <R> the response the chunks amount to
 * @param <S> the per-choice state
 */
public abstract class StreamAssembler<C, R, S extends StreamAssembler.ChoiceState> {
  private final Map<Integer, S> choices = new TreeMap<>();
  private final Supplier<S> newChoice;
  private boolean first = true;
  private String id = "";
  private long created;
  private String model = "";
  private Usage usage;
  private JsonNode perfMetrics;

  StreamAssembler(Supplier<S> newChoice) {
    this.newChoice = newChoice;
  }

  /** State of one choice; subclasses add the endpoint's content. */
  static class ChoiceState {
    private FinishReason finishReason;
    private Logprobs.Builder logprobs;

    /** Keeps {@code reason} if present and appends {@code more} logprobs to those seen so far. */
    final void update(Optional<FinishReason> reason, Optional<Logprobs> more) {
      reason.ifPresent(f -> finishReason = f);
      more.ifPresent(l -> {
        if (logprobs == null) {
          logprobs = Logprobs.builder();
        }
        logprobs.addAllContent(l.content()).addAllTokens(l.tokens()).addAllTokenLogprobs(l.tokenLogprobs())
            .addAllTopLogprobs(l.topLogprobs()).addAllTextOffset(l.textOffset());
      });
    }

    final Optional<FinishReason> finishReason() {
      return Optional.ofNullable(finishReason);
    }

    final Optional<Logprobs> logprobs() {
      return logprobs == null ? Optional.empty() : Optional.of(logprobs.build());
    }
  }

  /** Adds the next chunk. */
  public abstract void add(C chunk);

  /** The response the chunks added so far amount to, with {@code metadata} from the stream's response. */
  public abstract R build(ResponseMetadata metadata);

  /** Records the fields every chunk carries: identity from the first, usage and perf metrics from the last that has them. */
  final void header(String chunkId, long chunkCreated, String chunkModel, Optional<Usage> chunkUsage,
      Optional<JsonNode> chunkPerfMetrics) {
    if (first) {
      id = chunkId;
      created = chunkCreated;
      model = chunkModel;
      first = false;
    }
    chunkUsage.ifPresent(u -> usage = u);
    chunkPerfMetrics.ifPresent(p -> perfMetrics = p);
  }

  /** The state of choice {@code index}, created on first use. */
  final S choice(int index) {
    return choices.computeIfAbsent(index, i -> newChoice.get());
  }

  /** The states of the choices seen, by index in ascending order. */
  final Map<Integer, S> choices() {
    return choices;
  }

  final String id() {
    return id;
  }

  final long created() {
    return created;
  }

  final String model() {
    return model;
  }

  final Optional<Usage> usage() {
    return Optional.ofNullable(usage);
  }

  final Optional<JsonNode> perfMetrics() {
    return Optional.ofNullable(perfMetrics);
  }
}
