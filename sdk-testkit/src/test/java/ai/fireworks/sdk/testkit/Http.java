package ai.fireworks.sdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP against an emulator with the JDK client, so the emulator is tested independently of the SDK. */
final class Http {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final FireworksEmulator fw;
  private final String account;

  Http(FireworksEmulator fw) {
    this.fw = fw;
    this.account = "/v1/accounts/" + fw.accountId();
  }

  /** A response with its body as text and JSON. */
  record Resp(int status, HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** {@code /v1/accounts/<account>} + rest. */
  String acct(String rest) {
    return account + rest;
  }

  Resp get(String path) {
    return send("GET", path, null, "Bearer " + fw.apiKey());
  }

  Resp post(String path, String json) {
    return send("POST", path, json, "Bearer " + fw.apiKey());
  }

  Resp patch(String path, String json) {
    return send("PATCH", path, json, "Bearer " + fw.apiKey());
  }

  Resp delete(String path) {
    return send("DELETE", path, null, "Bearer " + fw.apiKey());
  }

  Resp send(String method, String path, String json, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fw.baseUrl() + path)).timeout(Duration.ofSeconds(20));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Resp(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Creates a deployment and returns its JSON, failing the test unless it answered 200. */
  JsonNode createDeployment(String id, String body) {
    Resp r = post(acct("/deployments?deploymentId=" + id), body);
    if (r.status() != 200) {
      throw new AssertionError("create " + id + " answered " + r.status() + ": " + r.body());
    }
    return r.json();
  }

  static String llama(String extra) {
    return "{\"baseModel\":\"accounts/fireworks/models/llama-v3p2-3b-instruct\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
  }
}
