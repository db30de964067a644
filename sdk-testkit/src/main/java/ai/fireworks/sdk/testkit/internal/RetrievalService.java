package ai.fireworks.sdk.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code /inference/v1/embeddings} and {@code /inference/v1/rerank}, routed and cold-started like
 * completions. Embeddings are deterministic unit vectors seeded by the served model and the text
 * (same text, same vector), of the model's dimension (4096 for {@code *embedding-8b}, 2560 for
 * {@code *embedding-4b}, else 1024) or the first {@code dimensions} of it, renormalised. Rerank
 * scores are word overlap: the share of the query's distinct words found in the document.
 */
final class RetrievalService {
  private static final Set<String> RERANK_FIELDS = Set.of("model", "query", "documents", "top_n", "return_documents",
      "task");

  private final InferenceService inference;

  RetrievalService(InferenceService inference) {
    this.inference = inference;
  }

  Reply embeddings(JsonNode body) {
    String model = model(body);
    List<String> inputs = new ArrayList<>();
    JsonNode input = body.get("input");
    if (input != null && input.isTextual()) {
      inputs.add(input.asText());
    } else if (input != null && input.isArray() && !input.isEmpty()) {
      for (JsonNode x : input) {
        if (!x.isTextual()) {
          throw InferenceService.invalid("input must be a string or a non-empty array of strings, got an element " + x,
              "input");
        }
        inputs.add(x.asText());
      }
    } else {
      throw InferenceService.invalid("input must be a string or a non-empty array of strings", "input");
    }
    String served = inference.serve(model, false);
    served = served.substring(served.lastIndexOf('/') + 1);
    int full = served.contains("embedding-8b") ? 4096 : served.contains("embedding-4b") ? 2560 : 1024;
    int dims = full;
    JsonNode d = body.get("dimensions");
    if (d != null && !d.isNull()) {
      if (!d.isIntegralNumber() || d.asLong() < 1 || d.asLong() > full) {
        throw InferenceService.invalid("dimensions must be an integer between 1 and " + full + " for " + served
            + ", got " + d, "dimensions");
      }
      dims = d.asInt();
    }
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("object", "list");
    ArrayNode data = r.putArray("data");
    int tokens = 0;
    for (int i = 0; i < inputs.size(); i++) {
      ObjectNode e = data.addObject();
      e.put("object", "embedding");
      e.put("index", i);
      ArrayNode v = e.putArray("embedding");
      for (float x : vector(served, inputs.get(i), full, dims)) {
        v.add(x);
      }
      tokens += Math.max(1, InferenceService.words(inputs.get(i)));
    }
    r.put("model", model);
    r.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    return Reply.json(200, r);
  }

  Reply rerank(JsonNode body) {
    body.fieldNames().forEachRemaining(f -> {
      if (!RERANK_FIELDS.contains(f)) {
        throw InferenceService.invalid("unknown field \"" + f + "\": rerank accepts only " + RERANK_FIELDS, f);
      }
    });
    String model = model(body);
    JsonNode q = body.get("query");
    if (q == null || !q.isTextual()) {
      throw InferenceService.invalid("query is required and must be a string", "query");
    }
    JsonNode docs = body.get("documents");
    if (docs == null || !docs.isArray() || docs.isEmpty()) {
      throw InferenceService.invalid("documents is required and must be a non-empty array of strings", "documents");
    }
    JsonNode topN = body.get("top_n");
    if (topN != null && (!topN.isIntegralNumber() || topN.asLong() < 1)) {
      throw InferenceService.invalid("top_n must be an integer >= 1, got " + topN, "top_n");
    }
    JsonNode ret = body.get("return_documents");
    if (ret != null && !ret.isBoolean()) {
      throw InferenceService.invalid("return_documents must be a boolean, got " + ret, "return_documents");
    }
    JsonNode task = body.get("task");
    if (task != null && !task.isTextual()) {
      throw InferenceService.invalid("task must be a string, got " + task, "task");
    }
    inference.serve(model, false);
    Set<String> query = words(q.asText());
    List<double[]> scored = new ArrayList<>();
    int tokens = 0;
    for (int i = 0; i < docs.size(); i++) {
      if (!docs.get(i).isTextual()) {
        throw InferenceService.invalid("documents[" + i + "] must be a string", "documents");
      }
      Set<String> w = words(docs.get(i).asText());
      long hits = query.stream().filter(w::contains).count();
      scored.add(new double[] {i, query.isEmpty() ? 0 : (double) hits / query.size()});
      tokens += InferenceService.words(q.asText()) + InferenceService.words(docs.get(i).asText());
    }
    scored.sort(Comparator.<double[]>comparingDouble(s -> -s[1]).thenComparingDouble(s -> s[0]));
    int n = topN == null ? scored.size() : (int) Math.min(scored.size(), topN.asLong());
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("object", "list");
    r.put("model", model);
    ArrayNode data = r.putArray("data");
    for (double[] s : scored.subList(0, n)) {
      ObjectNode x = data.addObject();
      x.put("index", (int) s[0]);
      x.put("relevance_score", s[1]);
      if (ret == null || ret.asBoolean()) {
        x.put("document", docs.get((int) s[0]).asText());
      }
    }
    r.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    return Reply.json(200, r);
  }

  private static String model(JsonNode body) {
    JsonNode m = body.get("model");
    if (m == null || !m.isTextual() || m.asText().isBlank()) {
      throw InferenceService.invalid("model is required", "model");
    }
    return m.asText();
  }

  /** The first {@code dims} of a pseudo-random {@code full}-dimension vector seeded by model and text, as a unit vector. */
  static float[] vector(String model, String text, int full, int dims) {
    SplittableRandom random = new SplittableRandom(seed(model + "\n" + text));
    float[] v = new float[dims];
    double norm = 0;
    for (int i = 0; i < dims; i++) {
      v[i] = (float) (random.nextDouble() * 2 - 1);
      norm += v[i] * (double) v[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < dims; i++) {
      v[i] *= scale;
    }
    return v;
  }

  private static long seed(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      long x = 0;
      for (int i = 0; i < 8; i++) {
        x = (x << 8) | (h[i] & 0xff);
      }
      return x;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
