package ai.fireworks.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Completions and chat, streaming and not, and model routing (sections 3 and 4 of the reference). */
class InferenceTest {
  private static final String LLAMA = "accounts/fireworks/models/llama-v3p2-3b-instruct";

  @RegisterExtension
  final FireworksEmulatorExtension ext = new FireworksEmulatorExtension();
  FireworksEmulator fw;
  Http http;

  @BeforeEach
  void setUp() {
    fw = ext.emulator();
    http = new Http(fw);
    http.createDeployment("my-llama", Http.llama("\"enableAddons\":true,\"minReplicaCount\":1"));
    fw.advance(Duration.ofMinutes(1));
  }

  private Http.Resp complete(String model, String extra) {
    return http.post("/inference/v1/completions",
        "{\"model\":\"" + model + "\",\"prompt\":\"Say this is a test\"" + (extra.isEmpty() ? "" : "," + extra) + "}");
  }

  @Test
  void completionEchoesThePromptWithConsistentUsage() {
    Http.Resp r = complete(LLAMA + "#accounts/acme/deployments/my-llama", "");

    assertEquals(200, r.status(), r.body());
    JsonNode c = r.json();
    assertEquals("text_completion", c.get("object").asText());
    assertTrue(c.get("id").asText().startsWith("cmpl-"));
    assertEquals(fw.now().getEpochSecond(), c.get("created").asLong());
    assertEquals(LLAMA + "#accounts/acme/deployments/my-llama", c.get("model").asText());
    assertEquals("[llama-v3p2-3b-instruct] Say this is a test", c.at("/choices/0/text").asText());
    assertEquals("stop", c.at("/choices/0/finish_reason").asText());
    assertEquals(5, c.at("/usage/prompt_tokens").asInt());
    assertEquals(6, c.at("/usage/completion_tokens").asInt());
    assertEquals(11, c.at("/usage/total_tokens").asInt());
    assertEquals("5", r.header("fireworks-prompt-tokens"));
    assertTrue(r.header("x-request-id") != null);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      LLAMA + "#accounts/acme/deployments/my-llama",
      "fireworks/llama-v3p2-3b-instruct#acme/my-llama",
      "accounts/acme/deployments/my-llama",
      LLAMA,
      "fireworks/llama-v3p2-3b-instruct"
  })
  void everyModelIdentifierFormRoutesToTheDeployment(String model) {
    assertEquals(200, complete(model, "").status());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "accounts/fireworks/models/qwen2p5-7b-instruct",
      "accounts/fireworks/models/qwen2p5-7b-instruct#accounts/acme/deployments/my-llama",
      LLAMA + "#accounts/acme/deployments/other",
      "accounts/acme/deployedModels/nope",
      "llama-v3p2-3b-instruct"
  })
  void unroutableModelsAre404InTheInferenceShape(String model) {
    Http.Resp r = complete(model, "");

    assertEquals(404, r.status());
    JsonNode e = r.json().get("error");
    assertEquals("error", e.get("object").asText());
    assertEquals("invalid_request_error", e.get("type").asText());
    assertEquals("Model not found, inaccessible, and/or not deployed", e.get("message").asText());
    assertEquals("NOT_FOUND", e.get("code").asText());
  }

  @Test
  void aDeploymentStillCreatingIsNotRoutable() {
    http.createDeployment("fresh", Http.llama(""));

    assertEquals(404, complete("accounts/acme/deployments/fresh", "").status());
  }

  @Test
  void addonsAreServedByDeployedModelNameAndModelHashDeployment() {
    String name = http.post(http.acct("/deployedModels"),
        "{\"model\":\"accounts/acme/models/my-lora\",\"deployment\":\"accounts/acme/deployments/my-llama\"}")
        .json().get("name").asText();
    assertEquals(404, complete(name, "").status(), "not routable while DEPLOYING");
    fw.advance(Duration.ofSeconds(10));

    Http.Resp byName = complete(name, "");
    Http.Resp byHash = complete("accounts/acme/models/my-lora#accounts/acme/deployments/my-llama", "");
    Http.Resp byDefault = complete("accounts/acme/models/my-lora", "");

    assertEquals("[my-lora] Say this is a test", byName.json().at("/choices/0/text").asText());
    assertEquals("[my-lora] Say this is a test", byHash.json().at("/choices/0/text").asText());
    assertEquals("[my-lora] Say this is a test", byDefault.json().at("/choices/0/text").asText());
  }

  @Test
  void chatAnswersTheLastUserMessage() {
    Http.Resp r = http.post("/inference/v1/chat/completions", "{\"model\":\"accounts/acme/deployments/my-llama\","
        + "\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"hello there\"}]}");

    assertEquals(200, r.status(), r.body());
    JsonNode c = r.json();
    assertEquals("chat.completion", c.get("object").asText());
    assertEquals("assistant", c.at("/choices/0/message/role").asText());
    assertEquals("[llama-v3p2-3b-instruct] hello there", c.at("/choices/0/message/content").asText());
    assertEquals(4, c.at("/usage/prompt_tokens").asInt());
    assertEquals(3, c.at("/usage/completion_tokens").asInt());
  }

  @Test
  void chatOnAModelWithoutConversationConfigIs404() {
    http.createDeployment("mix", "{\"baseModel\":\"accounts/fireworks/models/mixtral-8x7b\",\"minReplicaCount\":1}");
    fw.advance(Duration.ofMinutes(1));

    Http.Resp r = http.post("/inference/v1/chat/completions",
        "{\"model\":\"accounts/acme/deployments/mix\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    assertEquals(404, r.status());
    assertEquals("model is missing conversation_config, please use /completions API instead",
        r.json().at("/error/message").asText());
    assertEquals(200, complete("accounts/acme/deployments/mix", "").status());
  }

  @Test
  void maxTokensAndStopCutTheText() {
    JsonNode cut = complete(LLAMA, "\"max_tokens\":3").json();
    JsonNode stopped = complete(LLAMA, "\"stop\":[\" is\"]").json();

    assertEquals("[llama-v3p2-3b-instruct] Say this", cut.at("/choices/0/text").asText());
    assertEquals("length", cut.at("/choices/0/finish_reason").asText());
    assertEquals(3, cut.at("/usage/completion_tokens").asInt());
    assertEquals("[llama-v3p2-3b-instruct] Say this", stopped.at("/choices/0/text").asText());
    assertEquals("stop", stopped.at("/choices/0/finish_reason").asText());
  }

  @Test
  void promptListsAndNMakeOneChoiceEach() {
    JsonNode c = http.post("/inference/v1/completions",
        "{\"model\":\"" + LLAMA + "\",\"prompt\":[\"one\",\"two words\"],\"n\":2}").json();

    assertEquals(4, c.get("choices").size());
    assertEquals("[llama-v3p2-3b-instruct] two words", c.at("/choices/3/text").asText());
    assertEquals(3, c.at("/choices/3/index").asInt());
    assertEquals(3, c.at("/usage/prompt_tokens").asInt());
  }

  @Test
  void streamingSendsDataEventsUsageInTheFinalChunkThenDone() {
    Http.Resp r = http.post("/inference/v1/chat/completions", "{\"model\":\"" + LLAMA + "\",\"stream\":true,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"stream me\"}]}");

    assertEquals(200, r.status());
    assertTrue(r.header("content-type").startsWith("text/event-stream"));
    List<String> data = events(r.body());
    assertEquals("[DONE]", data.get(data.size() - 1));
    List<JsonNode> chunks = new ArrayList<>();
    for (String d : data.subList(0, data.size() - 1)) {
      chunks.add(json(d));
    }
    assertEquals("assistant", chunks.get(0).at("/choices/0/delta/role").asText());
    StringBuilder text = new StringBuilder();
    for (JsonNode c : chunks) {
      assertEquals("chat.completion.chunk", c.get("object").asText());
      text.append(c.at("/choices/0/delta/content").asText(""));
    }
    assertEquals("[llama-v3p2-3b-instruct] stream me", text.toString());
    JsonNode last = chunks.get(chunks.size() - 1);
    assertEquals("stop", last.at("/choices/0/finish_reason").asText());
    assertEquals(3, last.at("/usage/completion_tokens").asInt());
    for (JsonNode c : chunks.subList(0, chunks.size() - 1)) {
      assertTrue(c.get("usage").isNull(), "usage is null until the last chunk");
      assertTrue(c.at("/choices/0/finish_reason").isNull());
    }
  }

  @Test
  void streamingCompletionsCarryText() {
    Http.Resp r = http.post("/inference/v1/completions", "{\"model\":\"" + LLAMA + "\",\"stream\":true,\"prompt\":\"a b\"}");

    StringBuilder text = new StringBuilder();
    List<String> data = events(r.body());
    for (String d : data.subList(0, data.size() - 1)) {
      JsonNode c = json(d);
      assertEquals("text_completion", c.get("object").asText());
      text.append(c.at("/choices/0/text").asText());
    }
    assertEquals("[llama-v3p2-3b-instruct] a b", text.toString());
  }

  @Test
  void invalidRequestsAre400InTheInferenceShape() {
    Http.Resp noModel = http.post("/inference/v1/completions", "{\"prompt\":\"x\"}");
    Http.Resp noPrompt = http.post("/inference/v1/completions", "{\"model\":\"" + LLAMA + "\"}");
    Http.Resp noMessages = http.post("/inference/v1/chat/completions", "{\"model\":\"" + LLAMA + "\",\"messages\":[]}");
    Http.Resp badTemperature = complete(LLAMA, "\"temperature\":3");
    Http.Resp both = complete(LLAMA, "\"max_tokens\":3,\"max_completion_tokens\":3");

    for (Http.Resp r : List.of(noModel, noPrompt, noMessages, badTemperature, both)) {
      assertEquals(400, r.status(), r.body());
      assertEquals("invalid_request_error", r.json().at("/error/type").asText());
    }
    assertEquals("model", noModel.json().at("/error/param").asText());
    assertEquals(404, http.post("/inference/v1/images/generations", "{}").status());
    assertEquals(405, http.get("/inference/v1/completions").status());
  }

  private static List<String> events(String body) {
    List<String> out = new ArrayList<>();
    for (String block : body.split("\n\n")) {
      if (!block.isBlank()) {
        assertTrue(block.startsWith("data: "), block);
        out.add(block.substring(6));
      }
    }
    return out;
  }

  private static JsonNode json(String s) {
    try {
      return Http.MAPPER.readTree(s);
    } catch (java.io.IOException e) {
      throw new AssertionError(s, e);
    }
  }
}
