package ai.fireworks.sdk.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.BadRequestException;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class EmbeddingsTest extends InferenceTestSupport {
  static final ModelName QWEN = ModelName.parse("accounts/fireworks/models/qwen3-embedding-8b");
  static final DeploymentName EMB = DeploymentName.parse("accounts/acme/deployments/emb");
  static final ModelRef TARGET = ModelRef.of(QWEN, EMB);

  @Test
  void embedSendsOneStringAsAStringWithTheDeploymentAndDimensions() throws Exception {
    server.enqueue(json(200, vectors(1, 3)));

    inference.embeddings().embed(EmbeddingRequest.builder().model(TARGET).input("hello").dimensions(3).build());

    RecordedRequest sent = take();
    assertEquals("/inference/v1/embeddings", sent.getTarget());
    JsonNode body = body(sent);
    assertEquals(TARGET.toString(), body.get("model").asText());
    assertEquals("hello", body.get("input").asText(), "one string goes as a JSON string");
    assertEquals(3, body.get("dimensions").asInt());
    assertEquals(3, body.size(), "nothing else is sent");
  }

  @Test
  void embedSendsAListInOrderWithoutDimensionsWhenNotSet() throws Exception {
    server.enqueue(json(200, vectors(2, 4)));

    inference.embeddings().embed(EmbeddingRequest.of(TARGET, List.of("b", "a")));

    JsonNode body = body(take());
    assertEquals("[\"b\",\"a\"]", body.get("input").toString());
    assertFalse(body.has("dimensions"));
  }

  @Test
  void aBoundViewSendsTheDeploymentAsTheModel() throws Exception {
    server.enqueue(json(200, vectors(1, 2)));

    inference.on(EMB).embeddings().embed(EmbeddingRequest.builder().input(List.of("x")).build());

    assertEquals(EMB.toString(), body(take()).get("model").asText());
  }

  @Test
  void decodesVectorsByIndexIntoFloatArraysIgnoringUnknownFields() {
    server.enqueue(json(200, fixture("embeddings.json")));

    Embeddings e = inference.embeddings().embed(EmbeddingRequest.of(TARGET, List.of("first", "second")));

    assertEquals(2, e.size());
    assertArrayEquals(new float[] {1f, 0f, -0.125f}, e.vector(0), "entry with index 0 first, whatever the order sent");
    assertArrayEquals(new float[] {0.25f, -0.5f, 0.001f}, e.vector(1));
    assertEquals(3, e.dimensions());
    assertEquals(7, e.usage().orElseThrow().promptTokens());
    assertEquals(7, e.usage().orElseThrow().totalTokens());
    assertEquals(TARGET.toString(), e.model());
    assertEquals("req-200", e.metadata().requestId().orElseThrow());
    assertEquals(2, e.vectors().size());
  }

  @Test
  void decodesBase64VectorsAsLittleEndianFloat32() {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-2f);
    server.enqueue(json(200, "{\"data\":[{\"embedding\":\"" + Base64.getEncoder().encodeToString(b.array())
        + "\"}],\"model\":\"m\"}"));

    Embeddings e = inference.embeddings().embed(EmbeddingRequest.of(TARGET, "x"));

    assertArrayEquals(new float[] {0.5f, -2f}, e.vector(0));
    assertTrue(e.usage().isEmpty());
  }

  @Test
  void aResponseWithTheWrongNumberOfVectorsFails() {
    server.enqueue(json(200, vectors(1, 2)));

    FireworksException e = assertThrows(FireworksException.class,
        () -> inference.embeddings().embed(EmbeddingRequest.of(TARGET, List.of("a", "b"))));

    assertTrue(e.getMessage().contains("returned 1 vectors for 2 inputs"), e.getMessage());
  }

  @Test
  void aMalformedBodyFailsNamingTheRequest() {
    server.enqueue(json(200, "{\"data\":[{\"index\":0,\"embedding\":[\"x\"]}]}"));

    FireworksException e = assertThrows(FireworksException.class,
        () -> inference.embeddings().embed(EmbeddingRequest.of(TARGET, "a")));

    assertTrue(e.getMessage().contains("POST /inference/v1/embeddings"), e.getMessage());
    assertTrue(e.getMessage().contains("not a valid embeddings list"), e.getMessage());
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsSent() {
    assertThrows(IllegalArgumentException.class, () -> EmbeddingRequest.builder().model(TARGET).build());
    assertThrows(IllegalArgumentException.class, () -> EmbeddingRequest.builder().dimensions(0));
    IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class,
        () -> inference.embeddings().embedAsync(EmbeddingRequest.builder().input("x").build()));
    assertTrue(noModel.getMessage().contains("model is required"));
    assertThrows(IllegalArgumentException.class,
        () -> inference.embeddings().embedAll(EmbeddingRequest.of(TARGET, "x"), 0));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aColdStartIsRiddenOutLikeChat() throws Exception {
    server.enqueue(scalingUp());
    server.enqueue(json(200, vectors(1, 2)));

    CompletableFuture<Embeddings> f = inference.embeddings().embedAsync(EmbeddingRequest.of(TARGET, "x"));
    runNext(Duration.ofMinutes(1));

    assertEquals(1, f.get().size());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void embedAllSplitsIntoBatchesAndReassemblesInInputOrder() throws Exception {
    List<String> inputs = IntStream.range(0, 10).mapToObj(i -> "t" + i).collect(Collectors.toList());
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public mockwebserver3.MockResponse dispatch(RecordedRequest r) {
        return json(200, echo(body(r).get("input")));
      }
    });

    Embeddings e = inference.embeddings().withMaxConcurrency(2).embedAll(EmbeddingRequest.of(TARGET, inputs), 3);

    assertEquals(10, e.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(i, e.vector(i)[0], "vector " + i + " encodes its input's number");
    }
    assertEquals(4, server.getRequestCount(), "3 + 3 + 3 + 1");
    assertEquals(10, e.usage().orElseThrow().promptTokens(), "usage summed over the batches");
  }

  @Test
  void aFailedBatchFailsTheCallNamingItsRange() {
    List<String> inputs = IntStream.range(0, 7).mapToObj(i -> "t" + i).collect(Collectors.toList());
    server.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public mockwebserver3.MockResponse dispatch(RecordedRequest r) {
        JsonNode input = body(r).get("input");
        return input.get(0).asText().equals("t3") ? json(400, "{\"error\":{\"message\":\"too long\"}}")
            : json(200, echo(input));
      }
    });

    EmbeddingBatchException e = assertThrows(EmbeddingBatchException.class,
        () -> inference.embeddings().withMaxConcurrency(1).embedAll(EmbeddingRequest.of(TARGET, inputs), 3));

    assertEquals(3, e.fromIndex());
    assertEquals(6, e.toIndex());
    assertTrue(e.getMessage().contains("[3, 6) of 7"), e.getMessage());
    assertInstanceOf(BadRequestException.class, e.getCause());
  }

  /** A response with one 2-dimension vector per input "t<i>": {@code [i, 0]}. */
  static String echo(JsonNode input) {
    StringBuilder b = new StringBuilder("{\"data\":[");
    for (int k = 0; k < input.size(); k++) {
      int n = Integer.parseInt(input.get(k).asText().substring(1));
      b.append(k == 0 ? "" : ",").append("{\"index\":").append(k).append(",\"embedding\":[").append(n).append(",0]}");
    }
    return b.append("],\"model\":\"m\",\"usage\":{\"prompt_tokens\":").append(input.size())
        .append(",\"total_tokens\":").append(input.size()).append("}}").toString();
  }

  static String vectors(int count, int dims) {
    StringBuilder b = new StringBuilder("{\"object\":\"list\",\"data\":[");
    for (int i = 0; i < count; i++) {
      b.append(i == 0 ? "" : ",").append("{\"index\":").append(i).append(",\"embedding\":[");
      for (int d = 0; d < dims; d++) {
        b.append(d == 0 ? "" : ",").append(0.5);
      }
      b.append("]}");
    }
    return b.append("],\"model\":\"m\"}").toString();
  }
}
