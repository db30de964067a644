package ai.fireworks.sdk.core;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The name of a Fireworks resource, {@code accounts/<account>/<collection>/<id>}. Two names are
 * equal when they are of the same type and have the same wire form. Immutable; thread-safe.
 */
public abstract sealed class ResourceName permits ModelName, DeploymentName, DeployedModelName {
  private final AccountId account;
  private final String id;
  private final String wire;

  ResourceName(AccountId account, String collection, String id) {
    this.account = account;
    this.id = id;
    this.wire = "accounts/" + account + "/" + collection + "/" + id;
  }

  /** The account that owns the resource. */
  public final AccountId account() {
    return account;
  }

  /** The last segment of the name. */
  public final String id() {
    return id;
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((ResourceName) o).wire.equals(wire);
  }

  @Override
  public final int hashCode() {
    return wire.hashCode();
  }

  /** The wire form, {@code accounts/<account>/<collection>/<id>}. */
  @JsonValue
  @Override
  public final String toString() {
    return wire;
  }
}
