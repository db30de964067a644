package ai.fireworks.sdk.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The hand-written baseline: {@link HttpClient} and a Jackson tree, no retries, no timeouts
 * beyond connect, no error mapping. {@code tuned} selects the best configuration found (HTTP/1.1,
 * {@code executor(Runnable::run)} so that responses are handled on the selector thread instead of
 * being handed to the default cached pool); otherwise only HTTP/1.1 is set and the JDK's default
 * executor is used. {@code blockingViaAsync} makes the blocking {@link #chat()} wait on
 * {@code sendAsync} instead of calling {@code send}, as an SDK whose blocking calls delegate to
 * its asynchronous ones does: the JDK (17) hands every {@code sendAsync} completion to
 * {@code CompletableFuture}'s default executor, which on a machine with fewer than 3 CPUs starts a
 * new thread for each one; {@code send} has no such hop.
 */
final class RawContender implements Contender {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;
  private final URI uri;
  private final boolean blockingViaAsync;

  RawContender(String baseUrl, boolean tuned, boolean blockingViaAsync) {
    this.blockingViaAsync = blockingViaAsync;
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10));
    if (tuned) {
      b.executor(Runnable::run);
    }
    this.http = b.build();
    this.uri = URI.create(baseUrl + "/inference/v1/chat/completions");
  }

  private HttpRequest request(boolean stream) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("model", Payloads.MODEL);
    body.putArray("messages").addObject().put("role", "user").put("content", Payloads.PROMPT);
    body.put("max_tokens", Payloads.MAX_TOKENS);
    if (stream) {
      body.put("stream", true);
    }
    try {
      return HttpRequest.newBuilder(uri)
          .header("Authorization", "Bearer bench-key")
          .header("Content-Type", "application/json")
          .header("Accept", stream ? "text/event-stream" : "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String content(HttpResponse<byte[]> r) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode());
    }
    try {
      return MAPPER.readTree(r.body()).path("choices").path(0).path("message").path("content").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String chat() {
    if (blockingViaAsync) {
      return chatAsync().join();
    }
    try {
      return content(http.send(request(false), HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public CompletableFuture<String> chatAsync() {
    return http.sendAsync(request(false), HttpResponse.BodyHandlers.ofByteArray()).thenApply(RawContender::content);
  }

  @Override
  public int stream() {
    try {
      HttpResponse<InputStream> r = http.send(request(true), HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("HTTP " + r.statusCode());
      }
      int events = 0;
      try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (!line.startsWith("data:")) {
            continue;
          }
          String data = line.substring(line.startsWith("data: ") ? 6 : 5);
          if (data.equals("[DONE]")) {
            break;
          }
          JsonNode content = MAPPER.readTree(data).path("choices").path(0).path("delta").path("content");
          if (content.isTextual()) {
            events++;
          }
        }
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    // HttpClient has no close() before Java 21; its threads are daemons and idle out.
  }
}
