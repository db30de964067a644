package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.internal.ApiResponse;
import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Decodes an embeddings response with Jackson's streaming parser, each {@code embedding} array
 * straight into a {@code float[]} of the right size (sized after the first vector), with no tree
 * and no boxed numbers. Accepts the OpenAI shape with unknown fields anywhere, entries in any
 * {@code index} order, and base64 vectors (little-endian float32, {@code encoding_format: base64}).
 */
final class EmbeddingsReader {
  private static final int FIRST_GUESS = 1024;

  private EmbeddingsReader() {}

  static Embeddings read(ApiResponse response, Object request) {
    try (JsonParser p = Json.MAPPER.createParser(response.body())) {
      return read(p, ResponseMetadata.of(response.status(), response.headers()));
    } catch (IOException | IllegalStateException e) {
      throw new FireworksException(request + " returned HTTP " + response.status()
          + " with a body that is not a valid embeddings list (" + e.getMessage() + ")"
          + response.requestId().map(id -> " (request id: " + id + ")").orElse(""), e);
    }
  }

  private static Embeddings read(JsonParser p, ResponseMetadata metadata) throws IOException {
    expect(p.nextToken(), JsonToken.START_OBJECT, "the body");
    List<float[]> vectors = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    String model = "";
    Usage usage = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("data") && t == JsonToken.START_ARRAY) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
          readEntry(p, vectors, indices);
        }
      } else if (field.equals("model") && t == JsonToken.VALUE_STRING) {
        model = p.getText();
      } else if (field.equals("usage") && t == JsonToken.START_OBJECT) {
        usage = p.readValueAs(Usage.class);
      } else {
        p.skipChildren();
      }
    }
    return new Embeddings(inOrder(vectors, indices), model, usage, metadata);
  }

  private static void readEntry(JsonParser p, List<float[]> vectors, List<Integer> indices) throws IOException {
    int index = -1;
    float[] vector = null;
    int guess = vectors.isEmpty() ? FIRST_GUESS : vectors.get(vectors.size() - 1).length;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("embedding") && t == JsonToken.START_ARRAY) {
        vector = floats(p, guess);
      } else if (field.equals("embedding") && t == JsonToken.VALUE_STRING) {
        vector = base64(p.getText());
      } else if (field.equals("index") && t == JsonToken.VALUE_NUMBER_INT) {
        index = p.getIntValue();
      } else {
        p.skipChildren();
      }
    }
    if (vector == null) {
      throw new IllegalStateException("data[" + vectors.size() + "] has no embedding");
    }
    vectors.add(vector);
    indices.add(index);
  }

  private static float[] floats(JsonParser p, int guess) throws IOException {
    float[] buf = new float[Math.max(guess, 1)];
    int n = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
        throw new IllegalStateException("an embedding holds " + t + " where a number belongs");
      }
      if (n == buf.length) {
        buf = Arrays.copyOf(buf, n * 2);
      }
      buf[n++] = FloatText.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }
    return n == buf.length ? buf : Arrays.copyOf(buf, n);
  }

  private static float[] base64(String text) {
    ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
    FloatBuffer floats = bytes.asFloatBuffer();
    float[] out = new float[floats.remaining()];
    floats.get(out);
    return out;
  }

  /** The vectors by their {@code index} (a permutation of 0..n-1), or as listed when no entry has one. */
  private static float[][] inOrder(List<float[]> vectors, List<Integer> indices) {
    float[][] out = new float[vectors.size()][];
    boolean indexed = indices.stream().anyMatch(i -> i >= 0);
    for (int k = 0; k < out.length; k++) {
      int i = indexed ? indices.get(k) : k;
      if (i < 0 || i >= out.length || out[i] != null) {
        throw new IllegalStateException("data[" + k + "].index is " + indices.get(k) + ", expected each of 0.."
            + (out.length - 1) + " once");
      }
      out[i] = vectors.get(k);
    }
    return out;
  }

  private static void expect(JsonToken actual, JsonToken expected, String what) {
    if (actual != expected) {
      throw new IllegalStateException(what + " starts with " + actual + ", expected " + expected);
    }
  }
}
