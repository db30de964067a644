package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.Ids;
import ai.fireworks.sdk.core.internal.NameParser;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;
import java.util.Optional;

/**
 * A model deployed onto a deployment (an addon), {@code accounts/<account>/deployedModels/<id>}.
 *
 * <p>Names of resources that already exist parse leniently (the server makes ids such as
 * {@code 12ab34cd56ef} that a caller may not choose); ids a caller asks the SDK to create are
 * checked by the operation that creates them. Immutable; thread-safe.
 */
public final class DeployedModelName extends ResourceName {
  private static final String COLLECTION = "deployedModels";

  private DeployedModelName(AccountId account, String id) {
    super(account, COLLECTION, id);
  }

  /**
   * Returns the name of {@code id} in {@code account}.
   *
   * @throws IllegalArgumentException if {@code id} contains characters no id has
   */
  public static DeployedModelName of(AccountId account, String id) {
    return new DeployedModelName(Objects.requireNonNull(account, "account"), Ids.requireSegment("deployed model id", id, id));
  }

  /**
   * Parses {@code accounts/<account>/deployedModels/<id>} or the short form {@code <account>/<id>}.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code name}
   */
  @JsonCreator
  public static DeployedModelName parse(String name) {
    return parse(name, (AccountId) null);
  }

  /**
   * Parses a full or short name, resolving a bare {@code <id>} against {@code defaultAccount}.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code name}
   */
  public static DeployedModelName parse(String name, AccountId defaultAccount) {
    NameParser.Parts p = NameParser.parse("deployed model name", COLLECTION, name, Optional.ofNullable(defaultAccount));
    return new DeployedModelName(p.account, p.id);
  }
}
