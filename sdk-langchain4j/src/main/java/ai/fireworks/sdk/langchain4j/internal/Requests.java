package ai.fireworks.sdk.langchain4j.internal;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.inference.ChatRequest;
import ai.fireworks.sdk.inference.ResponseFormat;
import ai.fireworks.sdk.inference.Tool;
import ai.fireworks.sdk.inference.ToolChoice;
import ai.fireworks.sdk.langchain4j.FireworksChatRequestParameters;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.function.Consumer;

/**
 * A LangChain4j {@code ChatRequest} (its parameters already merged with the model's defaults) as
 * the SDK's chat request: messages, model, sampling parameters, tools, tool choice, response
 * format and the Fireworks-only parameters of {@link FireworksChatRequestParameters}. Invalid
 * values throw {@link IllegalArgumentException} from the SDK's builder, before anything is sent.
 * Stateless; thread-safe.
 */
public final class Requests {
  private static final String DEFAULT_SCHEMA_NAME = "response";

  private Requests() {}

  /**
   * The request to send. Its model is {@code target}, unless the request's {@code modelName}
   * names another one (parsed like {@link ModelRef#parse(String, AccountId)}).
   */
  public static ChatRequest toFireworks(dev.langchain4j.model.chat.request.ChatRequest request, ModelRef target,
      AccountId account) {
    ChatRequest.Builder b = ChatRequest.builder();
    request.messages().forEach(m -> b.addMessage(Messages.toFireworks(m)));
    ChatRequestParameters p = request.parameters();
    String modelName = p.modelName();
    b.model(modelName == null || modelName.equals(target.toString()) ? target : ModelRef.parse(modelName, account));
    set(p.temperature(), b::temperature);
    set(p.topP(), b::topP);
    set(p.topK(), b::topK);
    set(p.frequencyPenalty(), b::frequencyPenalty);
    set(p.presencePenalty(), b::presencePenalty);
    set(p.maxOutputTokens(), b::maxTokens);
    if (p.stopSequences() != null && !p.stopSequences().isEmpty()) {
      b.stop(p.stopSequences());
    }
    if (p.toolSpecifications() != null) {
      p.toolSpecifications().forEach(t -> b.addTool(tool(t)));
    }
    if (p.toolChoice() != null && p.toolSpecifications() != null && !p.toolSpecifications().isEmpty()) {
      b.toolChoice(toolChoice(p.toolChoice()));
    }
    if (p.responseFormat() != null && p.responseFormat().type() == ResponseFormatType.JSON) {
      b.responseFormat(responseFormat(p.responseFormat().jsonSchema()));
    }
    if (p instanceof FireworksChatRequestParameters) {
      FireworksChatRequestParameters f = (FireworksChatRequestParameters) p;
      set(f.seed(), b::seed);
      set(f.reasoningEffort(), b::reasoningEffort);
      set(f.promptCacheKey(), b::promptCacheKey);
      set(f.user(), b::user);
      set(f.parallelToolCalls(), b::parallelToolCalls);
    }
    return b.build();
  }

  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /** A tool specification as a function tool; no parameters means an empty object schema. */
  static Tool tool(ToolSpecification spec) {
    JsonObjectSchema parameters = spec.parameters() == null ? JsonObjectSchema.builder().build() : spec.parameters();
    Tool tool = Tool.ofFunction(spec.name(), spec.description(), JsonSchemas.toJson(parameters));
    return Boolean.TRUE.equals(spec.strict()) ? tool.withFunction(tool.function().withStrict(true)) : tool;
  }

  private static ToolChoice toolChoice(dev.langchain4j.model.chat.request.ToolChoice choice) {
    if (choice == dev.langchain4j.model.chat.request.ToolChoice.REQUIRED) {
      return ToolChoice.REQUIRED;
    }
    return choice == dev.langchain4j.model.chat.request.ToolChoice.NONE ? ToolChoice.NONE : ToolChoice.AUTO;
  }

  /** JSON mode without a schema, OpenAI's {@code json_schema} form with one. */
  private static ResponseFormat responseFormat(JsonSchema schema) {
    if (schema == null || schema.rootElement() == null) {
      return ResponseFormat.jsonObject();
    }
    return ResponseFormat.jsonSchema(schemaName(schema.name()), JsonSchemas.toJson(schema.rootElement()));
  }

  /** The schema's name, made to fit the API's rule (1-64 letters, digits, '_' or '-'). */
  static String schemaName(String name) {
    if (name == null || name.isBlank()) {
      return DEFAULT_SCHEMA_NAME;
    }
    String safe = name.replaceAll("[^A-Za-z0-9_-]", "_");
    return safe.length() > 64 ? safe.substring(0, 64) : safe;
  }
}
