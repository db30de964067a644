package ai.fireworks.sdk.inference.internal;

import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.CompletionChoice;
import ai.fireworks.sdk.inference.CompletionChunk;
import ai.fireworks.sdk.inference.FinishReason;
import ai.fireworks.sdk.inference.Logprobs;
import ai.fireworks.sdk.inference.ResponseMetadata;
import ai.fireworks.sdk.inference.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Joins the chunks of a streamed text completion into the {@link Completion} it amounts to. Not thread-safe. */
public final class CompletionAssembler {
  private final Completion.Builder out = Completion.builder();
  private final Map<Integer, ChoiceState> choices = new TreeMap<>();
  private boolean first = true;
  private Usage usage;
  private JsonNode perfMetrics;

  private static final class ChoiceState {
    final StringBuilder text = new StringBuilder();
    FinishReason finishReason;
    Logprobs.Builder logprobs;
  }

  /** Adds the next chunk. */
  public void add(CompletionChunk chunk) {
    if (first) {
      out.id(chunk.id()).created(chunk.created()).model(chunk.model());
      first = false;
    }
    chunk.usage().ifPresent(u -> usage = u);
    chunk.perfMetrics().ifPresent(p -> perfMetrics = p);
    for (CompletionChoice c : chunk.choices()) {
      ChoiceState s = choices.computeIfAbsent(c.index(), i -> new ChoiceState());
      s.text.append(c.text());
      c.finishReason().ifPresent(f -> s.finishReason = f);
      c.logprobs().ifPresent(l -> {
        if (s.logprobs == null) {
          s.logprobs = Logprobs.builder();
        }
        s.logprobs.addAllContent(l.content()).addAllTokens(l.tokens()).addAllTokenLogprobs(l.tokenLogprobs())
            .addAllTopLogprobs(l.topLogprobs()).addAllTextOffset(l.textOffset());
      });
    }
  }

  /** The completion the chunks added so far amount to, with {@code metadata} from the stream's response. */
  public Completion build(ResponseMetadata metadata) {
    List<CompletionChoice> list = new ArrayList<>();
    choices.forEach((index, s) -> {
      CompletionChoice.Builder c = CompletionChoice.builder().index(index).text(s.text.toString());
      if (s.finishReason != null) {
        c.finishReason(s.finishReason);
      }
      if (s.logprobs != null) {
        c.logprobs(s.logprobs.build());
      }
      list.add(c.build());
    });
    return out.object("text_completion").choices(list).usage(Optional.ofNullable(usage))
        .perfMetrics(Optional.ofNullable(perfMetrics)).metadata(metadata).build();
  }
}
