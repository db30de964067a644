package ai.fireworks.sdk.inference;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;

/**
 * Writes a {@link ChatMessage}: its {@code content} as a string or, when it has parts, as the
 * ordered array of parts (image data streamed from its encoded bytes), then the other fields and
 * the extras.
 */
final class ChatMessageSerializer extends StdSerializer<AbstractChatMessage> {
  private static final long serialVersionUID = 1L;

  ChatMessageSerializer() {
    super(AbstractChatMessage.class);
  }

  @Override
  public void serialize(AbstractChatMessage m, JsonGenerator gen, SerializerProvider provider) throws IOException {
    gen.writeStartObject();
    provider.defaultSerializeField("role", m.role(), gen);
    if (!m.parts().isEmpty()) {
      gen.writeArrayFieldStart("content");
      for (ContentPart part : m.parts()) {
        part.write(gen);
      }
      gen.writeEndArray();
    } else if (m.content().isPresent()) {
      gen.writeStringField("content", m.content().get());
    }
    if (m.name().isPresent()) {
      gen.writeStringField("name", m.name().get());
    }
    if (!m.toolCalls().isEmpty()) {
      provider.defaultSerializeField("tool_calls", m.toolCalls(), gen);
    }
    if (m.toolCallId().isPresent()) {
      gen.writeStringField("tool_call_id", m.toolCallId().get());
    }
    if (m.reasoningContent().isPresent()) {
      gen.writeStringField("reasoning_content", m.reasoningContent().get());
    }
    for (Map.Entry<String, ?> e : m.extra().entrySet()) {
      provider.defaultSerializeField(e.getKey(), e.getValue(), gen);
    }
    gen.writeEndObject();
  }
}
