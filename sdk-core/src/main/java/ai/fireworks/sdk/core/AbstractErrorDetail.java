package ai.fireworks.sdk.core;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of the {@code details} array of a google.rpc error body, read leniently: its
 * {@code @type}, the entry as JSON, and the typed view when the SDK knows the type
 * ({@link #errorInfo()} for {@code google.rpc.ErrorInfo}, {@link #badRequest()} for
 * {@code google.rpc.BadRequest}). Entries of other types keep only {@link #type()} and
 * {@link #json()}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractErrorDetail {
  /** The {@code @type} URL, such as {@code type.googleapis.com/google.rpc.ErrorInfo}; empty if none was sent. */
  @Value.Default
  public String type() {
    return "";
  }

  /** The entry exactly as the server sent it. */
  public abstract JsonNode json();

  /** The entry as an {@link ErrorInfo}, when it is one. */
  public abstract Optional<ErrorInfo> errorInfo();

  /** The entry as a {@link BadRequest}, when it is one. */
  public abstract Optional<BadRequest> badRequest();
}
