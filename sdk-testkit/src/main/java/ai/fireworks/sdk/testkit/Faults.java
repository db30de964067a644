package ai.fireworks.sdk.testkit;

import ai.fireworks.sdk.testkit.internal.FaultRegistry;
import ai.fireworks.sdk.testkit.internal.FaultSpec;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The emulator's pending faults. The first pending fault that matches a request applies to it
 * and is used up after its {@link Fault#times(int) count}. Faults apply before authentication and
 * routing, as a network or gateway failure would. Thread-safe.
 */
public final class Faults {
  private final FaultRegistry registry;

  Faults(FaultRegistry registry) {
    this.registry = registry;
  }

  /** Adds a fault after the pending ones; returns this for chaining. */
  public Faults inject(Fault fault) {
    registry.add(Objects.requireNonNull(fault, "fault").toSpec());
    return this;
  }

  /** Removes every pending fault. */
  public void clear() {
    registry.clear();
  }

  /** Descriptions of the faults not yet used up, in order. */
  public List<String> pending() {
    return registry.pending().stream().map(FaultSpec::description).collect(Collectors.toList());
  }

  /** True if every injected fault has been used up (or cleared). */
  public boolean allUsed() {
    return registry.pending().isEmpty();
  }

  @Override
  public String toString() {
    return "Faults" + pending();
  }
}
