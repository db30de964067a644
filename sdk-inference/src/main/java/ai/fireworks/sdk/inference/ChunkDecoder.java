package ai.fireworks.sdk.inference;

import java.io.IOException;

/**
 * Turns the JSON text of one server-sent event into a chunk. Implementations are thread-safe.
 *
 * @param <T> the chunk type
 */
@FunctionalInterface
interface ChunkDecoder<T> {
  /**
   * The chunk {@code json} describes, or {@code null} for the JSON literal {@code null}.
   *
   * @throws IOException (in practice a {@link com.fasterxml.jackson.core.JsonProcessingException})
   *     if {@code json} is not valid JSON or does not describe a chunk
   */
  T decode(String json) throws IOException;
}
