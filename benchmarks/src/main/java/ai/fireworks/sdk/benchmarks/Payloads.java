package ai.fireworks.sdk.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The canned request and response bodies every contender sends and receives. */
final class Payloads {
  /** The model every request names (the loopback server ignores it). */
  static final String MODEL = "accounts/fireworks/models/llama-v3p1-8b-instruct";
  static final String PROMPT = "Say this is a test";
  static final int MAX_TOKENS = 32;
  /** Content events in the streamed answer (a final event with finish_reason and [DONE] follow). */
  static final int STREAM_CHUNKS = 1000;

  static final byte[] CRLF = {'\r', '\n'};
  static final byte[] CRLFCRLF = {'\r', '\n', '\r', '\n'};
  static final byte[] CHAT_PATH = "/chat/completions".getBytes(StandardCharsets.US_ASCII);
  static final byte[] STREAM_KEY = "\"stream\"".getBytes(StandardCharsets.US_ASCII);
  static final byte[] EMBEDDINGS_PATH = "/embeddings".getBytes(StandardCharsets.US_ASCII);
  /** Inputs per embeddings request, and the dimension of the canned vectors. */
  static final int EMBED_INPUTS = 64;
  static final int EMBED_DIMS = 1024;
  static final String EMBED_MODEL = "accounts/fireworks/models/qwen3-embedding-0p6b#accounts/acme/deployments/emb";
  /** The texts every embeddings request sends. */
  static final java.util.List<String> EMBED_TEXTS = java.util.stream.IntStream.range(0, EMBED_INPUTS)
      .mapToObj(i -> "Passage " + i + ": dedicated deployments serve one model on reserved GPUs.")
      .collect(java.util.stream.Collectors.toUnmodifiableList());

  /** The content of the canned answer; contenders check they got it back. */
  static final String ANSWER = "This is a test. The quick brown fox jumps over the lazy dog, twice, "
      + "to make the answer about as long as a short reply.";

  private Payloads() {}

  /** A ~400-byte OpenAI-compatible chat completion body, as Fireworks returns it. */
  static String chatJson() {
    return "{\"id\":\"chatcmpl-7f3a9c1e2b4d4e5f8a6b\",\"object\":\"chat.completion\",\"created\":1732800000,"
        + "\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"" + ANSWER + "\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":14,\"completion_tokens\":27,\"total_tokens\":41}}";
  }

  static byte[] chatResponse() {
    return httpResponse(200, "application/json", chatJson().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A {@value #EMBED_INPUTS} x {@value #EMBED_DIMS} embeddings list as the server writes it: floats
   * with 8 to 9 significant digits, some negative, some in exponent form (about 700 KB).
   */
  static byte[] embeddingsResponse() {
    java.util.Random random = new java.util.Random(42);
    StringBuilder b = new StringBuilder(EMBED_INPUTS * EMBED_DIMS * 12).append("{\"object\":\"list\",\"data\":[");
    for (int i = 0; i < EMBED_INPUTS; i++) {
      b.append(i == 0 ? "" : ",").append("{\"object\":\"embedding\",\"index\":").append(i).append(",\"embedding\":[");
      for (int d = 0; d < EMBED_DIMS; d++) {
        b.append(d == 0 ? "" : ",").append((float) (random.nextGaussian() / 32));
      }
      b.append("]}");
    }
    b.append("],\"model\":\"").append(EMBED_MODEL).append("\",\"usage\":{\"prompt_tokens\":640,\"total_tokens\":640}}");
    return httpResponse(200, "application/json", b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** One streamed event's JSON; {@code i} numbers the token. */
  static String chunkJson(int i, boolean last) {
    String delta = last ? "{}" : "{\"content\":\"tok" + i + " \"}";
    String finish = last ? "\"stop\"" : "null";
    return "{\"id\":\"chatcmpl-7f3a9c1e2b4d4e5f8a6b\",\"object\":\"chat.completion.chunk\",\"created\":1732800000,"
        + "\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":" + delta
        + ",\"logprobs\":null,\"finish_reason\":" + finish + "}]"
        + (last ? ",\"usage\":{\"prompt_tokens\":14,\"completion_tokens\":" + STREAM_CHUNKS + ",\"total_tokens\":"
        + (14 + STREAM_CHUNKS) + "}" : "") + "}";
  }

  /**
   * A complete chunked HTTP response carrying {@code chunks} content events, one final event and
   * {@code data: [DONE]}, one HTTP chunk per event, as an SSE server writes them.
   */
  static byte[] streamResponse(int chunks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(chunks * 320);
    out.writeBytes(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i <= chunks; i++) {
      writeChunk(out, "data: " + chunkJson(i, i == chunks) + "\n\n");
    }
    writeChunk(out, "data: [DONE]\n\n");
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static void writeChunk(ByteArrayOutputStream out, String event) {
    byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
    out.writeBytes((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(bytes);
    out.writeBytes(CRLF);
  }

  static byte[] httpResponse(int status, String contentType, byte[] body) {
    String reason = status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request";
    byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + body.length + "\r\nx-request-id: 5b0f6c0e-bench\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }
}
