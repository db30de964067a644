package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.Ids;
import ai.fireworks.sdk.core.internal.NameParser;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;
import java.util.Optional;

/**
 * A model, {@code accounts/<account>/models/<id>}. A bare id (such as {@code llama-v3p2-3b-instruct}) names one of Fireworks' public models in account {@code fireworks}.
 *
 * <p>Names of resources that already exist parse leniently (the server makes ids such as
 * {@code 12ab34cd56ef} that a caller may not choose); ids a caller asks the SDK to create are
 * checked by the operation that creates them. Immutable; thread-safe.
 */
public final class ModelName extends ResourceName {
  private static final String COLLECTION = "models";

  private ModelName(AccountId account, String id) {
    super(account, COLLECTION, id);
  }

  /**
   * Returns the name of {@code id} in {@code account}.
   *
   * @throws IllegalArgumentException if {@code id} contains characters no id has
   */
  public static ModelName of(AccountId account, String id) {
    return new ModelName(Objects.requireNonNull(account, "account"), Ids.requireSegment("model id", id, id));
  }

  /**
   * Parses {@code accounts/<account>/models/<id>}, the short form {@code <account>/<id>}, or a
   * bare {@code <id>} of a public model in account {@code fireworks}.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code name}
   */
  @JsonCreator
  public static ModelName parse(String name) {
    return parse(name, AccountId.FIREWORKS);
  }

  /**
   * Parses a full or short name, resolving a bare {@code <id>} against {@code defaultAccount}.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code name}
   */
  public static ModelName parse(String name, AccountId defaultAccount) {
    NameParser.Parts p = NameParser.parse("model name", COLLECTION, name, Optional.ofNullable(defaultAccount));
    return new ModelName(p.account, p.id);
  }
}
