package ai.fireworks.sdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ai.fireworks.sdk.core.RequestOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestFactoryTest {
  private final RequestFactory requests = new RequestFactory(URI.create("http://127.0.0.1:1/"), "k", Map.of());

  private URI uriOf(ApiRequest request) {
    HttpRequest built = requests.build(request, RequestOptions.none(), 1, false);
    return built.uri();
  }

  @Test
  void eachRequestGetsItsOwnPathAndQueryWhateverCameBefore() {
    URI chat = uriOf(ApiRequest.post("/inference/v1/chat/completions", Map.of()));
    URI chatAgain = uriOf(ApiRequest.post("/inference/v1/chat/completions", Map.of()));
    URI list = uriOf(ApiRequest.get("/v1/accounts/a/deployments").query("pageSize", 5));
    URI listNext = uriOf(ApiRequest.get("/v1/accounts/a/deployments").query("pageSize", 5).query("pageToken", "t"));
    URI chatLast = uriOf(ApiRequest.post("/inference/v1/chat/completions", Map.of()));

    assertEquals(URI.create("http://127.0.0.1:1/inference/v1/chat/completions"), chat);
    assertSame(chat, chatAgain); // parsed once while calls go to the same place
    assertEquals(URI.create("http://127.0.0.1:1/v1/accounts/a/deployments?pageSize=5"), list);
    assertEquals(URI.create("http://127.0.0.1:1/v1/accounts/a/deployments?pageSize=5&pageToken=t"), listNext);
    assertEquals(chat, chatLast);
  }
}
