package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.internal.FireworksStyle;
import ai.fireworks.sdk.deployments.internal.DeploymentRules;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Parameters of a deployment listing. Every field is optional; {@code ListDeploymentsRequest.builder().build()}
 * lists the client's account with the server's defaults (50 per page, ordered by creation time,
 * soft-deleted deployments hidden). Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractListDeploymentsRequest {
  /** Lists everything with the server's defaults. */
  public static ListDeploymentsRequest all() {
    return Constants.ALL;
  }

  /** Account to list; default the client's account. */
  public abstract Optional<AccountId> account();

  /**
   * Items per page, at least 1; server default 50. The server serves at most 200: a larger value
   * becomes 200 (what {@code pageSize()} then returns and what is sent), as the server would coerce it.
   *
   * @throws IllegalArgumentException (from {@code build()}) if below 1
   */
  public abstract Optional<Integer> pageSize();

  /** Opaque token of the page to start at, from a previous page. */
  public abstract Optional<String> pageToken();

  /** AIP-160 filter with snake_case field names, such as {@code state="READY"}. */
  public abstract Optional<String> filter();

  /** Comma-separated fields with optional {@code " desc"}, such as {@code create_time desc}. */
  public abstract Optional<String> orderBy();

  /** Include soft-deleted (DELETED) deployments; default false. */
  @Value.Default
  public boolean showDeleted() {
    return false;
  }

  @Value.Check
  AbstractListDeploymentsRequest normalize() {
    Optional<Integer> sent = DeploymentRules.pageSize(pageSize());
    return sent.equals(pageSize()) ? this : ListDeploymentsRequest.copyOf(this).withPageSize(sent);
  }

  /**
   * The constants, initialised apart from this class: the generated subclass needs this class
   * initialised first, so creating instances in its initialiser could deadlock two threads.
   */
  private static final class Constants {
    static final ListDeploymentsRequest ALL = ListDeploymentsRequest.builder().build();
  }
}
