package ai.fireworks.sdk.testkit;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Run in a fresh JVM by {@link PerformanceTest}: optionally starts a plain JDK HttpServer first
 * (as other code in an application might, initialising the server's configuration without
 * {@code sun.net.httpserver.nodelay}), then starts the emulator and times 200 sequential
 * keep-alive requests. Prints {@code keepAlive=<bool> millis=<n>} and per-request latencies.
 */
public final class NoDelayProbeMain {
  private NoDelayProbeMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("preloaded")) {
      HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      other.start();
      other.stop(0);
    }
    try (FireworksEmulator fw = FireworksEmulator.start()) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest get = HttpRequest.newBuilder(URI.create(fw.baseUrl() + "/v1/accounts/acme/models/my-lora"))
          .header("Authorization", "Bearer " + fw.apiKey()).build();
      for (int i = 0; i < 20; i++) {
        client.send(get, HttpResponse.BodyHandlers.ofString()); // warm up
      }
      long[] each = new long[200];
      long start = System.nanoTime();
      for (int i = 0; i < each.length; i++) {
        long t = System.nanoTime();
        if (client.send(get, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
          throw new IllegalStateException("unexpected status");
        }
        each[i] = System.nanoTime() - t;
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      java.util.Arrays.sort(each);
      // Streams too: in fallback mode the events are written without per-event flushes.
      HttpRequest create = HttpRequest.newBuilder(URI.create(fw.baseUrl() + "/v1/accounts/acme/deployments?deploymentId=p"))
          .header("Authorization", "Bearer " + fw.apiKey())
          .POST(HttpRequest.BodyPublishers.ofString("{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\"}"))
          .build();
      client.send(create, HttpResponse.BodyHandlers.ofString());
      fw.advance(java.time.Duration.ofMinutes(1));
      HttpRequest stream = HttpRequest.newBuilder(URI.create(fw.baseUrl() + "/inference/v1/completions"))
          .header("Authorization", "Bearer " + fw.apiKey())
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"model\":\"accounts/acme/deployments/p\",\"prompt\":\"a b c\",\"stream\":true}"))
          .build();
      String events = client.send(stream, HttpResponse.BodyHandlers.ofString()).body();
      System.out.println("stream=" + (events.endsWith("data: [DONE]\n\n") ? "ok" : "broken:" + events));
      System.out.println("minMicros=" + each[0] / 1000 + " medianMicros=" + each[each.length / 2] / 1000);
      System.out.println("keepAlive=" + fw.usesKeepAlive() + " millis=" + millis);
    }
  }
}
