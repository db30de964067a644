package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/**
 * Outcome of a resource's last operation as the server reports it: a google.rpc code name such as
 * {@code OK}, {@code RESOURCE_EXHAUSTED} or {@code INVALID_ARGUMENT}, and a message. On a FAILED
 * deployment it says why. Shared by deployments and deployed models. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = Status.class)
@JsonSerialize(as = Status.class)
abstract class AbstractStatus {
  /** The code name, such as {@code OK} or {@code FAILED_PRECONDITION}; default {@code OK} when the server omits it. */
  @Value.Default
  public String code() {
    return "OK";
  }

  /** The human-readable message; empty when the server sent none. */
  @Value.Default
  public String message() {
    return "";
  }

  /** {@code CODE: message}, or just the code when there is no message. */
  @Override
  public String toString() {
    return message().isEmpty() ? code() : code() + ": " + message();
  }
}
