package ai.fireworks.sdk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class RequestBodyTest extends InferenceTestSupport {
  static final ModelName QWEN = ModelName.parse("accounts/fireworks/models/qwen3-8b");
  static final ModelName LLAMA = ModelName.parse("accounts/fireworks/models/llama-v3p1-8b-instruct");
  static final DeploymentName MY_QWEN = DeploymentName.parse("accounts/acme/deployments/my-qwen");

  @Test
  void chatSendsEveryModeledFieldInSnakeCase() throws Exception {
    server.enqueue(json(200, fixture("chat-completion.json")));
    ChatRequest request = ChatRequest.builder()
        .model(ModelRef.of(QWEN, MY_QWEN))
        .addMessages(ChatMessage.system("You are terse."), ChatMessage.user("Weather in Paris?"))
        .addMessage(ChatMessage.builder().role(ChatRole.ASSISTANT)
            .addToolCalls(ToolCall.of("call_1", "get_weather", "{\"city\":\"Paris\"}")).build())
        .addMessage(ChatMessage.tool("call_1", "{\"temp\":21}"))
        .addTool(Tool.ofFunction("get_weather", "Current weather for a city", Map.of("type", "object",
            "properties", Map.of("city", Map.of("type", "string")), "required", List.of("city"))))
        .toolChoice(ToolChoice.AUTO).parallelToolCalls(false)
        .maxTokens(256).temperature(0.7).topP(0.9).topK(40).n(2).stop(List.of("</answer>", "\n\n")).seed(42)
        .logprobs(true).topLogprobs(3).frequencyPenalty(0.5).presencePenalty(-0.5).repetitionPenalty(1.1)
        .responseFormat(ResponseFormat.jsonSchema("weather", tree("{\"type\":\"object\"}"), true))
        .user("user-1234").promptCacheKey("session-abc").contextLengthExceededBehavior("error")
        .perfMetricsInResponse(true).reasoningEffort("low").putExtra("mirostat_target", 5.0)
        .build();

    inference.chat(request);

    RecordedRequest sent = take();
    assertEquals("POST", sent.getMethod());
    assertEquals("/inference/v1/chat/completions", sent.getTarget());
    assertEquals("Bearer fw_test_secret_key_123", sent.getHeaders().get("Authorization"));
    assertEquals(tree(fixture("chat-request-full.json")), body(sent));
  }

  @Test
  void completionSendsPromptSingleStopAndExtras() throws Exception {
    server.enqueue(json(200, fixture("completion.json")));
    CompletionRequest request = CompletionRequest.builder().model(ModelRef.of(LLAMA)).prompt("Say this is a test")
        .maxTokens(16).temperature(0).stop("\n").logprobs(2).echo(true).minP(0.05)
        .responseFormat(ResponseFormat.grammar("root ::= \"yes\" | \"no\""))
        .putExtra("logit_bias", Map.of("1734", -100))
        .build();

    inference.complete(request);

    RecordedRequest sent = take();
    assertEquals("/inference/v1/completions", sent.getTarget());
    assertEquals(tree(fixture("completion-request-full.json")), body(sent));
  }

  @Test
  void shortModelFormIsResolvedAgainstTheClientAccount() throws Exception {
    server.enqueue(json(200, fixture("completion.json")));

    inference.complete(CompletionRequest.builder().model("fireworks/llama-v3p1-8b-instruct#my-llama")
        .prompt("hi").build());

    assertEquals("accounts/fireworks/models/llama-v3p1-8b-instruct#accounts/acme/deployments/my-llama",
        body(take()).get("model").asText());
  }

  @Test
  void boundClientAppendsItsDeploymentToTheModel() throws Exception {
    server.enqueue(json(200, fixture("chat-completion.json")));
    server.enqueue(json(200, fixture("chat-completion.json")));
    InferenceClient bound = inference.on(MY_QWEN);

    bound.chat(ChatRequest.builder().model(ModelRef.of(QWEN)).addMessage(ChatMessage.user("a")).build());
    bound.chat(ChatRequest.builder().addMessage(ChatMessage.user("b")).build());

    assertEquals("accounts/fireworks/models/qwen3-8b#accounts/acme/deployments/my-qwen", body(take()).get("model").asText());
    assertEquals("accounts/acme/deployments/my-qwen", body(take()).get("model").asText());
  }

  @Test
  void extraFieldOverridesAModeledOneAndNothingUnsetIsSent() throws Exception {
    server.enqueue(json(200, fixture("completion.json")));

    inference.complete(CompletionRequest.builder().model(ModelRef.of(LLAMA)).prompt("hi").maxTokens(5)
        .putExtra("max_tokens", 7).build());

    RecordedRequest sent = take();
    assertEquals(tree("{\"model\":\"accounts/fireworks/models/llama-v3p1-8b-instruct\",\"prompt\":\"hi\","
        + "\"max_tokens\":7}"), body(sent));
  }

  @Test
  void echoWithZeroMaxTokensScoresThePrompt() throws Exception {
    server.enqueue(json(200, fixture("completion.json")));

    inference.complete(CompletionRequest.builder().model(ModelRef.of(LLAMA)).prompt("hi").echo(true).maxTokens(0)
        .logprobs(1).build());

    assertEquals(tree("{\"model\":\"accounts/fireworks/models/llama-v3p1-8b-instruct\",\"prompt\":\"hi\","
        + "\"echo\":true,\"max_tokens\":0,\"logprobs\":1}"), body(take()));
  }

  @Test
  void maxCompletionTokensAndThinkingAreSentAsTheReferenceSpellsThem() throws Exception {
    server.enqueue(json(200, fixture("chat-completion.json")));

    inference.chat(ChatRequest.builder().model(ModelRef.of(QWEN)).addMessage(ChatMessage.user("hi"))
        .maxCompletionTokens(4096).thinking(2048).build());

    JsonNode sent = body(take());
    assertEquals(4096, sent.get("max_completion_tokens").intValue());
    assertEquals(tree("{\"type\":\"enabled\",\"budget_tokens\":2048}"), sent.get("thinking"));
    assertFalse(sent.has("max_tokens"));
  }

  @Test
  void extraPromptMaySupplyTokenIds() throws Exception {
    server.enqueue(json(200, fixture("completion.json")));

    inference.complete(CompletionRequest.builder().model(ModelRef.of(LLAMA)).putExtra("prompt", List.of(1, 2, 3)).build());

    assertEquals(tree("[1,2,3]"), body(take()).get("prompt"));
  }

  @Test
  void promptTokensAreSentAsTheIdsAndTheLastPromptSetWins() throws Exception {
    server.enqueue(json(200, fixture("completion.json")));
    CompletionRequest tokens = CompletionRequest.builder().model(ModelRef.of(LLAMA)).prompt("replaced")
        .promptTokens(List.of(1, 2)).maxTokens(4).build();

    inference.complete(tokens);

    assertEquals(tree("[1,2]"), body(take()).get("prompt"));
    assertEquals(List.of(1, 2), tokens.promptTokens());
    assertTrue(tokens.prompt().isEmpty());
    CompletionRequest text = tokens.toBuilder().prompt("Once").build();
    assertEquals("Once", text.toJson().get("prompt").asText());
    assertTrue(text.promptTokens().isEmpty());
    assertEquals(tokens, tokens.toBuilder().build());
  }

  @Test
  void toBuilderCopiesEveryField() {
    ChatRequest original = ChatRequest.builder().model("accounts/fireworks/models/qwen3-8b")
        .addMessage(ChatMessage.user("hi")).temperature(1.5).stop("x").toolChoice(ToolChoice.NONE)
        .putExtra("ignore_eos", true).build();

    ChatRequest copy = original.toBuilder().build();
    ChatRequest changed = original.toBuilder().temperature(0.1).build();

    assertEquals(original, copy);
    assertEquals(original.toJson(), copy.toJson());
    assertEquals(0.1, changed.temperature().orElseThrow());
    assertEquals(1.5, original.temperature().orElseThrow());
    assertEquals(List.of("x"), changed.stop());
    assertEquals(true, changed.extra().get("ignore_eos"));
  }

  @Test
  void toolChoiceFunctionIsSentAsAnObject() {
    ChatRequest r = ChatRequest.builder().model(ModelRef.of(QWEN)).addMessage(ChatMessage.user("hi"))
        .addTool(Tool.ofFunction("lookup", "Search", tree("{\"type\":\"object\"}")))
        .toolChoice(ToolChoice.function("lookup")).build();

    assertEquals(tree("{\"type\":\"function\",\"function\":{\"name\":\"lookup\"}}"), r.toJson().get("tool_choice"));
    assertFalse(r.toJson().has("stream"));
    assertTrue(r.param("tool_choice").isEmpty(), "tool_choice is a chat field, not a shared parameter");
  }
}
