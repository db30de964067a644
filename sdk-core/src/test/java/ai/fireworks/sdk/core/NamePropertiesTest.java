package ai.fireworks.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.internal.FuzzCounter;
import ai.fireworks.sdk.core.internal.Ids;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Generated inputs for the name parsers and {@link ModelRef}: any string either parses or is
 * refused with {@link IllegalArgumentException}; whatever parses, and every valid name, round-trips
 * through its wire form.
 */
class NamePropertiesTest {
  private static final Pattern FULL = Pattern.compile(
      "accounts/[A-Za-z0-9][A-Za-z0-9._-]*/(models|deployments|deployedModels)/[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern REF = Pattern.compile(FULL.pattern() + "(#" + FULL.pattern() + ")?");
  private static final AccountId ACME = AccountId.of("acme");

  @AfterContainer
  static void report() {
    FuzzCounter.flush("names.");
  }

  /** Strings built from the pieces names are made of, plus noise, so parsers see near-misses. */
  @Provide
  Arbitrary<String> nameLike() {
    Arbitrary<String> token = Arbitraries.oneOf(
        Arbitraries.of("accounts", "models", "deployments", "deployedModels", "fireworks", "acmeInc", "/", "/", "/",
            "#", "-", ".", "_", "12ab34cd56ef", "llama-v3p2-3b-instruct", " ", "", "accounts/", "//"),
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("-._/#").ofMaxLength(8),
        Arbitraries.strings().all().ofMaxLength(4));
    return token.list().ofMaxSize(12).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> segment() {
    Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('A', 'Z').range('0', '9');
    Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
        .withCharRange('0', '9').withChars("._-").ofMaxLength(40);
    return Combinators.combine(first, rest).as((f, r) -> f + r);
  }

  private static <T> void parsesOrRefuses(String counter, String input, Function<String, T> parse,
      Function<T, String> wire, Function<String, T> reparse) {
    T parsed;
    try {
      parsed = parse.apply(input);
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "refusal without a message for " + input);
      FuzzCounter.count(counter + ".refused");
      return;
    }
    FuzzCounter.count(counter + ".parsed");
    String w = wire.apply(parsed);
    assertTrue(REF.matcher(w).matches(), "wire form '" + w + "' of '" + input + "'");
    assertEquals(parsed, reparse.apply(w), "round-trip of '" + input + "'");
    assertEquals(w, wire.apply(reparse.apply(w)));
  }

  @Property(tries = 1000)
  void anyStringParsesAsAModelNameOrIsRefused(@ForAll("nameLike") String input) {
    FuzzCounter.count("names.modelName.random");
    parsesOrRefuses("names.modelName", input, ModelName::parse, ModelName::toString, ModelName::parse);
    parsesOrRefuses("names.modelName", input, s -> ModelName.parse(s, ACME), ModelName::toString, ModelName::parse);
  }

  @Property(tries = 1000)
  void anyStringParsesAsADeploymentNameOrIsRefused(@ForAll("nameLike") String input) {
    FuzzCounter.count("names.deploymentName.random");
    parsesOrRefuses("names.deploymentName", input, DeploymentName::parse, DeploymentName::toString, DeploymentName::parse);
    parsesOrRefuses("names.deploymentName", input, s -> DeploymentName.parse(s, ACME), DeploymentName::toString, DeploymentName::parse);
    parsesOrRefuses("names.deployedModelName", input, s -> DeployedModelName.parse(s, ACME), DeployedModelName::toString, DeployedModelName::parse);
  }

  @Property(tries = 1500)
  void anyStringParsesAsAModelRefOrIsRefused(@ForAll("nameLike") String input) {
    FuzzCounter.count("names.modelRef.random");
    parsesOrRefuses("names.modelRef", input, ModelRef::parse, ModelRef::toString, ModelRef::parse);
    parsesOrRefuses("names.modelRef", input, s -> ModelRef.parse(s, ACME), ModelRef::toString, ModelRef::parse);
  }

  @Property(tries = 1000)
  void anyStringIsAnAccountIdOrIsRefused(@ForAll("nameLike") String input) {
    FuzzCounter.count("names.accountId.random");
    try {
      AccountId a = AccountId.of(input);
      assertEquals(a, AccountId.of(a.toString()));
      assertEquals(a, AccountId.of("accounts/" + a));
    } catch (IllegalArgumentException expected) {
      // the documented refusal
    }
  }

  @Property(tries = 1000)
  void validNamesRoundTripInEveryForm(@ForAll("segment") String account, @ForAll("segment") String id) {
    FuzzCounter.count("names.valid.roundTrip");
    AccountId a = AccountId.of(account);
    ModelName m = ModelName.of(a, id);
    DeploymentName d = DeploymentName.of(a, id);
    DeployedModelName dm = DeployedModelName.of(a, id);

    assertEquals("accounts/" + account + "/models/" + id, m.toString());
    assertEquals(m, ModelName.parse(m.toString()));
    assertEquals(m, ModelName.parse(account + "/" + id));
    assertEquals(ModelName.of(AccountId.FIREWORKS, id), ModelName.parse(id));
    assertEquals(d, DeploymentName.parse(d.toString()));
    assertEquals(d, DeploymentName.parse(account + "/" + id));
    assertEquals(d, DeploymentName.parse(id, a));
    assertEquals(dm, DeployedModelName.parse(dm.toString()));
    assertEquals(dm, DeployedModelName.parse(id, a));
    assertEquals(account, d.account().value());
    assertEquals(id, d.id());
  }

  @Property(tries = 1000)
  void validModelRefsRoundTrip(@ForAll("segment") String account, @ForAll("segment") String model,
      @ForAll("segment") String deploymentAccount, @ForAll("segment") String deployment) {
    FuzzCounter.count("names.modelRef.roundTrip");
    ModelName m = ModelName.of(AccountId.of(account), model);
    DeploymentName d = DeploymentName.of(AccountId.of(deploymentAccount), deployment);
    for (ModelRef ref : List.of(ModelRef.of(m), ModelRef.of(m, d), ModelRef.of(d),
        ModelRef.of(DeployedModelName.of(AccountId.of(account), model)))) {
      assertEquals(ref, ModelRef.parse(ref.toString()));
      assertEquals(ref.toString(), ModelRef.parse(ref.toString()).toString());
    }
    String shortForm = account + "/" + model + "#" + deploymentAccount + "/" + deployment;
    assertEquals(m + "#" + d, ModelRef.parse(shortForm).toString());
    assertEquals(ModelRef.of(m, DeploymentName.of(ACME, deployment)), ModelRef.parse(m + "#" + deployment, ACME));
  }

  @Property(tries = 1500)
  void newIdRuleMatchesTheApiRule(@ForAll("nameLike") String id) {
    FuzzCounter.count("names.newId.random");
    boolean valid = id.length() >= 1 && id.length() <= 63 && id.chars().allMatch(c -> (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9') || c == '-') && id.charAt(0) >= 'a' && id.charAt(0) <= 'z' && !id.endsWith("-");
    try {
      assertEquals(id, Ids.requireNewId("deploymentId", id));
      assertTrue(valid, "accepted invalid id '" + id + "'");
      assertEquals(id, DeploymentName.of(ACME, id).id(), "a valid new id is a valid name segment");
    } catch (IllegalArgumentException e) {
      assertTrue(!valid, "refused valid id '" + id + "': " + e.getMessage());
      assertTrue(e.getMessage().startsWith("deploymentId '" + id + "' is not a valid id: "), e.getMessage());
    }
  }

  @Property(tries = 500)
  void generatedValidNewIdsAreAccepted(@ForAll("newId") String id) {
    FuzzCounter.count("names.newId.valid");
    assertEquals(id, Ids.requireNewId("deploymentId", id));
  }

  @Provide
  Arbitrary<String> newId() {
    Arbitrary<Character> first = Arbitraries.chars().range('a', 'z');
    Arbitrary<String> middle = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-')
        .ofMaxLength(61);
    Arbitrary<Character> last = Arbitraries.chars().range('a', 'z').range('0', '9');
    return Combinators.combine(first, middle, last, Arbitraries.of(true, false))
        .as((f, m, l, withTail) -> withTail ? f + m + l : String.valueOf(f));
  }
}
