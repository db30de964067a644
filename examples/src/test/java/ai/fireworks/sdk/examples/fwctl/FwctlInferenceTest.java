package ai.fireworks.sdk.examples.fwctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.testkit.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fwctl's completions, chat, deploy (addons) and emulator commands. */
class FwctlInferenceTest extends FwctlEmulatorTest {
  @BeforeEach
  void createAddonReadyDeployment() {
    FwctlHarness.Result r = fw.run("create", "deployment", LLAMA, "--deployment-id", "my-llama", "--enable-addons",
        "--wait");
    assertEquals(0, r.exit, r::toString);
    emulator.journal().clear();
  }

  private List<RecordedRequest> posts(String path) {
    return fw.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals(path))
        .collect(Collectors.toList());
  }

  @Test
  void completionsQueriesModelHashDeploymentWithTheShortDeploymentId() throws Exception {
    FwctlHarness.Result r = ok("completions", LLAMA + "#my-llama", "--prompt", "Say this is a test",
        "--max-tokens", "16");

    assertEquals("[llama-v3p2-3b-instruct] Say this is a test", r.out.strip());
    JsonNode body = posts("/inference/v1/completions").get(0).bodyJson();
    assertEquals(LLAMA + "#accounts/acme/deployments/my-llama", body.path("model").asText());
    assertEquals(16, body.path("max_tokens").asInt());
  }

  @Test
  void aMistypedDeploymentExitsOneAtOnceNamingIt() {
    String typo = "accounts/acmeInc/deployments/12ab34cd56ef";
    long start = System.nanoTime();

    FwctlHarness.Result r = fw.run("completions", LLAMA + "#" + typo, "--prompt", "hi");

    java.time.Duration took = java.time.Duration.ofNanos(System.nanoTime() - start);
    assertEquals(1, r.exit, r::toString);
    assertTrue(r.err.contains("deployment " + typo + " cannot serve requests: this API key cannot read account acmeInc"),
        r.err);
    assertEquals("POST /inference/v1/completions -> 404\nGET /v1/" + typo + " -> 403", fw.journalSummary());
    assertTrue(took.compareTo(java.time.Duration.ofSeconds(2)) < 0, "took " + took);
  }

  @Test
  void completionsAcceptsTheShortNameFormAndPrintsRawJson() throws Exception {
    FwctlHarness.Result r = ok("completions", "fireworks/llama-v3p2-3b-instruct#acme/my-llama", "--prompt", "hi",
        "-o", "json");

    JsonNode printed = JSON.readTree(r.out);
    assertEquals("text_completion", printed.path("object").asText());
    assertEquals("[llama-v3p2-3b-instruct] hi", printed.at("/choices/0/text").asText());
    assertEquals(LLAMA + "#accounts/acme/deployments/my-llama",
        posts("/inference/v1/completions").get(0).bodyJson().path("model").asText());
  }

  @Test
  void completionsStreamPrintsTheTextAsItArrives() {
    FwctlHarness.Result r = ok("completions", LLAMA + "#my-llama", "--prompt", "one two three", "--stream");

    assertEquals("[llama-v3p2-3b-instruct] one two three", r.out.strip());
    assertTrue(posts("/inference/v1/completions").get(0).bodyJson().path("stream").asBoolean());
  }

  @Test
  void chatSendsTheMessagesAndPrintsTheReply() throws Exception {
    FwctlHarness.Result r = ok("chat", LLAMA + "#my-llama", "--message", "Hello there");

    assertEquals("[llama-v3p2-3b-instruct] Hello there", r.out.strip());
    JsonNode body = posts("/inference/v1/chat/completions").get(0).bodyJson();
    assertEquals("user", body.at("/messages/0/role").asText());
    assertEquals("Hello there", body.at("/messages/0/content").asText());
  }

  @Test
  void chatImagesFromFilesAndUrlsGoBeforeTheTextOfTheLastMessage(@TempDir Path dir) throws Exception {
    assertEquals(0, fw.run("create", "deployment", "accounts/fireworks/models/qwen2p5-vl-32b-instruct",
        "--deployment-id", "vl", "--wait").exit);
    Path png = Files.write(dir.resolve("chart.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});

    FwctlHarness.Result r = ok("chat", "accounts/fireworks/models/qwen2p5-vl-32b-instruct#vl", "--message",
        "What is this?", "--image", png.toString(), "--image", "https://example.com/b.jpg");

    assertEquals("[qwen2p5-vl-32b-instruct] (saw 2 images) What is this?", r.out.strip());
    JsonNode content = posts("/inference/v1/chat/completions").get(0).bodyJson().at("/messages/0/content");
    assertTrue(content.at("/0/image_url/url").asText().startsWith("data:image/png;base64,"));
    assertEquals("https://example.com/b.jpg", content.at("/1/image_url/url").asText());
    assertEquals("What is this?", content.at("/2/text").asText());
  }

  @Test
  void chatRefusesAnUnreadableOrUnsupportedImageWithoutSending(@TempDir Path dir) throws Exception {
    Path webp = Files.write(dir.resolve("x.webp"), "RIFF0000WEBP".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    FwctlHarness.Result missing = fw.run("chat", LLAMA + "#my-llama", "--message", "hi", "--image",
        dir.resolve("nope.png").toString());
    FwctlHarness.Result unsupported = fw.run("chat", LLAMA + "#my-llama", "--message", "hi", "--image", webp.toString());

    assertEquals(2, missing.exit, missing::toString);
    assertTrue(missing.err.contains("nope.png"), missing.err);
    assertEquals(2, unsupported.exit, unsupported::toString);
    assertTrue(unsupported.err.contains("unsupported image format"), unsupported.err);
    assertTrue(posts("/inference/v1/chat/completions").isEmpty());
  }

  @Test
  void chatStreamPrintsTheReplyAndJsonChunksOnePerLine() throws Exception {
    FwctlHarness.Result text = ok("chat", "accounts/acme/deployments/my-llama", "--message", "stream me", "--stream");
    assertEquals("[llama-v3p2-3b-instruct] stream me", text.out.strip());

    FwctlHarness.Result json = ok("chat", LLAMA + "#my-llama", "--message", "a b", "--stream", "-o", "json");
    List<String> lines = json.out.lines().collect(Collectors.toList());
    assertTrue(lines.size() >= 2, json.out);
    for (String line : lines) {
      assertEquals("chat.completion.chunk", JSON.readTree(line).path("object").asText(), line);
    }
  }

  @Test
  void aColdStartIsRiddenOutWithProgressOnStderr() {
    ok("scale", "my-llama", "--replica-count", "0");

    FwctlHarness.Result r = ok("completions", LLAMA + "#my-llama", "--prompt", "wake up");

    assertEquals("[llama-v3p2-3b-instruct] wake up", r.out.strip());
    assertTrue(r.err.contains("scaling up from zero"), () -> r + "\n" + fw.journalSummary());
    List<RecordedRequest> attempts = posts("/inference/v1/completions");
    assertEquals(503, attempts.get(0).status());
    assertEquals(200, attempts.get(attempts.size() - 1).status());
  }

  @Test
  void deployLoadsAnAddonAndWaitsUntilDeployed() throws Exception {
    FwctlHarness.Result r = ok("deploy", "my-lora", "--deployment-id", "my-llama", "--wait", "-o", "json");

    JsonNode printed = JSON.readTree(r.out);
    assertEquals("DEPLOYED", printed.path("state").asText());
    assertEquals("accounts/acme/models/my-lora", printed.path("model").asText());
    assertEquals("accounts/acme/deployments/my-llama", printed.path("deployment").asText());
    JsonNode body = posts("/v1/accounts/acme/deployedModels").get(0).bodyJson();
    assertEquals("accounts/acme/models/my-lora", body.path("model").asText());

    FwctlHarness.Result query = ok("completions", "accounts/acme/models/my-lora#my-llama", "--prompt", "hi");
    assertEquals("[my-lora] hi", query.out.strip());
  }

  @Test
  void aHotReloadDeploymentTakesAnAddonOnlyWithReplaceMergedAddon() {
    try (FireworksClient client = emulator.client()) {
      DeploymentsClient.of(client).create(ModelName.parse(LLAMA)).deploymentId("hot").enableAddons(true)
          .putExtra("enableHotReloadLatestAddon", true).submit();
    }

    FwctlHarness.Result refused = fw.run("deploy", "my-lora", "--deployment-id", "hot");
    assertEquals(1, refused.exit, refused::toString);
    assertTrue(refused.err.contains("has enableHotReloadLatestAddon=true, so loading addon accounts/acme/models/my-lora"
        + " requires replaceMergedAddon=true (was not set)"), refused.err);
    assertTrue(refused.err.contains("--replace-merged-addon"), refused.err);
    assertTrue(posts("/v1/accounts/acme/deployedModels").isEmpty(), fw::journalSummary);

    ok("deploy", "my-lora", "--deployment-id", "hot", "--replace-merged-addon");
    List<RecordedRequest> loads = posts("/v1/accounts/acme/deployedModels");
    assertEquals(1, loads.size(), fw::journalSummary);
    assertEquals("true", loads.get(0).queryParameter("replaceMergedAddon").orElseThrow());
  }

  @Test
  void deployRefusesAnAddonOfAnotherBaseModelBeforeCreatingAnything() {
    FwctlHarness.Result r = fw.run("deploy", "qwen-sql-lora", "--deployment-id", "my-llama");

    assertEquals(1, r.exit, r::toString);
    assertTrue(r.err.contains("qwen2p5-7b-instruct"), r.err);
    assertTrue(posts("/v1/accounts/acme/deployedModels").isEmpty(), fw::journalSummary);
  }

  @Test
  void emulatorCommandRunsUntilStoppedAndServesFwctl() throws Exception {
    java.util.concurrent.CompletableFuture<Void> stop = new java.util.concurrent.CompletableFuture<>();
    java.io.PipedOutputStream pipe = new java.io.PipedOutputStream();
    java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
        new java.io.PipedInputStream(pipe), java.nio.charset.StandardCharsets.UTF_8));
    java.util.concurrent.CompletableFuture<Integer> exit = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try (java.io.PrintStream out = new java.io.PrintStream(pipe, true, java.nio.charset.StandardCharsets.UTF_8)) {
        return Fwctl.run(Context.of(java.util.Map.of(), out, System.err, java.time.Duration.ofMillis(5), stop),
            "emulator", "--port", "0", "--creating-delay", "0s");
      }
    });
    String banner = lines.readLine();
    assertTrue(banner.startsWith("Fireworks emulator running at http://127.0.0.1:"), banner);
    java.util.Map<String, String> env = new java.util.HashMap<>();
    Pattern export = Pattern.compile("export (FIREWORKS_[A-Z_]+)=(\\S+)");
    for (int i = 0; i < 3; i++) {
      Matcher m = export.matcher(lines.readLine());
      assertTrue(m.matches());
      env.put(m.group(1), m.group(2));
    }
    assertEquals("acme", env.get("FIREWORKS_ACCOUNT_ID"));

    FwctlHarness.Result created = FwctlHarness.run(env, "create", "deployment", "llama-v3p2-3b-instruct",
        "--deployment-id", "offline", "--wait");
    assertEquals(0, created.exit, created::toString);
    assertTrue(created.out.contains("READY"), created.out);

    stop.complete(null);
    assertEquals(0, exit.get(10, java.util.concurrent.TimeUnit.SECONDS));
  }
}
