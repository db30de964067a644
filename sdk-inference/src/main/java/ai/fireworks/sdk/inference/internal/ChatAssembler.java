package ai.fireworks.sdk.inference.internal;

import ai.fireworks.sdk.inference.ChatChoice;
import ai.fireworks.sdk.inference.ChatChunkChoice;
import ai.fireworks.sdk.inference.ChatCompletion;
import ai.fireworks.sdk.inference.ChatCompletionChunk;
import ai.fireworks.sdk.inference.ChatMessage;
import ai.fireworks.sdk.inference.ChatRole;
import ai.fireworks.sdk.inference.FunctionCall;
import ai.fireworks.sdk.inference.ResponseMetadata;
import ai.fireworks.sdk.inference.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Joins the chunks of a streamed chat completion into the {@link ChatCompletion} it amounts to. Not thread-safe. */
public final class ChatAssembler
    extends StreamAssembler<ChatCompletionChunk, ChatCompletion, ChatAssembler.MessageState> {

  /** Creates an empty assembler. */
  public ChatAssembler() {
    super(MessageState::new);
  }

  static final class MessageState extends StreamAssembler.ChoiceState {
    ChatRole role = ChatRole.ASSISTANT;
    final StringBuilder content = new StringBuilder();
    final StringBuilder reasoning = new StringBuilder();
    boolean hasContent;
    boolean hasReasoning;
    final Map<Integer, ToolCallState> toolCalls = new TreeMap<>();
  }

  private static final class ToolCallState {
    String id;
    String type;
    String name = "";
    final StringBuilder arguments = new StringBuilder();
  }

  @Override
  public void add(ChatCompletionChunk chunk) {
    header(chunk.id(), chunk.created(), chunk.model(), chunk.usage(), chunk.perfMetrics());
    for (ChatChunkChoice c : chunk.choices()) {
      MessageState s = choice(c.index());
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
      s.update(c.finishReason(), c.logprobs());
    }
  }

  @Override
  public ChatCompletion build(ResponseMetadata metadata) {
    List<ChatChoice> list = new ArrayList<>();
    choices().forEach((index, s) -> {
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
      list.add(ChatChoice.builder().index(index).message(m.build()).finishReason(s.finishReason())
          .logprobs(s.logprobs()).build());
    });
    return ChatCompletion.builder().id(id()).object("chat.completion").created(created()).model(model()).choices(list)
        .usage(usage()).perfMetrics(perfMetrics()).metadata(metadata).build();
  }
}
