package ai.fireworks.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The emulator's deterministic tool calls: a call when the user names a tool, a quote of the tool's result after. */
class ToolCallingTest {
  private static final String MODEL = "accounts/fireworks/models/llama-v3p2-3b-instruct#accounts/acme/deployments/my-llama";
  private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"noop\","
      + "\"parameters\":{\"type\":\"object\",\"properties\":{}}}},"
      + "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
      + "\"properties\":{\"city\":{\"type\":\"string\"},\"days\":{\"type\":\"integer\"},\"unit\":{\"type\":\"string\","
      + "\"enum\":[\"celsius\",\"fahrenheit\"]},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"boolean\"}},"
      + "\"where\":{\"type\":\"object\",\"properties\":{\"lat\":{\"type\":\"number\"}},\"required\":[\"lat\"]},"
      + "\"note\":{\"type\":\"string\"}},\"required\":[\"city\",\"days\",\"unit\",\"tags\",\"where\"]}}}]";

  @RegisterExtension
  final FireworksEmulatorExtension ext = new FireworksEmulatorExtension();
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(ext.emulator());
    http.createDeployment("my-llama", Http.llama("\"minReplicaCount\":1"));
    ext.emulator().advance(Duration.ofMinutes(1));
  }

  private Http.Resp chat(String messages, String extra) {
    return http.post("/inference/v1/chat/completions", "{\"model\":\"" + MODEL + "\",\"messages\":[" + messages + "],"
        + TOOLS + extra + "}");
  }

  @Test
  void aUserMessageNamingAToolGetsACallWithTheRequiredArgumentsFilled() throws Exception {
    Http.Resp r = chat("{\"role\":\"user\",\"content\":\"What does Get Weather say for Paris?\"}", "");

    assertEquals(200, r.status(), r.body());
    JsonNode choice = r.json().at("/choices/0");
    assertEquals("tool_calls", choice.get("finish_reason").asText());
    JsonNode call = choice.at("/message/tool_calls/0");
    assertTrue(call.get("id").asText().startsWith("call_"));
    assertEquals("get_weather", call.at("/function/name").asText());
    assertEquals(Http.MAPPER.readTree("{\"city\":\"city\",\"days\":1,\"unit\":\"celsius\",\"tags\":[true],"
        + "\"where\":{\"lat\":1.5}}"), Http.MAPPER.readTree(call.at("/function/arguments").asText()));
  }

  @Test
  void aStreamedCallArrivesInFragmentsThatJoinToTheSameCall() {
    Http.Resp whole = chat("{\"role\":\"user\",\"content\":\"call noop\"}", "");
    Http.Resp streamed = chat("{\"role\":\"user\",\"content\":\"call noop\"}", ",\"stream\":true");

    List<JsonNode> chunks = Arrays.stream(streamed.body().split("\n\n")).map(String::strip)
        .filter(e -> e.startsWith("data: {")).map(e -> new Http.Resp(200, null, e.substring(6)).json())
        .collect(Collectors.toList());
    String arguments = chunks.stream().map(c -> c.at("/choices/0/delta/tool_calls/0/function/arguments").asText(""))
        .collect(Collectors.joining());
    assertTrue(streamed.body().strip().endsWith("data: [DONE]"));
    assertEquals(whole.json().at("/choices/0/message/tool_calls/0/function/arguments").asText(), arguments);
    assertEquals("noop", chunks.get(1).at("/choices/0/delta/tool_calls/0/function/name").asText());
    JsonNode last = chunks.get(chunks.size() - 1);
    assertEquals("tool_calls", last.at("/choices/0/finish_reason").asText());
    assertEquals(1, last.at("/usage/completion_tokens").asInt());
  }

  @Test
  void afterAToolResultTheAnswerQuotesIt() {
    Http.Resp r = chat("{\"role\":\"user\",\"content\":\"get_weather for Paris\"},"
        + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
        + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{}\"}}]},"
        + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"sunny, 21 C\"}", "");

    JsonNode choice = r.json().at("/choices/0");
    assertEquals("stop", choice.get("finish_reason").asText());
    assertEquals("[llama-v3p2-3b-instruct] The tool get_weather returned: sunny, 21 C",
        choice.at("/message/content").asText());
  }

  @Test
  void toolChoiceNoneOrAMessageNamingNoToolGetsTheUsualEcho() {
    Http.Resp none = chat("{\"role\":\"user\",\"content\":\"get_weather please\"}", ",\"tool_choice\":\"none\"");
    Http.Resp unnamed = chat("{\"role\":\"user\",\"content\":\"hello\"}", "");

    assertEquals("[llama-v3p2-3b-instruct] get_weather please", none.json().at("/choices/0/message/content").asText());
    assertEquals("[llama-v3p2-3b-instruct] hello", unnamed.json().at("/choices/0/message/content").asText());
  }

  @Test
  void aForcedOrRequiredToolIsCalledEvenIfUnnamed() {
    Http.Resp forced = chat("{\"role\":\"user\",\"content\":\"hello\"}",
        ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");
    Http.Resp required = chat("{\"role\":\"user\",\"content\":\"hello\"}", ",\"tool_choice\":\"required\"");

    assertEquals("get_weather", forced.json().at("/choices/0/message/tool_calls/0/function/name").asText());
    assertEquals("noop", required.json().at("/choices/0/message/tool_calls/0/function/name").asText());
    assertEquals("{}", required.json().at("/choices/0/message/tool_calls/0/function/arguments").asText());
  }
}
