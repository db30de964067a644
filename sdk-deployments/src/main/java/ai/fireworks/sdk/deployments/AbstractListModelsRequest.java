package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.internal.FireworksStyle;
import ai.fireworks.sdk.deployments.internal.DeploymentRules;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Parameters of {@link ModelsClient#list(ListModelsRequest)}. Everything is optional: by default
 * the client's own account is listed, in the server's order, with the server's page size.
 * Build with {@code ListModelsRequest.builder()}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractListModelsRequest {
  /** Lists everything with the defaults. */
  public static ListModelsRequest all() {
    return Constants.ALL;
  }

  /**
   * The account whose models are listed, such as {@link AccountId#FIREWORKS} for the public
   * catalogue; default the client's account.
   */
  public abstract Optional<AccountId> account();

  /** An AIP-160 filter with snake_case field names, such as {@code kind="HF_PEFT_ADDON"}. */
  public abstract Optional<String> filter();

  /** A sort order, such as {@code create_time desc}; default the server's ({@code name}). */
  public abstract Optional<String> orderBy();

  /**
   * Items per page, at least 1; default the server's (50). The server serves at most 200: a larger
   * value becomes 200 (what {@code pageSize()} then returns and what is sent), as the server would
   * coerce it.
   *
   * @throws IllegalArgumentException (from {@code build()}) if below 1
   */
  public abstract Optional<Integer> pageSize();

  /** The opaque token of the page to start from; default the first page. */
  public abstract Optional<String> pageToken();

  @Value.Check
  AbstractListModelsRequest normalize() {
    Optional<Integer> sent = DeploymentRules.pageSize(pageSize());
    return sent.equals(pageSize()) ? this : ListModelsRequest.copyOf(this).withPageSize(sent);
  }

  /**
   * The constants, initialised apart from this class: the generated subclass needs this class
   * initialised first, so creating instances in its initialiser could deadlock two threads.
   */
  private static final class Constants {
    static final ListModelsRequest ALL = ListModelsRequest.builder().build();
  }
}
