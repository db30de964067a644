package ai.fireworks.sdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Merges the {@code summary.json} of several full runs ({@code benchmarks/run --runs N}) into one:
 * each ratio {@code <name>} becomes the median of the runs, {@code <name>_runs} lists every run's
 * value in order, {@code targets} is judged on the median and says whether every run met it, and
 * {@code runs} keeps each run's own summary. {@code Runs <out.json> <run1.json> <run2.json> ...}.
 */
public final class Runs {
  private Runs() {}

  public static void main(String[] args) throws IOException {
    List<JsonNode> runs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      runs.add(Results.MAPPER.readTree(new File(args[i])));
    }
    JsonNode merged = merge(runs);
    Results.write(args[0], merged);
    System.out.println("Ratios over " + runs.size() + " runs (median; every run's value)");
    merged.properties().forEach(e -> {
      if (e.getValue().isNumber() || e.getValue().isNull()) {
        System.out.printf(java.util.Locale.ROOT, "  %-44s %10s  %s%n", e.getKey(), e.getValue(),
            merged.path(e.getKey() + "_runs"));
      }
    });
    System.out.println("summary: " + args[0]);
  }

  static JsonNode merge(List<JsonNode> runs) {
    ObjectNode root = Results.MAPPER.createObjectNode();
    JsonNode first = runs.get(0);
    List<String> names = new ArrayList<>();
    first.properties().forEach(e -> {
      if (e.getValue().isNumber() || e.getValue().isNull()) {
        names.add(e.getKey());
      }
    });
    for (String name : names) {
      ArrayNode values = Results.MAPPER.createArrayNode();
      runs.forEach(r -> values.add(r.path(name)));
      double[] numbers = StreamSupport.stream(values.spliterator(), false).filter(JsonNode::isNumber)
          .mapToDouble(JsonNode::asDouble).toArray();
      if (numbers.length == 0) {
        root.putNull(name);
      } else {
        root.put(name, Math.round(Results.median(java.util.Arrays.stream(numbers)) * 1000) / 1000.0);
      }
      root.set(name + "_runs", values);
    }
    ObjectNode targets = root.putObject("targets");
    for (Map.Entry<String, JsonNode> e : first.path("targets").properties()) {
      String target = e.getValue().path("target").asText();
      JsonNode median = root.path(e.getKey());
      boolean every = runs.stream().allMatch(r -> r.path("targets").path(e.getKey()).path("met").asBoolean());
      targets.putObject(e.getKey()).put("target", target)
          .put("met", median.isNumber() && Report.met(median.asDouble(), target)).put("met_in_every_run", every);
    }
    ArrayNode all = root.putArray("runs");
    runs.forEach(all::add);
    return root;
  }
}
