package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import org.immutables.value.Value;

/**
 * How to delete a deployment. The default is a soft delete: the deployment becomes DELETED and can
 * be restored with {@code undelete} until its purge time. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractDeleteOptions {
  /** A soft delete with the in-use check. */
  public static DeleteOptions defaults() {
    return Constants.DEFAULT;
  }

  /** Delete permanently, freeing the id for reuse (query {@code hard=true}); default false. */
  @Value.Default
  public boolean hard() {
    return false;
  }

  /** Delete even if the deployment is in use (query {@code ignoreChecks=true}); default false. */
  @Value.Default
  public boolean ignoreChecks() {
    return false;
  }

  /**
   * The constants, initialised apart from this class: the generated subclass needs this class
   * initialised first, so creating instances in its initialiser could deadlock two threads.
   */
  private static final class Constants {
    static final DeleteOptions DEFAULT = DeleteOptions.builder().build();
  }
}
