package ai.fireworks.sdk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fireworks.sdk.core.BadRequestException;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.inference.ChatCompletion;
import ai.fireworks.sdk.inference.ChatMessage;
import ai.fireworks.sdk.inference.ChatRequest;
import ai.fireworks.sdk.inference.ContentPart;
import ai.fireworks.sdk.inference.Image;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Images in chat through the SDK against the emulator. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VisionEndToEndTest {
  static final ModelName VL = ModelName.parse("accounts/fireworks/models/qwen2p5-vl-32b-instruct");
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

  private final Sim sim = Sim.start();

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void aVisionDeploymentAnswersAboutTheImagesItWasSent() {
    ModelRef target = ModelRef.of(VL, sim.await(sim.deployments().create(VL).deploymentId("vl").minReplicaCount(1)
        .submitAndWaitAsync(WaitOptions.builder().timeout(Duration.ofMinutes(2)).build())).name());

    ChatCompletion c = sim.await(sim.inference().chatAsync(ChatRequest.builder().model(target)
        .addMessage(ChatMessage.user(ContentPart.image(Image.of(PNG)),
            ContentPart.imageUrl("https://example.com/b.jpg"), ContentPart.text("Compare them")))
        .build()));

    assertEquals("[qwen2p5-vl-32b-instruct] (saw 2 images) Compare them", c.text());
    assertEquals("image_url", sim.emulator.journal().last().bodyJson().at("/messages/0/content/0/type").asText());
  }

  @Test
  void aTextModelRefusesImagesWithA400() {
    ModelRef target = ModelRef.of(DeploymentsEndToEndTest.LLAMA, sim.await(sim.deployments()
        .create(DeploymentsEndToEndTest.LLAMA).deploymentId("text").minReplicaCount(1)
        .submitAndWaitAsync(WaitOptions.builder().timeout(Duration.ofMinutes(2)).build())).name());

    Throwable e = sim.awaitFailure(sim.inference().chatAsync(ChatRequest.builder().model(target)
        .addMessage(ChatMessage.user(ContentPart.image(Image.of(PNG)), ContentPart.text("?"))).build()));

    assertEquals(BadRequestException.class, e.getClass());
  }
}
