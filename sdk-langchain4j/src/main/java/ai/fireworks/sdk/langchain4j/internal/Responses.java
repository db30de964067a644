package ai.fireworks.sdk.langchain4j.internal;

import ai.fireworks.sdk.inference.ChatChoice;
import ai.fireworks.sdk.inference.ChatCompletion;
import ai.fireworks.sdk.inference.ChatMessage;
import ai.fireworks.sdk.inference.ToolCall;
import ai.fireworks.sdk.inference.Usage;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.ChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * A Fireworks chat completion as a LangChain4j {@link ChatResponse}: the first choice's text,
 * thinking ({@code reasoning_content}) and tool calls, plus the response id, the model, token
 * usage and the finish reason. Stateless; thread-safe.
 */
public final class Responses {
  private Responses() {}

  /** The LangChain4j form of {@code completion}. */
  public static ChatResponse toLangChain4j(ChatCompletion completion) {
    ChatChoice choice = completion.choices().isEmpty() ? null : completion.choices().get(0);
    AiMessage.Builder message = AiMessage.builder();
    if (choice != null) {
      ChatMessage m = choice.message();
      m.content().filter(t -> !t.isEmpty() || m.toolCalls().isEmpty()).ifPresent(message::text);
      m.reasoningContent().filter(t -> !t.isEmpty()).ifPresent(message::thinking);
      message.toolExecutionRequests(toolRequests(m.toolCalls()));
    }
    ChatResponseMetadata.Builder<?> metadata = ChatResponseMetadata.builder()
        .id(completion.id().isEmpty() ? null : completion.id())
        .modelName(completion.model().isEmpty() ? null : completion.model());
    completion.usage().ifPresent(u -> metadata.tokenUsage(tokenUsage(u)));
    if (choice != null) {
      choice.finishReason().ifPresent(f -> metadata.finishReason(finishReason(f)));
    }
    return ChatResponse.builder().aiMessage(message.build()).metadata(metadata.build()).build();
  }

  static List<ToolExecutionRequest> toolRequests(List<ToolCall> calls) {
    List<ToolExecutionRequest> out = new ArrayList<>();
    for (ToolCall c : calls) {
      out.add(toolRequest(c));
    }
    return out;
  }

  /** One tool call; empty arguments become {@code {}}, which LangChain4j's tool executors expect. */
  static ToolExecutionRequest toolRequest(ToolCall c) {
    String arguments = c.function().arguments();
    return ToolExecutionRequest.builder().id(c.id().orElse(null)).name(c.function().name())
        .arguments(arguments.isBlank() ? "{}" : arguments).build();
  }

  static TokenUsage tokenUsage(Usage u) {
    return new TokenUsage(u.promptTokens(), u.completionTokens(), u.totalTokens());
  }

  /** {@code stop}, {@code length}, {@code tool_calls} (and legacy {@code function_call}), {@code content_filter}; else OTHER. */
  static FinishReason finishReason(ai.fireworks.sdk.inference.FinishReason reason) {
    switch (reason.value()) {
      case "stop":
        return FinishReason.STOP;
      case "length":
        return FinishReason.LENGTH;
      case "tool_calls":
      case "function_call":
        return FinishReason.TOOL_EXECUTION;
      case "content_filter":
        return FinishReason.CONTENT_FILTER;
      default:
        return FinishReason.OTHER;
    }
  }
}
