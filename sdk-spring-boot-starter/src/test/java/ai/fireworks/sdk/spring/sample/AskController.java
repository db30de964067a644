package ai.fireworks.sdk.spring.sample;

import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.inference.InferenceClient;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /ask?prompt=...}: completes the prompt on the declared deployment {@code chat}. */
@RestController
class AskController {
  private final InferenceClient inference;
  private final ModelRef chat;

  AskController(InferenceClient inference, @Qualifier("chat") ModelRef chat) {
    this.inference = inference;
    this.chat = chat;
  }

  @GetMapping("/ask")
  String ask(@RequestParam("prompt") String prompt) {
    return inference.completions(chat, prompt).text();
  }
}
