package ai.fireworks.sdk.core.internal;

import ai.fireworks.sdk.core.AccountId;
import java.util.Optional;

/**
 * Parses {@code accounts/<a>/<collection>/<id>} and its short forms ({@code <a>/<id>}, bare
 * {@code <id>} resolved against a default account) for every resource name type.
 */
public final class NameParser {
  /** An account and an id, as parsed. */
  public static final class Parts {
    public final AccountId account;
    public final String id;

    Parts(AccountId account, String id) {
      this.account = account;
      this.id = id;
    }
  }

  private NameParser() {}

  /**
   * Parses a resource name of one collection, or a bare id under the default account.
   *
   * @param kind what is being parsed, for messages (e.g. "deployment name")
   * @param collection the collection segment, e.g. {@code deployments}
   * @param defaultAccount account for a bare id; empty means a bare id is an error
   */
  public static Parts parse(String kind, String collection, String input, Optional<AccountId> defaultAccount) {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException(kind + " must not be empty");
    }
    String[] s = input.split("/", -1);
    if (s.length == 4 && s[0].equals("accounts")) {
      if (!s[2].equals(collection)) {
        throw new IllegalArgumentException(kind + " '" + input + "' must have the form accounts/<account>/"
            + collection + "/<id>, found '" + s[2] + "' where '" + collection + "' belongs");
      }
      return new Parts(account(kind, s[1], input), Ids.requireSegment(kind + " id", s[3], input));
    }
    if (s.length == 2 && !s[0].equals("accounts")) {
      return new Parts(account(kind, s[0], input), Ids.requireSegment(kind + " id", s[1], input));
    }
    if (s.length == 1) {
      AccountId account = defaultAccount.orElseThrow(() -> new IllegalArgumentException(kind + " '" + input
          + "' is a bare id but no account is known to resolve it: give accounts/<account>/" + collection
          + "/<id> or configure an account id (FIREWORKS_ACCOUNT_ID)"));
      return new Parts(account, Ids.requireSegment(kind + " id", input, input));
    }
    throw new IllegalArgumentException(kind + " '" + input + "' must have the form accounts/<account>/"
        + collection + "/<id>, <account>/<id> or a bare <id>");
  }

  private static AccountId account(String kind, String value, String input) {
    Ids.requireSegment(kind + " account", value, input);
    return AccountId.of(value);
  }
}
