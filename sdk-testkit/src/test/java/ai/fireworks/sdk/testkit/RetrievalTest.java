package ai.fireworks.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The emulator's embeddings and rerank endpoints over raw HTTP. */
class RetrievalTest {
  private static final String EMB = "accounts/fireworks/models/qwen3-embedding-0p6b#accounts/acme/deployments/emb";
  private static final String RR = "accounts/fireworks/models/qwen3-reranker-0p6b#accounts/acme/deployments/rr";

  @RegisterExtension
  final FireworksEmulatorExtension ext = new FireworksEmulatorExtension();
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(ext.emulator());
    http.createDeployment("emb", "{\"baseModel\":\"accounts/fireworks/models/qwen3-embedding-0p6b\",\"minReplicaCount\":1}");
    http.createDeployment("rr", "{\"baseModel\":\"accounts/fireworks/models/qwen3-reranker-0p6b\",\"minReplicaCount\":1}");
    ext.emulator().advance(Duration.ofMinutes(1));
  }

  @Test
  void embeddingsAreDeterministicUnitVectorsOfTheModelsDimension() {
    JsonNode a = embed("\"input\":[\"hello world\",\"goodbye\",\"hello world\"]");

    List<JsonNode> data = List.of(a.at("/data/0/embedding"), a.at("/data/1/embedding"), a.at("/data/2/embedding"));
    assertEquals(1024, data.get(0).size());
    assertEquals(1.0, norm(data.get(0)), 1e-5);
    assertEquals(data.get(0), data.get(2), "same text, same vector");
    assertNotEquals(data.get(0), data.get(1), "different texts, different vectors");
    assertEquals(data.get(0), embed("\"input\":\"hello world\"").at("/data/0/embedding"), "and across requests");
    assertEquals("list", a.get("object").asText());
    assertEquals(EMB, a.get("model").asText());
    assertEquals(5, a.at("/usage/prompt_tokens").asInt());
  }

  @Test
  void embeddingsHonourDimensions() {
    JsonNode v = embed("\"input\":\"hello world\",\"dimensions\":64").at("/data/0/embedding");

    assertEquals(64, v.size());
    assertEquals(1.0, norm(v), 1e-5);
    assertEquals(400, http.post("/inference/v1/embeddings", "{\"model\":\"" + EMB
        + "\",\"input\":\"x\",\"dimensions\":1025}").status());
  }

  @Test
  void invalidEmbeddingRequestsAre400() {
    for (String body : List.of("{\"input\":\"x\"}", "{\"model\":\"" + EMB + "\"}", "{\"model\":\"" + EMB
        + "\",\"input\":[]}", "{\"model\":\"" + EMB + "\",\"input\":[1]}")) {
      Http.Resp r = http.post("/inference/v1/embeddings", body);
      assertEquals(400, r.status(), body);
      assertEquals("invalid_request_error", r.json().at("/error/type").asText());
    }
  }

  @Test
  void rerankOrdersByWordOverlapKeepingIndexes() {
    JsonNode r = http.post("/inference/v1/rerank", "{\"model\":\"" + RR + "\",\"query\":\"scale deployments to zero\","
        + "\"documents\":[\"Paris is in France\",\"Deployments scale to zero when idle\",\"scale up\"],\"top_n\":2}")
        .json();

    assertEquals(2, r.get("data").size());
    assertEquals(1, r.at("/data/0/index").asInt());
    assertEquals(1.0, r.at("/data/0/relevance_score").asDouble(), 1e-9);
    assertEquals(2, r.at("/data/1/index").asInt());
    assertEquals(0.25, r.at("/data/1/relevance_score").asDouble(), 1e-9);
    assertEquals("scale up", r.at("/data/1/document").asText());
  }

  @Test
  void rerankCanLeaveDocumentsOutAndRejectsUnknownFields() {
    JsonNode r = http.post("/inference/v1/rerank", "{\"model\":\"" + RR + "\",\"query\":\"q\",\"documents\":[\"q\"],"
        + "\"return_documents\":false}").json();
    assertFalse(r.at("/data/0").has("document"));

    Http.Resp unknown = http.post("/inference/v1/rerank", "{\"model\":\"" + RR + "\",\"query\":\"q\",\"documents\":[\"q\"],"
        + "\"temperature\":0}");
    assertEquals(400, unknown.status());
    assertEquals("temperature", unknown.json().at("/error/param").asText());
    assertEquals(400, http.post("/inference/v1/rerank", "{\"model\":\"" + RR + "\",\"query\":\"q\",\"documents\":[]}")
        .status());
  }

  private JsonNode embed(String fields) {
    Http.Resp r = http.post("/inference/v1/embeddings", "{\"model\":\"" + EMB + "\"," + fields + "}");
    assertEquals(200, r.status(), r.body());
    return r.json();
  }

  private static double norm(JsonNode v) {
    double s = 0;
    for (JsonNode x : v) {
      s += x.asDouble() * x.asDouble();
    }
    return Math.sqrt(s);
  }
}
