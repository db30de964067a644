package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.AccountId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deployment shape as {@code create} and {@code apply} accept it: a shorthand the server
 * resolves for the base model ({@code fast}, {@code throughput}, {@code minimal},
 * {@code full_precision}), a full name {@code accounts/<account>/deploymentShapes/<id>}, or a
 * version of one, {@code .../deploymentShapes/<id>/versions/<version>} ({@code latest} allowed).
 * {@link #toString()} is the wire form. Immutable; thread-safe.
 */
public final class DeploymentShapeName {
  private static final Set<String> SHORTHANDS = Set.of("fast", "throughput", "minimal", "full_precision");
  private static final Pattern FULL = Pattern.compile(
      "accounts/([^/]+)/deploymentShapes/([^/]+)(?:/versions/([^/]+))?");

  private final String shorthand;
  private final AccountId account;
  private final String id;
  private final String version;

  private DeploymentShapeName(String shorthand, AccountId account, String id, String version) {
    this.shorthand = shorthand;
    this.account = account;
    this.id = id;
    this.version = version;
  }

  /**
   * Parses a shorthand (any case), a full shape name or a shape version name.
   *
   * @throws IllegalArgumentException naming the value and the accepted forms
   */
  public static DeploymentShapeName parse(String shape) {
    Objects.requireNonNull(shape, "shape");
    String s = shape.strip();
    if (SHORTHANDS.contains(s.toLowerCase(Locale.ROOT))) {
      return new DeploymentShapeName(s.toLowerCase(Locale.ROOT), null, null, null);
    }
    Matcher m = FULL.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("deploymentShape must be fast, throughput, minimal, full_precision or "
          + "accounts/<account>/deploymentShapes/<id>[/versions/<version>], was \"" + shape + "\"");
    }
    return new DeploymentShapeName(null, AccountId.of(m.group(1)), m.group(2), m.group(3));
  }

  /** The shape {@code id} of {@code account}. */
  public static DeploymentShapeName of(AccountId account, String id) {
    return parse("accounts/" + Objects.requireNonNull(account, "account") + "/deploymentShapes/" + id);
  }

  /** True for a shorthand such as {@code fast}, which has no account, id or version. */
  public boolean isShorthand() {
    return shorthand != null;
  }

  /** The account that owns the shape (usually {@code fireworks}); empty for a shorthand. */
  public Optional<AccountId> account() {
    return Optional.ofNullable(account);
  }

  /** The shape id; empty for a shorthand. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** The version, such as {@code 3} or {@code latest}, when this names one. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  /** The same shape at {@code version}; refused for a shorthand. */
  public DeploymentShapeName withVersion(String version) {
    if (isShorthand()) {
      throw new IllegalArgumentException("the shorthand shape " + shorthand + " has no versions");
    }
    return parse("accounts/" + account + "/deploymentShapes/" + id + "/versions/" + version);
  }

  /** The shape without its version. */
  public DeploymentShapeName withoutVersion() {
    return version == null ? this : new DeploymentShapeName(null, account, id, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeploymentShapeName && o.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** The wire form: the shorthand, or {@code accounts/<a>/deploymentShapes/<id>[/versions/<v>]}. */
  @Override
  public String toString() {
    if (shorthand != null) {
      return shorthand;
    }
    return "accounts/" + account + "/deploymentShapes/" + id + (version == null ? "" : "/versions/" + version);
  }
}
