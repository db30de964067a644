package ai.fireworks.sdk.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ValidationTest extends InferenceTestSupport {
  static final ModelRef LLAMA = ModelRef.of(ModelName.parse("accounts/fireworks/models/llama-v3p1-8b-instruct"));

  @AfterEach
  void nothingWasSent() {
    assertEquals(0, server.getRequestCount(), "validation must fail before any request is sent");
  }

  private static void rejects(String expectedMessage, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertEquals(expectedMessage, x.getMessage());
  }

  private static CompletionRequest.Builder completion() {
    return CompletionRequest.builder().model(LLAMA).prompt("hi");
  }

  private static ChatRequest.Builder chat() {
    return ChatRequest.builder().model(LLAMA).addMessage(ChatMessage.user("hi"));
  }

  @Test
  void samplingParametersOutsideTheirRangesAreRejectedWithFieldValueAndRule() {
    rejects("temperature must be between 0 and 2, was 2.5", () -> completion().temperature(2.5));
    rejects("temperature must be between 0 and 2, was NaN", () -> completion().temperature(Double.NaN));
    rejects("topP must be between 0 and 1, was 1.01", () -> completion().topP(1.01));
    rejects("topK must be between 0 and 100, was 101", () -> completion().topK(101));
    rejects("minP must be between 0 and 1, was -0.1", () -> completion().minP(-0.1));
    rejects("n must be between 1 and 128, was 0", () -> completion().n(0));
    rejects("n must be between 1 and 128, was 129", () -> completion().n(129));
    rejects("maxTokens must not be negative, was -1", () -> completion().maxTokens(-1));
    rejects("maxCompletionTokens must not be negative, was -1", () -> completion().maxCompletionTokens(-1));
    rejects("frequencyPenalty must be between -2 and 2, was -2.5", () -> completion().frequencyPenalty(-2.5));
    rejects("presencePenalty must be between -2 and 2, was 3.0", () -> completion().presencePenalty(3));
    rejects("repetitionPenalty must be between 0 and 2, was 2.1", () -> completion().repetitionPenalty(2.1));
    rejects("logprobs must be between 0 and 5, was 6", () -> completion().logprobs(6));
    rejects("topLogprobs must be between 0 and 5, was -1", () -> completion().topLogprobs(-1));
  }

  @Test
  void maxTokensAndMaxCompletionTokensAreRefusedTogetherAtBuildHoweverGiven() {
    String rule = "cannot be combined: max_completion_tokens is another name for max_tokens; set only one";

    rejects("max_tokens (16) and max_completion_tokens (32) " + rule,
        () -> completion().maxTokens(16).maxCompletionTokens(32).build());
    rejects("max_tokens (16) and max_completion_tokens (32) " + rule,
        () -> chat().maxTokens(16).putExtra("max_completion_tokens", 32).build());
    rejects("max_tokens (8) and max_completion_tokens (32) " + rule,
        () -> chat().maxCompletionTokens(32).putExtra("max_tokens", 8).build());
    assertEquals(32, chat().maxTokens(16).maxCompletionTokens(32).remove("max_tokens").build()
        .maxCompletionTokens().orElseThrow());
  }

  @Test
  void thinkingAndReasoningEffortAreRefusedTogetherAtBuildHoweverGiven() {
    String rule = "cannot be combined: they are two ways to control reasoning; set only one";

    rejects("thinking ({\"type\":\"enabled\",\"budget_tokens\":2048}) and reasoning_effort (\"low\") " + rule,
        () -> chat().thinking(2048).reasoningEffort("low").build());
    rejects("thinking ({\"type\":\"disabled\"}) and reasoning_effort (true) " + rule,
        () -> chat().reasoningEffort(true).putExtra("thinking", Map.of("type", "disabled")).build());
    rejects("thinking ({\"type\":\"enabled\",\"budget_tokens\":2048}) and reasoning_effort (\"max\") " + rule,
        () -> completion().thinking(2048).putExtra("reasoning_effort", "max").build());
  }

  @Test
  void thinkingBudgetMustBeAtLeast1024TypedOrExtra() {
    rejects("thinking.budget_tokens must be at least 1024, was 1023", () -> chat().thinking(1023));
    rejects("thinking.budget_tokens must be at least 1024, was 512",
        () -> chat().putExtra("thinking", Map.of("type", "enabled", "budget_tokens", 512)).build());
    rejects("thinking.budget_tokens must be an integer of at least 1024, was \"2048\"",
        () -> chat().putExtra("thinking", Map.of("type", "enabled", "budget_tokens", "2048")).build());
    rejects("thinking.budget_tokens must be at least 1024, was 100",
        () -> chat().putExtra("thinking", tree("{\"type\":\"enabled\",\"budget_tokens\":100}")).build());
    assertEquals(Map.of("type", "enabled", "budget_tokens", 1024), chat().thinking(1024).build().param("thinking").orElseThrow());
  }

  @Test
  void reasoningEffortStringsAreTheDocumentedOnesAndPutExtraSendsOthers() {
    String allowed = "reasoningEffort must be one of \"low\", \"medium\", \"high\" or \"none\", was ";
    String hatch = " (putExtra(\"reasoning_effort\", ...) sends a value this SDK does not know)";

    rejects(allowed + "\"max\"" + hatch, () -> chat().reasoningEffort("max"));
    rejects(allowed + "\"LOW\"" + hatch, () -> chat().reasoningEffort("LOW"));
    rejects(allowed + "\" \"" + hatch, () -> chat().reasoningEffort(" "));
    for (String effort : List.of("low", "medium", "high", "none")) {
      assertEquals(effort, chat().reasoningEffort(effort).build().param("reasoning_effort").orElseThrow());
    }
    assertEquals("max", chat().putExtra("reasoning_effort", "max").build().extra().get("reasoning_effort"));
  }

  @Test
  void stopAllowsAtMostFourNonEmptySequences() {
    rejects("stop allows at most 4 sequences, was 5: [a, b, c, d, e]",
        () -> completion().stop(List.of("a", "b", "c", "d", "e")));
    rejects("stop sequences must not be empty, was [a, ]", () -> completion().stop(List.of("a", "")));
    assertEquals(List.of("a", "b", "c", "d"), completion().stop(List.of("a", "b", "c", "d")).build().stop());
  }

  @Test
  void enumeratedStringsAndReservedExtrasAreChecked() {
    rejects("contextLengthExceededBehavior must be \"truncate\" or \"error\", was \"drop\"",
        () -> completion().contextLengthExceededBehavior("drop"));
    rejects("extra field name 'stream' is not allowed: the SDK sets 'stream' itself",
        () -> completion().putExtra("stream", true));
    rejects("extra field name 'model' is not allowed: the SDK sets 'model' itself",
        () -> completion().putExtra("model", "x"));
    rejects("model must not be blank", () -> completion().model(" "));
  }

  @Test
  void requiredFieldsAreCheckedAtBuild() {
    rejects("prompt is required for a completion request, was absent",
        () -> CompletionRequest.builder().model(LLAMA).build());
    rejects("messages must contain at least one message, was empty",
        () -> ChatRequest.builder().model(LLAMA).build());
    rejects("toolCallId is required for a tool message (role=tool), was absent",
        () -> ChatMessage.builder().role(ChatRole.TOOL).content("42").build());
  }

  @Test
  void promptTokensMustBeTokenIds() {
    rejects("promptTokens must contain at least one token id, was empty",
        () -> CompletionRequest.builder().promptTokens(List.of()));
    rejects("promptTokens[1] must be a token id (0 or more), was -5",
        () -> CompletionRequest.builder().promptTokens(List.of(7, -5)));
  }

  @Test
  void toolDefinitionsAndFormatsAreChecked() {
    rejects("function name must be 1-64 letters, digits, '_' or '-', was 'get weather'",
        () -> Tool.ofFunction("get weather", "d", tree("{\"type\":\"object\"}")));
    rejects("function 'f' parameters must be a JSON Schema object, was ARRAY",
        () -> Tool.ofFunction("f", "d", tree("[]")));
    rejects("toolChoice names function 'missing', which is not among the tools [lookup]",
        () -> ChatRequest.builder().model(LLAMA).addMessage(ChatMessage.user("hi"))
            .addTool(Tool.ofFunction("lookup", "d", tree("{}"))).toolChoice(ToolChoice.function("missing")).build());
    rejects("responseFormat schema must be a JSON object, was STRING",
        () -> ResponseFormat.jsonSchema("s", tree("\"x\"")));
    rejects("responseFormat grammar must not be blank", () -> ResponseFormat.grammar(" "));
  }

  @Test
  void coldStartPolicyBoundsAreChecked() {
    rejects("maxBackoff must be at least initialBackoff (PT5S), was PT1S",
        () -> ColdStartPolicy.builder().maxBackoff(Duration.ofSeconds(1)).build());
    rejects("budget must not be negative, was PT-1S", () -> ColdStartPolicy.builder().budget(Duration.ofSeconds(-1)).build());
    rejects("initialBackoff must be positive, was PT0S",
        () -> ColdStartPolicy.builder().initialBackoff(Duration.ZERO).build());
  }

  @Test
  void nothingPrintsTheApiKey() {
    ChatRequest r = ChatRequest.of(LLAMA, "hi");

    for (Object o : List.of(inference, inference.on(DeploymentName.parse("accounts/acme/deployments/a")), r,
        ColdStartPolicy.defaults())) {
      assertFalse(o.toString().contains("fw_test_secret_key_123"), o.getClass().getSimpleName());
    }
  }

  @Test
  void aRequestWithoutModelNeedsABoundClient() {
    CompletionRequest noModel = CompletionRequest.builder().prompt("hi").build();

    IllegalArgumentException sync = assertThrows(IllegalArgumentException.class, () -> inference.complete(noModel));
    IllegalArgumentException async = assertThrows(IllegalArgumentException.class, () -> inference.completeAsync(noModel));
    assertTrue(sync.getMessage().startsWith("model is required"), sync.getMessage());
    assertEquals(sync.getMessage(), async.getMessage());
  }

  @Test
  void aBoundClientRejectsARequestForAnotherDeployment() {
    InferenceClient bound = inference.on(DeploymentName.parse("accounts/acme/deployments/a"));
    ChatRequest other = ChatRequest.builder()
        .model("accounts/fireworks/models/qwen3-8b#accounts/acme/deployments/b")
        .addMessage(ChatMessage.user("hi")).build();

    rejects("model accounts/fireworks/models/qwen3-8b#accounts/acme/deployments/b targets deployment "
        + "accounts/acme/deployments/b, but this client is bound to deployment accounts/acme/deployments/a",
        () -> bound.chatStreaming(other));
  }

  @Test
  void anInvalidModelStringIsRejectedBeforeSending() {
    CompletionRequest bad = CompletionRequest.builder().model("a#b#c").prompt("hi").build();

    rejects("model identifier 'a#b#c' has more than one '#'", () -> inference.complete(bad));
  }
}
