package ai.fireworks.sdk.examples.fwctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Bad input exits 2 with nothing sent; --help everywhere; the API key never shows. */
class FwctlUsageTest extends FwctlEmulatorTest {
  static Stream<String> badCommands() {
    return Stream.of(
        "create deployment llama-v3p2-3b-instruct --scale-up-window 5x",
        "create deployment llama-v3p2-3b-instruct --scale-down-window 2h",
        "create deployment llama-v3p2-3b-instruct --scale-to-zero-window 4m",
        "create deployment llama-v3p2-3b-instruct --scale-to-zero-window -5m",
        "create deployment llama-v3p2-3b-instruct --min-replica-count -1",
        "create deployment llama-v3p2-3b-instruct --max-replica-count -2",
        "create deployment llama-v3p2-3b-instruct --min-replica-count 3 --max-replica-count 1",
        "create deployment llama-v3p2-3b-instruct --accelerator-count 0",
        "create deployment llama-v3p2-3b-instruct --accelerator-type nvidia-h100",
        "create deployment llama-v3p2-3b-instruct --precision fp8!",
        "create deployment llama-v3p2-3b-instruct --deployment-id Bad_Id",
        "create deployment llama-v3p2-3b-instruct --deployment-id 9lives",
        "create deployment llama-v3p2-3b-instruct --deployment-id trailing-",
        "create deployment llama-v3p2-3b-instruct --long-prompt=maybe",
        "create deployment llama-v3p2-3b-instruct --wait --wait-timeout 0",
        "create deployment llama-v3p2-3b-instruct --wait --wait-timeout soon",
        "create deployment llama-v3p2-3b-instruct --replicas 2",
        "create deployment",
        "create deployment accounts/fireworks/modelz/x",
        "create",
        "get deployment",
        "get deployment bad/id/with/slashes",
        "get deployment 'quoted'",
        "list deployments --page-size -1",
        "list deployments --page-size 0",
        "create deployment llama-v3p2-3b-instruct --deployment-shape fast --accelerator-type NVIDIA_H100_80GB",
        "update deployment my-llama --deployment-shape fast --accelerator-type NVIDIA_H100_80GB",
        "update deployment my-llama --deployment-shape speedy",
        "update deployment my-llama",
        "update deployment my-llama --scale-to-zero-window 1m",
        "update deployment my-llama --min-replica-count -3",
        "delete deployment",
        "delete deployment my-llama --wait-timeout 3 --wait",
        "undelete deployment",
        "scale my-llama",
        "scale my-llama --replica-count -1",
        "scale my-llama --replica-count two",
        "deploy my-lora",
        "deploy my-lora --deployment-id Bad!",
        "completions accounts/fireworks/models/llama-v3p2-3b-instruct#my-llama",
        "completions accounts/fireworks/models/llama-v3p2-3b-instruct#my-llama --prompt hi --max-tokens 0",
        "completions a#b#c --prompt hi",
        "chat accounts/fireworks/models/llama-v3p2-3b-instruct#my-llama",
        "chat accounts/fireworks/models/llama-v3p2-3b-instruct --message hi --temperature 3",
        "get deployment my-llama -o yaml",
        "frobnicate",
        "emulator --port 70000");
  }

  @ParameterizedTest
  @MethodSource("badCommands")
  void badInputExitsTwoWithoutSendingAnything(String command) {
    FwctlHarness.Result r = fw.run(command.split(" "));

    assertEquals(2, r.exit, r::toString);
    assertEquals(0, emulator.journal().size(), fw::journalSummary);
    assertTrue(r.err.startsWith("fwctl: "), r.err);
    assertEquals("", r.out);
  }

  @Test
  void messagesNameTheFlagTheValueAndTheRule() {
    assertTrue(fw.run("create", "deployment", "llama-v3p2-3b-instruct", "--scale-to-zero-window", "4m").err
        .contains("--scale-to-zero-window must be at least 5m, was 4m0s"));
    assertTrue(fw.run("create", "deployment", "x", "--scale-up-window", "5x").err
        .contains("duration '5x' is not valid"));
    assertTrue(fw.run("scale", "x", "--replica-count", "-1").err.contains("--replica-count must not be negative, was -1"));
    assertEquals("fwctl: --page-size must be at least 1, was 0", fw.run("list", "deployments", "--page-size", "0").err
        .lines().findFirst().orElseThrow());
    for (String verb : new String[] {"create", "update"}) {
      String err = fw.run(verb, "deployment", "x", "--accelerator-type", "NVIDIA_H100_80GB", "--deployment-shape",
          "throughput").err;
      assertTrue(err.contains("--deployment-shape and --accelerator-type cannot be given together, was"
          + " --deployment-shape throughput and --accelerator-type NVIDIA_H100_80GB"), err);
    }
    assertTrue(fw.run("update", "deployment", "x", "--deployment-shape", "speedy").err
        .contains("--deployment-shape: deploymentShape must be fast, throughput, minimal"));
  }

  /** Every flag that takes an enum, on each command that has it, with the value the SDK refuses. */
  static Stream<Arguments> refusedEnumValues() {
    return Stream.of("create deployment llama-v3p2-3b-instruct", "update deployment my-llama").flatMap(command -> Stream.of(
        Arguments.of(command, "--accelerator-type", "ACCELERATOR_TYPE_UNSPECIFIED", "acceleratorType"),
        Arguments.of(command, "--precision", "PRECISION_UNSPECIFIED", "precision")));
  }

  @ParameterizedTest
  @MethodSource("refusedEnumValues")
  void aRefusedEnumValueIsNamedByTheFlagTheUserTyped(String command, String flag, String value, String sdkField) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(List.of(flag, value));

    FwctlHarness.Result r = fw.run(args.toArray(String[]::new));

    assertEquals(2, r.exit, r::toString);
    assertEquals(0, emulator.journal().size(), fw::journalSummary);
    String first = r.err.lines().findFirst().orElseThrow();
    assertTrue(first.startsWith("fwctl: " + flag + " must not be " + value + ": that is the API's placeholder"), first);
    assertTrue(first.contains("leave " + flag + " unset"), first);
    assertFalse(java.util.regex.Pattern.compile("(?<![-\\w])" + sdkField).matcher(first).find(), first);
  }

  @Test
  void aBadOutputFormatIsNamedByItsFlag() {
    FwctlHarness.Result r = fw.run("get", "deployment", "my-llama", "-o", "yaml");

    assertEquals(2, r.exit, r::toString);
    assertTrue(r.err.contains("--output") && r.err.contains("yaml") && r.err.contains("[text, json]"), r.err);
  }

  @Test
  void missingCredentialsExitTwo() {
    Map<String, String> noKey = new HashMap<>(fw.env);
    noKey.remove("FIREWORKS_API_KEY");
    FwctlHarness.Result r = FwctlHarness.run(noKey, "get", "deployment", "x");
    assertEquals(2, r.exit, r::toString);
    assertTrue(r.err.contains("FIREWORKS_API_KEY"), r.err);

    Map<String, String> noAccount = new HashMap<>(fw.env);
    noAccount.remove("FIREWORKS_ACCOUNT_ID");
    FwctlHarness.Result a = FwctlHarness.run(noAccount, "list", "deployments");
    assertEquals(2, a.exit, a::toString);
    assertTrue(a.err.contains("FIREWORKS_ACCOUNT_ID"), a.err);
    FwctlHarness.Result bareDeployment = FwctlHarness.run(noAccount, "completions",
        "accounts/fireworks/models/llama-v3p2-3b-instruct#my-llama", "--prompt", "hi");
    assertEquals(2, bareDeployment.exit, bareDeployment::toString);
    assertEquals(0, emulator.journal().size(), fw::journalSummary);
  }

  @Test
  void networkErrorsExitOne() {
    Map<String, String> nowhere = new HashMap<>(fw.env);
    nowhere.put("FIREWORKS_BASE_URL", "http://127.0.0.1:1");
    FwctlHarness.Result r = FwctlHarness.run(nowhere, "get", "deployment", "x");
    assertEquals(1, r.exit, r::toString);
    assertTrue(r.err.contains("could not connect"), r.err);
  }

  @Test
  void everyCommandHasHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(new Fwctl(Context.system()).commandLine(), new ArrayList<>(), paths);
    assertTrue(paths.size() >= 16, paths::toString);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      FwctlHarness.Result r = fw.run(args.toArray(new String[0]));
      assertEquals(0, r.exit, () -> args + "\n" + r);
      assertTrue(r.out.startsWith("Usage: fwctl"), () -> args + "\n" + r.out);
    }
    assertEquals(0, emulator.journal().size());
  }

  private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
    out.add(prefix);
    cl.getSubcommands().forEach((name, sub) -> {
      if (name.equals(sub.getCommandName())) {
        List<String> p = new ArrayList<>(prefix);
        p.add(name);
        collect(sub, p, out);
      }
    });
  }

  @Test
  void versionPrintsAndExitsZero() {
    FwctlHarness.Result r = fw.run("--version");
    assertEquals(0, r.exit);
    assertTrue(r.out.startsWith("fwctl "), r.out);
  }

  @Test
  void theApiKeyNeverAppearsInAnyOutputEvenVerbose() {
    String key = FwctlHarness.SENTINEL_KEY;
    List<FwctlHarness.Result> results = new ArrayList<>();
    results.add(fw.run("--verbose", "create", "deployment", "llama-v3p2-3b-instruct", "--deployment-id", "secret",
        "--wait"));
    results.add(fw.run("--verbose", "get", "deployment", "secret", "-o", "json"));
    results.add(fw.run("--verbose", "get", "deployment", "nope"));
    results.add(fw.run("--verbose", "list", "deployments"));
    results.add(fw.run("--verbose", "completions", "accounts/fireworks/models/llama-v3p2-3b-instruct#secret",
        "--prompt", "hello"));
    results.add(fw.run("--verbose", "chat", "accounts/fireworks/models/llama-v3p2-3b-instruct#secret",
        "--message", "hi", "--stream"));
    results.add(fw.run("--verbose", "--api-key", key, "get", "deployment", key));
    results.add(fw.run("--verbose", "--api-key", key, "frobnicate", key));
    results.add(fw.run("--verbose", "--api-key=" + key, "scale", "secret", "--replica-count", key));
    results.add(fw.run("--verbose", "delete", "deployment", "secret", "--wait"));
    Map<String, String> wrong = new HashMap<>(fw.env);
    wrong.put("FIREWORKS_API_KEY", key + "-wrong");
    results.add(FwctlHarness.run(wrong, "--verbose", "get", "deployment", "secret"));

    assertTrue(results.get(0).err.contains("DEBUG") || results.get(0).err.contains("FINE"),
        "--verbose logs the SDK's requests: " + results.get(0).err);
    for (FwctlHarness.Result r : results) {
      assertFalse(r.out.contains(key), r::toString);
      assertFalse(r.err.contains(key), r::toString);
    }
  }
}
