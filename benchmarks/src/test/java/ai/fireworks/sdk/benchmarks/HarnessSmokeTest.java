package ai.fireworks.sdk.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Keeps the harness honest without running any benchmark: the loopback server answers what the
 * contenders expect, and the raw contender reads it (well under a second, loopback only).
 */
class HarnessSmokeTest {
  @Test
  void loopbackServerServesTheCannedChatAndTheFullStream() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(0);
         Contender raw = Contender.create("raw", "http://127.0.0.1:" + server.port())) {
      assertEquals(Payloads.ANSWER, raw.chat());
      assertEquals(Payloads.ANSWER, raw.chatAsync().get());
      assertEquals(Payloads.STREAM_CHUNKS, raw.stream());
      assertEquals(Payloads.ANSWER, raw.chat(), "the connection is reused after a stream");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void steadyStateMeasuresEveryFigureItWasAskedFor() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(0)) {
      java.util.Map<String, Object> out = SteadyState.measure("http://127.0.0.1:" + server.port(), true,
          java.util.List.of("--quick", "raw=chat,throughput", "raw_default=stream", "sdk=embed"));

      java.util.Map<String, Object> raw = (java.util.Map<String, Object>) out.get("raw");
      java.util.Map<String, Double> chat = (java.util.Map<String, Double>) raw.get("chat");
      assertTrue(chat.get("cpu_us_per_op") > 0 && chat.get("wall_us_per_op") > 0 && chat.get("alloc_bytes_per_op") > 0,
          chat.toString());
      assertEquals(java.util.Set.of("chat", "c1", "c16", "c64"), raw.keySet());
      assertEquals(0.0, ((java.util.Map<String, Double>) raw.get("c64")).get("errors"));
      assertTrue(((java.util.Map<String, Double>) raw.get("c64")).get("requests") > 0);
      assertTrue(((java.util.Map<String, Double>) raw.get("c64")).get("jit_ms") >= 0, "compile time in the window");
      assertEquals(java.util.Set.of("stream"), ((java.util.Map<String, Object>) out.get("raw_default")).keySet());
      assertTrue(out.containsKey("warmup"));
      assertEquals(java.util.Set.of("embed"), ((java.util.Map<String, Object>) out.get("sdk")).keySet());
      assertTrue(out.containsKey("warmup_embed"), "embeddings get a warm-up of their own");
    }
  }

  @Test
  void streamIsRequestedOnlyByAJsonTrue() {
    assertTrue(wants("{\"model\":\"m\",\"stream\" : true}"));
    assertTrue(wants("{\"stream\":true,\"model\":\"m\"}"));
    assertFalse(wants("{\"stream\":false}"));
    assertFalse(wants("{\"model\":\"m\"}"));
  }

  @Test
  void severalRunsGiveEachRatioItsMedianAndEveryRunsValue() throws Exception {
    java.util.List<com.fasterxml.jackson.databind.JsonNode> runs = new java.util.ArrayList<>();
    for (String v : new String[] {"1.3", "1.0", "1.05"}) {
      runs.add(Results.MAPPER.readTree("{\"cpu_per_request_sdk_over_raw\":" + v + ",\"missing\":null,"
          + "\"targets\":{\"cpu_per_request_sdk_over_raw\":{\"target\":\"<= 1.10\",\"met\":" + (Double.parseDouble(v) <= 1.1)
          + "}},\"measurements\":{}}"));
    }

    com.fasterxml.jackson.databind.JsonNode merged = Runs.merge(runs);

    assertEquals(1.05, merged.get("cpu_per_request_sdk_over_raw").asDouble());
    assertEquals("[1.3,1.0,1.05]", merged.get("cpu_per_request_sdk_over_raw_runs").toString());
    assertTrue(merged.get("missing").isNull());
    assertTrue(merged.at("/targets/cpu_per_request_sdk_over_raw/met").asBoolean(), merged.toString());
    assertFalse(merged.at("/targets/cpu_per_request_sdk_over_raw/met_in_every_run").asBoolean());
    assertEquals(3, merged.get("runs").size());
  }

  @Test
  void targetsCompareInTheStatedDirection() {
    assertTrue(Report.met(1.1, "<= 1.15"));
    assertFalse(Report.met(0.8, ">= 0.9"));
    assertFalse(Report.met(1.0, "< 1"));
  }

  @Test
  void roundsAreMergedFigureByFigureIntoTheirMedian() throws Exception {
    com.fasterxml.jackson.databind.JsonNode merged = Report.median(java.util.List.of(
        Results.MAPPER.readTree("{\"chat\":{\"cpu\":300,\"wall\":9},\"name\":\"sdk\"}"),
        Results.MAPPER.readTree("{\"chat\":{\"cpu\":100,\"wall\":7},\"name\":\"sdk\"}"),
        Results.MAPPER.readTree("{\"chat\":{\"cpu\":200,\"wall\":8},\"name\":\"sdk\"}")));

    assertEquals(200, merged.at("/chat/cpu").asInt());
    assertEquals(8, merged.at("/chat/wall").asInt());
    assertEquals("sdk", merged.get("name").asText());

    com.fasterxml.jackson.databind.JsonNode two = Report.median(java.util.List.of(
        Results.MAPPER.readTree("{\"cpu\":100,\"quiet\":true}"),
        Results.MAPPER.readTree("{\"cpu\":300,\"quiet\":false}")));
    assertEquals(200, two.get("cpu").asInt(), "an even count takes the mean of the middle two");
    assertFalse(two.get("quiet").asBoolean(), "a flag holds only if it held in every round");
  }

  @Test
  void theSameJvmRatioIsTheMedianOfEachRoundsOwnRatio(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    double[][] rawSdk = {{100, 110}, {200, 210}, {150, 180}}; // per round: 1.10, 1.05, 1.20
    for (int r = 0; r < rawSdk.length; r++) {
      java.nio.file.Files.writeString(dir.resolve("steady-same_jvm-r" + (r + 1) + ".json"),
          "{\"raw\":{\"chat\":{\"cpu_us_per_op\":" + rawSdk[r][0] + "}},"
          + "\"sdk\":{\"chat\":{\"cpu_us_per_op\":" + rawSdk[r][1] + "}}}");
    }
    java.nio.file.Path summary = dir.resolve("summary.json");

    Report.main(new String[] {dir.toString(), summary.toString()});

    com.fasterxml.jackson.databind.JsonNode s = Results.MAPPER.readTree(summary.toFile());
    assertEquals(1.1, s.get("cpu_per_request_sdk_over_raw_same_jvm").asDouble(),
        "per round, then the median: not the ratio of the medians (180 / 150 = 1.2)");
    assertFalse(s.path("targets").has("cpu_per_request_sdk_over_raw_same_jvm"), "a diagnostic, without a goal");
  }

  private static boolean wants(String body) {
    byte[] b = body.getBytes(StandardCharsets.US_ASCII);
    return LoopbackServer.wantsStream(b, 0, b.length);
  }
}
