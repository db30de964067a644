package ai.fireworks.sdk.langchain4j.internal;

import ai.fireworks.sdk.inference.ChatMessage;
import ai.fireworks.sdk.inference.ChatRole;
import ai.fireworks.sdk.inference.ToolCall;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;

/**
 * LangChain4j messages as Fireworks chat messages: system, user (text and images, as OpenAI-style
 * content parts), AI (text and tool calls) and tool results. Audio, video, PDF and custom messages
 * have no Fireworks form and throw {@link UnsupportedFeatureException}. Stateless; thread-safe.
 */
public final class Messages {
  private Messages() {}

  /** The Fireworks form of {@code message}. */
  public static ChatMessage toFireworks(dev.langchain4j.data.message.ChatMessage message) {
    if (message instanceof SystemMessage) {
      return ChatMessage.system(((SystemMessage) message).text());
    }
    if (message instanceof UserMessage) {
      return user((UserMessage) message);
    }
    if (message instanceof AiMessage) {
      return assistant((AiMessage) message);
    }
    if (message instanceof ToolExecutionResultMessage) {
      ToolExecutionResultMessage r = (ToolExecutionResultMessage) message;
      return ChatMessage.tool(r.id() == null ? r.toolName() : r.id(), r.text());
    }
    throw new UnsupportedFeatureException("Fireworks chat has no form for a " + message.type() + " message");
  }

  private static ChatMessage user(UserMessage m) {
    ChatMessage.Builder b = ChatMessage.builder().role(ChatRole.USER);
    if (m.name() != null) {
      b.name(m.name());
    }
    if (m.hasSingleText()) {
      return b.content(m.singleText()).build();
    }
    ArrayNode parts = JsonSchemas.MAPPER.createArrayNode();
    for (Content c : m.contents()) {
      if (c instanceof TextContent) {
        parts.addObject().put("type", "text").put("text", ((TextContent) c).text());
      } else if (c instanceof ImageContent) {
        ObjectNode url = parts.addObject().put("type", "image_url").putObject("image_url");
        url.put("url", imageUrl(((ImageContent) c).image()));
        ImageContent.DetailLevel detail = ((ImageContent) c).detailLevel();
        if (detail != null) {
          url.put("detail", detail.name().toLowerCase(java.util.Locale.ROOT));
        }
      } else {
        throw new UnsupportedFeatureException("Fireworks chat accepts text and images in a user message, not "
            + c.type());
      }
    }
    return b.putExtra("content", parts).build();
  }

  private static String imageUrl(Image image) {
    if (image.url() != null) {
      return image.url().toString();
    }
    if (image.base64Data() == null) {
      throw new IllegalArgumentException("an image in a user message needs a url or base64Data, had neither");
    }
    String mime = image.mimeType() == null ? "image/png" : image.mimeType();
    return "data:" + mime + ";base64," + image.base64Data();
  }

  private static ChatMessage assistant(AiMessage m) {
    ChatMessage.Builder b = ChatMessage.builder().role(ChatRole.ASSISTANT);
    if (m.text() != null) {
      b.content(m.text());
    }
    if (m.hasToolExecutionRequests()) {
      for (ToolExecutionRequest t : m.toolExecutionRequests()) {
        b.addToolCalls(ToolCall.of(t.id(), t.name(), t.arguments() == null ? "{}" : t.arguments()));
      }
    }
    return b.build();
  }
}
