package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import org.immutables.value.Value;

/** One bad field of a {@link BadRequest}: its path and what is wrong with it. Immutable; thread-safe. */
@Value.Immutable
@FireworksStyle
abstract class AbstractFieldViolation {
  /** Path of the field, such as {@code autoscaling_policy.scale_to_zero_window}; empty if none was sent. */
  @Value.Default
  public String field() {
    return "";
  }

  /** Why the value was refused; empty if none was sent. */
  @Value.Default
  public String description() {
    return "";
  }
}
