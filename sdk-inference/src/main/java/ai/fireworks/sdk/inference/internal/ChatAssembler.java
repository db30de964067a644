package ai.fireworks.sdk.inference.internal;

import ai.fireworks.sdk.inference.ChatChoice;
import ai.fireworks.sdk.inference.ChatChunkChoice;
import ai.fireworks.sdk.inference.ChatCompletion;
import ai.fireworks.sdk.inference.ChatCompletionChunk;
import ai.fireworks.sdk.inference.ChatMessage;
import ai.fireworks.sdk.inference.ChatRole;
import ai.fireworks.sdk.inference.FinishReason;
import ai.fireworks.sdk.inference.FunctionCall;
import ai.fireworks.sdk.inference.Logprobs;
import ai.fireworks.sdk.inference.ResponseMetadata;
import ai.fireworks.sdk.inference.ToolCall;
import ai.fireworks.sdk.inference.Usage;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Joins the chunks of a streamed chat completion into the {@link ChatCompletion} it amounts to. Not thread-safe. */
public final class ChatAssembler {
  private final ChatCompletion.Builder out = ChatCompletion.builder();
  private final Map<Integer, ChoiceState> choices = new TreeMap<>();
  private boolean first = true;
  private Usage usage;
  private JsonNode perfMetrics;

  private static final class ChoiceState {
    ChatRole role = ChatRole.ASSISTANT;
    final StringBuilder content = new StringBuilder();
    final StringBuilder reasoning = new StringBuilder();
    boolean hasContent;
    boolean hasReasoning;
    final Map<Integer, ToolCallState> toolCalls = new TreeMap<>();
    FinishReason finishReason;
    Logprobs.Builder logprobs;
  }

  private static final class ToolCallState {
    String id;
    String type;
    String name = "";
    final StringBuilder arguments = new StringBuilder();
  }

  /** Adds the next chunk. */
  public void add(ChatCompletionChunk chunk) {
    if (first) {
      out.id(chunk.id()).created(chunk.created()).model(chunk.model());
      first = false;
    }
    chunk.usage().ifPresent(u -> usage = u);
    chunk.perfMetrics().ifPresent(p -> perfMetrics = p);
    for (ChatChunkChoice c : chunk.choices()) {
      ChoiceState s = choices.computeIfAbsent(c.index(), i -> new ChoiceState());
      c.delta().role().ifPresent(r -> s.role = r);
      c.delta().content().ifPresent(t -> {
        s.content.append(t);
        s.hasContent = true;
      });
      c.delta().reasoningContent().ifPresent(t -> {
        s.reasoning.append(t);
        s.hasReasoning = true;
      });
      int position = 0;
      for (ToolCall call : c.delta().toolCalls()) {
        int key = call.index().orElse(position);
        ToolCallState t = s.toolCalls.computeIfAbsent(key, k -> new ToolCallState());
        call.id().ifPresent(id -> t.id = id);
        t.type = call.type();
        if (!call.function().name().isEmpty()) {
          t.name = call.function().name();
        }
        t.arguments.append(call.function().arguments());
        position++;
      }
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
  public ChatCompletion build(ResponseMetadata metadata) {
    List<ChatChoice> list = new ArrayList<>();
    choices.forEach((index, s) -> {
      ChatMessage.Builder m = ChatMessage.builder().role(s.role);
      if (s.hasContent) {
        m.content(s.content.toString());
      }
      if (s.hasReasoning) {
        m.reasoningContent(s.reasoning.toString());
      }
      s.toolCalls.forEach((i, t) -> m.addToolCalls(ToolCall.builder().id(Optional.ofNullable(t.id))
          .type(t.type == null ? "function" : t.type).function(FunctionCall.of(t.name, t.arguments.toString()))
          .build()));
      ChatChoice.Builder c = ChatChoice.builder().index(index).message(m.build());
      if (s.finishReason != null) {
        c.finishReason(s.finishReason);
      }
      if (s.logprobs != null) {
        c.logprobs(s.logprobs.build());
      }
      list.add(c.build());
    });
    return out.object("chat.completion").choices(list).usage(Optional.ofNullable(usage))
        .perfMetrics(Optional.ofNullable(perfMetrics)).metadata(metadata).build();
  }
}
