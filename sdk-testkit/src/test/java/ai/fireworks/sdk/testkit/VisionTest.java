package ai.fireworks.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The emulator accepts and validates image content parts like the service, and says how many images it saw. */
class VisionTest {
  private static final String VL = "accounts/fireworks/models/qwen2p5-vl-32b-instruct#accounts/acme/deployments/vl";
  private static final String PNG = "data:image/png;base64,iVBORw0KGgo=";

  @RegisterExtension
  final FireworksEmulatorExtension ext = new FireworksEmulatorExtension();
  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(ext.emulator());
    http.createDeployment("vl", "{\"baseModel\":\"accounts/fireworks/models/qwen2p5-vl-32b-instruct\",\"minReplicaCount\":1}");
    http.createDeployment("llama", Http.llama("\"minReplicaCount\":1"));
    ext.emulator().advance(Duration.ofMinutes(1));
  }

  @Test
  void theAnswerMentionsHowManyImagesTheModelSaw() {
    Http.Resp r = chat(VL, "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + PNG + "\"}},"
        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.jpg\"}},"
        + "{\"type\":\"text\",\"text\":\"What differs?\"}");

    assertEquals(200, r.status(), r.body());
    assertEquals("[qwen2p5-vl-32b-instruct] (saw 2 images) What differs?",
        r.json().at("/choices/0/message/content").asText());
  }

  @Test
  void invalidPartsAndLimitsAre400() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 31; i++) {
      many.append("{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://e.com/").append(i).append(".png\"}},");
    }
    String[] bad = {
        "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/webp;base64,UklGRg==\"}}",
        "{\"type\":\"image_url\",\"image_url\":{\"url\":\"ftp://e.com/a.png\"}}",
        "{\"type\":\"audio\",\"audio\":{}}",
        "{\"type\":\"text\"}",
        many + "{\"type\":\"text\",\"text\":\"x\"}",
        "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64," + "A".repeat(10_000_000) + "\"}}"};
    for (String parts : bad) {
      Http.Resp r = chat(VL, parts);
      assertEquals(400, r.status(), parts.length() > 200 ? parts.substring(0, 200) : parts);
      assertEquals("invalid_request_error", r.json().at("/error/type").asText());
    }
  }

  @Test
  void aModelWithoutImageInputRefusesImages() {
    Http.Resp r = chat("accounts/fireworks/models/llama-v3p2-3b-instruct#accounts/acme/deployments/llama",
        "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + PNG + "\"}},{\"type\":\"text\",\"text\":\"hi\"}");

    assertEquals(400, r.status());
    assertTrue(r.body().contains("does not accept images"), r.body());
  }

  private Http.Resp chat(String model, String parts) {
    return http.post("/inference/v1/chat/completions", "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\","
        + "\"content\":[" + parts + "]}]}");
  }
}
