package ai.fireworks.sdk.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.DeploymentScalingUpException;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.inference.ColdStartPolicy;
import ai.fireworks.sdk.inference.ColdStartWait;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.AudioContent;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FireworksChatModelTest {
  static final ToolSpecification WEATHER = ToolSpecification.builder().name("get_weather").description("Weather in a city")
      .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build()).build();

  Emulated fw;

  @BeforeEach
  void start() {
    fw = new Emulated();
  }

  @AfterEach
  void stop() {
    fw.close();
  }

  @Test
  void helloOnADeploymentAnswersWithTheEmulatorsText() {
    String answer = FireworksChatModel.builder().client(fw.client).target(ModelRef.parse("fireworks/llama-v3p2-3b-instruct#acme/warm"))
        .build().chat("Hello");

    assertEquals("[llama-v3p2-3b-instruct] Hello", answer);
    assertEquals(Emulated.WARM.toString(), fw.lastChatBody().get("model").asText());
  }

  @Test
  void aColdStartIsRiddenThroughAndReportedToTheCallback() {
    List<ColdStartWait> waits = new CopyOnWriteArrayList<>();
    FireworksChatModel model = fw.chat(Emulated.COLD).onColdStart(waits::add).build();

    String answer = model.chat("Hello");

    assertEquals("[llama-v3p2-3b-instruct] Hello", answer);
    List<Integer> statuses = fw.emulator.journal().requests("POST", "/inference/v1/chat/completions").stream()
        .map(r -> r.status()).toList();
    assertEquals(List.of(503, 503, 200), statuses);
    Emulated.eventually(() -> waits.size() == 2);
    assertTrue(waits.get(0).isScalingUp() && waits.get(0).model().equals(Emulated.COLD), waits.get(0).toString());
  }

  @Test
  void withColdStartsDisabledTheScalingUpAnswerIsAnInternalServerErrorWithTheSdkCause() {
    FireworksChatModel model = fw.chat(Emulated.COLD).coldStartPolicy(ColdStartPolicy.disabled()).build();

    InternalServerException e = assertThrows(InternalServerException.class, () -> model.chat("Hello"));

    DeploymentScalingUpException cause = assertInstanceOf(DeploymentScalingUpException.class, e.getCause());
    assertEquals(503, cause.statusCode());
    assertTrue(e.getMessage().contains("DEPLOYMENT_SCALING_UP"), e.getMessage());
  }

  @Test
  void aMissingDeploymentIsModelNotFoundWithTheSdkCause() {
    FireworksChatModel model = fw.chat(ModelRef.parse(Emulated.LLAMA + "#accounts/acme/deployments/gone"))
        .coldStartPolicy(ColdStartPolicy.disabled()).build();

    ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> model.chat("Hello"));

    assertInstanceOf(NotFoundException.class, e.getCause());
  }

  @Test
  void everyParameterIsSentUnderItsFireworksName() {
    FireworksChatModel model = fw.chat(Emulated.WARM).defaultRequestParameters(FireworksChatRequestParameters.builder()
        .temperature(0.5).seed(7L).promptCacheKey("session-1").build()).build();
    ChatRequest request = ChatRequest.builder()
        .messages(SystemMessage.from("Be brief."), UserMessage.from("Hi"))
        .parameters(FireworksChatRequestParameters.builder().topP(0.9).topK(40).maxOutputTokens(50)
            .frequencyPenalty(0.1).presencePenalty(0.2).stopSequences("END").toolSpecifications(WEATHER)
            .toolChoice(ToolChoice.REQUIRED).reasoningEffort("low").user("u-1").parallelToolCalls(false).build())
        .build();

    ChatResponse unused = model.chat(request);

    JsonNode body = fw.lastChatBody();
    assertEquals("system", body.at("/messages/0/role").asText());
    assertEquals("Be brief.", body.at("/messages/0/content").asText());
    assertEquals(0.5, body.get("temperature").asDouble());
    assertEquals(0.9, body.get("top_p").asDouble());
    assertEquals(40, body.get("top_k").asInt());
    assertEquals(50, body.get("max_tokens").asInt());
    assertEquals(0.1, body.get("frequency_penalty").asDouble());
    assertEquals(0.2, body.get("presence_penalty").asDouble());
    assertEquals("END", body.get("stop").asText());
    assertEquals("required", body.get("tool_choice").asText());
    assertEquals("get_weather", body.at("/tools/0/function/name").asText());
    assertEquals("string", body.at("/tools/0/function/parameters/properties/city/type").asText());
    assertEquals("city", body.at("/tools/0/function/parameters/required/0").asText());
    assertEquals(7, body.get("seed").asLong());
    assertEquals("session-1", body.get("prompt_cache_key").asText());
    assertEquals("low", body.get("reasoning_effort").asText());
    assertEquals("u-1", body.get("user").asText());
    assertEquals(false, body.get("parallel_tool_calls").asBoolean());
  }

  @Test
  void aJsonSchemaResponseFormatIsSentInOpenAisForm() {
    JsonSchema schema = JsonSchema.builder().name("Person record").rootElement(JsonObjectSchema.builder()
        .addStringProperty("name").addIntegerProperty("age").required("name").build()).build();

    ChatResponse unused = fw.chat(Emulated.WARM).build().chat(ChatRequest.builder().messages(UserMessage.from("Who?"))
        .responseFormat(ResponseFormat.builder().type(dev.langchain4j.model.chat.request.ResponseFormatType.JSON)
            .jsonSchema(schema).build()).build());

    JsonNode format = fw.lastChatBody().get("response_format");
    assertEquals("json_schema", format.get("type").asText());
    assertEquals("Person_record", format.at("/json_schema/name").asText());
    assertEquals("integer", format.at("/json_schema/schema/properties/age/type").asText());
  }

  @Test
  void responsesCarryIdModelUsageAndFinishReason() {
    ChatResponse full = fw.chat(Emulated.WARM).build().chat(ChatRequest.builder()
        .messages(UserMessage.from("one two three")).build());
    ChatResponse cut = fw.chat(Emulated.WARM).build().chat(ChatRequest.builder()
        .messages(UserMessage.from("one two three")).maxOutputTokens(2).build());

    assertTrue(full.id().startsWith("chatcmpl-"), full.id());
    assertEquals(Emulated.WARM.toString(), full.modelName());
    assertEquals(FinishReason.STOP, full.finishReason());
    assertEquals(3, full.tokenUsage().inputTokenCount());
    assertEquals(4, full.tokenUsage().outputTokenCount());
    assertEquals(7, full.tokenUsage().totalTokenCount());
    assertEquals(FinishReason.LENGTH, cut.finishReason());
    assertEquals("[llama-v3p2-3b-instruct] one", cut.aiMessage().text());
  }

  @Test
  void aToolCallComesBackAsAnExecutionRequestAndItsResultIsAnswered() {
    FireworksChatModel model = fw.chat(Emulated.WARM).build();
    UserMessage question = UserMessage.from("What does get_weather say?");

    ChatResponse first = model.chat(ChatRequest.builder().messages(question).toolSpecifications(WEATHER).build());
    ToolExecutionRequest call = first.aiMessage().toolExecutionRequests().get(0);
    ChatResponse second = model.chat(ChatRequest.builder().messages(question, first.aiMessage(),
        ToolExecutionResultMessage.from(call, "sunny")).toolSpecifications(WEATHER).build());

    assertEquals(FinishReason.TOOL_EXECUTION, first.finishReason());
    assertNull(first.aiMessage().text());
    assertEquals("get_weather", call.name());
    assertEquals("{\"city\":\"city\"}", call.arguments());
    JsonNode sent = fw.lastChatBody().get("messages");
    assertEquals(call.id(), sent.at("/1/tool_calls/0/id").asText());
    assertEquals(call.id(), sent.at("/2/tool_call_id").asText());
    assertEquals("[llama-v3p2-3b-instruct] The tool get_weather returned: sunny", second.aiMessage().text());
  }

  @Test
  void imagesInAUserMessageAreSentAsContentParts() {
    ModelRef vision = fw.deploy("vision", "accounts/fireworks/models/qwen2p5-vl-32b-instruct");

    ChatResponse answer = fw.chat(vision).build().chat(UserMessage.from(TextContent.from("What is this?"),
        ImageContent.from("https://example.com/cat.png"), ImageContent.from("aGVsbG8=", "image/jpeg")));

    JsonNode content = fw.lastChatBody().at("/messages/0/content");
    assertEquals("text", content.at("/0/type").asText());
    assertEquals("https://example.com/cat.png", content.at("/1/image_url/url").asText());
    assertEquals("data:image/jpeg;base64,aGVsbG8=", content.at("/2/image_url/url").asText());
    assertEquals("[qwen2p5-vl-32b-instruct] (saw 2 images) What is this?", answer.aiMessage().text());
  }

  @Test
  void badInputAndUnsupportedContentAreRefusedBeforeSending() {
    FireworksChatModel model = fw.chat(Emulated.WARM).build();

    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> model.chat(ChatRequest.builder().messages(UserMessage.from("Hi")).temperature(3.0).build()));
    assertThrows(UnsupportedFeatureException.class,
        () -> model.chat(UserMessage.from(AudioContent.from("https://example.com/a.wav"))));

    assertTrue(bad.getMessage().contains("temperature"), bad.getMessage());
    assertEquals(0, fw.emulator.journal().requests("POST", "/inference/v1/chat/completions").size());
  }

  @Test
  void listenersSeeTheRequestAndTheResponseOrTheError() {
    List<String> seen = new CopyOnWriteArrayList<>();
    ChatModelListener listener = new ChatModelListener() {
      @Override
      public void onRequest(ChatModelRequestContext c) {
        seen.add("request " + c.chatRequest().parameters().modelName());
      }

      @Override
      public void onResponse(ChatModelResponseContext c) {
        seen.add("response " + c.chatResponse().aiMessage().text());
      }

      @Override
      public void onError(ChatModelErrorContext c) {
        seen.add("error " + c.error().getClass().getSimpleName());
      }
    };
    FireworksChatModel ok = fw.chat(Emulated.WARM).listeners(List.of(listener)).build();
    FireworksChatModel failing = fw.chat(ModelRef.parse(Emulated.LLAMA + "#accounts/acme/deployments/gone"))
        .coldStartPolicy(ColdStartPolicy.disabled()).listeners(List.of(listener)).build();

    ok.chat("Hi");
    assertThrows(ModelNotFoundException.class, () -> failing.chat("Hi"));

    assertEquals(List.of("request " + Emulated.WARM, "response [llama-v3p2-3b-instruct] Hi",
        "request " + Emulated.LLAMA + "#accounts/acme/deployments/gone", "error ModelNotFoundException"), seen);
  }

  @Test
  void theModelNeedsExactlyOneClientAndATarget() {
    IllegalArgumentException noClient = assertThrows(IllegalArgumentException.class,
        () -> FireworksChatModel.builder().target(Emulated.WARM).build());
    IllegalArgumentException noTarget = assertThrows(IllegalArgumentException.class,
        () -> FireworksChatModel.builder().client(fw.client).build());

    assertTrue(noClient.getMessage().contains("client"), noClient.getMessage());
    assertTrue(noTarget.getMessage().contains("target"), noTarget.getMessage());
    assertTrue(FireworksChatModel.builder().client(fw.client).target(Emulated.WARM).build().toString()
        .contains(Emulated.WARM.toString()));
    assertTrue(!fw.chat(Emulated.WARM).build().toString().contains(fw.emulator.apiKey()));
  }

  @Test
  void anAssistantMessageWithTextIsSentBack() {
    ChatResponse unused = fw.chat(Emulated.WARM).build().chat(UserMessage.from("Hi"), AiMessage.from("Hello!"),
        UserMessage.from("Again"));

    assertEquals("assistant", fw.lastChatBody().at("/messages/1/role").asText());
    assertEquals("Hello!", fw.lastChatBody().at("/messages/1/content").asText());
  }
}
