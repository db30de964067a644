package ai.fireworks.sdk.examples.fwctl;

import ai.fireworks.sdk.core.WaitOptions;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A command's {@code --wait}: built when the command starts, so a bad {@code --wait-timeout} is a
 * usage error before any request; the wait itself reports progress on stderr and finishes the
 * progress line however it ends.
 */
final class Wait {
  private final ProgressLine progress;
  private final WaitOptions options;

  private Wait(ProgressLine progress, WaitOptions options) {
    this.progress = progress;
    this.options = options;
  }

  /** {@code --wait} as given ({@code requested}) with its {@code --wait-timeout}, which must be positive. */
  static Wait of(Fwctl root, boolean requested, Duration timeout) {
    ProgressLine progress = root.progress();
    if (!requested) {
      return new Wait(progress, null);
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new UsageException("--wait-timeout must be positive, was " + timeout);
    }
    return new Wait(progress, WaitOptions.builder()
        .timeout(timeout)
        .initialInterval(root.ctx.firstPollInterval)
        .maxInterval(root.ctx.maxPollInterval)
        .onProgress(p -> progress.update(Formats.progress(p)))
        .build());
  }

  boolean requested() {
    return options != null;
  }

  /** Waits with {@code waitFor}, showing progress; call only if {@link #requested()}. */
  <T> T run(Function<WaitOptions, T> waitFor) {
    try {
      return waitFor.apply(options);
    } finally {
      progress.finish();
    }
  }

  /** {@code submitAndWait} with progress if {@code --wait} was given, else {@code submit}. */
  <T> T submit(Supplier<T> submit, Function<WaitOptions, T> submitAndWait) {
    return requested() ? run(submitAndWait) : submit.get();
  }
}
