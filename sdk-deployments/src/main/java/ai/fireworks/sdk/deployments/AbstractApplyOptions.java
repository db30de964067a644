package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** How {@code apply} and {@code plan} treat failed deployments and whether apply waits. Immutable; thread-safe. */
@Value.Immutable
@FireworksStyle
abstract class AbstractApplyOptions {
  /** Report failed deployments, do not wait. */
  public static ApplyOptions defaults() {
    return Constants.DEFAULT;
  }

  /** What to do with a FAILED, DELETED or DELETING deployment; default {@link FailedDeploymentPolicy#REPORT}. */
  @Value.Default
  public FailedDeploymentPolicy onFailed() {
    return FailedDeploymentPolicy.REPORT;
  }

  /** If set, apply waits until the deployment is READY with these options before returning. */
  public abstract Optional<WaitOptions> waitUntilReady();

  /**
   * The constants, initialised apart from this class: the generated subclass needs this class
   * initialised first, so creating instances in its initialiser could deadlock two threads.
   */
  private static final class Constants {
    static final ApplyOptions DEFAULT = ApplyOptions.builder().build();
  }
}
