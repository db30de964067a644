package ai.fireworks.sdk.inference.internal;

import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.CompletionChoice;
import ai.fireworks.sdk.inference.CompletionChunk;
import ai.fireworks.sdk.inference.ResponseMetadata;
import java.util.ArrayList;
import java.util.List;

/** Joins the chunks of a streamed text completion into the {@link Completion} it amounts to. Not thread-safe. */
public final class CompletionAssembler
    extends StreamAssembler<CompletionChunk, Completion, CompletionAssembler.TextState> {

  /** Creates an empty assembler. */
  public CompletionAssembler() {
    super(TextState::new);
  }

  static final class TextState extends StreamAssembler.ChoiceState {
    final StringBuilder text = new StringBuilder();
  }

  @Override
  public void add(CompletionChunk chunk) {
    header(chunk.id(), chunk.created(), chunk.model(), chunk.usage(), chunk.perfMetrics());
    for (CompletionChoice c : chunk.choices()) {
      TextState s = choice(c.index());
      s.text.append(c.text());
      s.update(c.finishReason(), c.logprobs());
    }
  }

  @Override
  public Completion build(ResponseMetadata metadata) {
    List<CompletionChoice> list = new ArrayList<>();
    choices().forEach((index, s) -> list.add(CompletionChoice.builder().index(index).text(s.text.toString())
        .finishReason(s.finishReason()).logprobs(s.logprobs()).build()));
    return Completion.builder().id(id()).object("text_completion").created(created()).model(model()).choices(list)
        .usage(usage()).perfMetrics(perfMetrics()).metadata(metadata).build();
  }
}
