package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.util.List;
import org.immutables.value.Value;

/** A {@code google.rpc.BadRequest} entry of an error's {@code details}: which fields were refused. Immutable; thread-safe. */
@Value.Immutable
@FireworksStyle
abstract class AbstractBadRequest {
  /** The refused fields, in the order the server listed them. */
  public abstract List<FieldViolation> fieldViolations();
}
