package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.Ids;

/**
 * A Fireworks account id, the {@code <a>} in {@code accounts/<a>/...}. Parsed leniently, since
 * account ids are assigned by Fireworks and may contain upper-case letters. Immutable; thread-safe.
 */
public final class AccountId {
  /** The account that owns Fireworks' public base models. */
  public static final AccountId FIREWORKS = new AccountId("fireworks");

  private final String value;

  private AccountId(String value) {
    this.value = value;
  }

  /**
   * Returns the account id {@code id}; an {@code accounts/<id>} prefix is accepted too.
   *
   * @throws IllegalArgumentException if {@code id} is empty or contains characters no id has
   */
  public static AccountId of(String id) {
    String bare = id != null && id.startsWith("accounts/") ? id.substring("accounts/".length()) : id;
    return new AccountId(Ids.requireSegment("account id", bare, id));
  }

  /** The bare id, for example {@code fireworks}. */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountId && ((AccountId) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** The bare id. */
  @Override
  public String toString() {
    return value;
  }
}
