package ai.fireworks.sdk.inference;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;

/**
 * The answer to an {@link EmbeddingRequest}: one vector per input, in input order, decoded
 * straight into {@code float[]} (no boxed lists), plus the model and the token usage.
 *
 * <p>For speed, {@link #vector(int)} returns the result's own array, not a copy: the result is
 * immutable only as long as nobody writes into those arrays. Otherwise thread-safe.
 */
public final class Embeddings {
  private final float[][] vectors;
  private final String model;
  private final Usage usage;
  private final ResponseMetadata metadata;

  Embeddings(float[][] vectors, String model, Usage usage, ResponseMetadata metadata) {
    this.vectors = vectors;
    this.model = model;
    this.usage = usage;
    this.metadata = metadata;
  }

  /**
   * Embeddings made of {@code vectors} (kept, not copied), for tests and fakes; no usage, empty metadata.
   *
   * @throws NullPointerException if a vector is null
   */
  public static Embeddings of(String model, List<float[]> vectors) {
    float[][] v = vectors.toArray(new float[0][]);
    for (float[] x : v) {
      Objects.requireNonNull(x, "vector");
    }
    return new Embeddings(v, Objects.requireNonNull(model, "model"), null, ResponseMetadata.EMPTY);
  }

  /** Number of vectors, one per input. */
  public int size() {
    return vectors.length;
  }

  /**
   * The vector of input {@code index} (its own array, not a copy).
   *
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public float[] vector(int index) {
    Objects.checkIndex(index, vectors.length);
    return vectors[index];
  }

  /** The vectors in input order, as an unmodifiable list view (the arrays are not copied). */
  public List<float[]> vectors() {
    return new VectorList();
  }

  /** The length of the vectors (of the first; all have the same), 0 if there are none. */
  public int dimensions() {
    return vectors.length == 0 ? 0 : vectors[0].length;
  }

  /** The model as the server named it. */
  public String model() {
    return model;
  }

  /** Token counts, if the server reported them ({@code prompt_tokens}, {@code total_tokens}). */
  public Optional<Usage> usage() {
    return Optional.ofNullable(usage);
  }

  /** Status and headers of the response (request id); of the first batch for {@code embedAll}. */
  public ResponseMetadata metadata() {
    return metadata;
  }

  float[][] rawVectors() {
    return vectors;
  }

  /** Counts and the model, never the vectors. */
  @Override
  public String toString() {
    return "Embeddings{model=" + model + ", vectors=" + vectors.length + ", dimensions=" + dimensions()
        + usage().map(u -> ", promptTokens=" + u.promptTokens()).orElse("") + "}";
  }

  private final class VectorList extends AbstractList<float[]> implements RandomAccess {
    @Override
    public float[] get(int index) {
      return vector(index);
    }

    @Override
    public int size() {
      return vectors.length;
    }
  }
}
