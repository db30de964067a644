package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where a deployment may run: exactly one of a single {@link #region()}, a {@link #multiRegion()}
 * ({@code GLOBAL}, {@code US}, {@code EUROPE}, {@code APAC}) or a list of {@link #regions()}. The
 * server's default is {@code GLOBAL}. Placement is fixed at creation and cannot change in place.
 * Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = Placement.class)
@JsonSerialize(as = Placement.class)
abstract class AbstractPlacement {
  /** A single region. */
  public abstract Optional<Region> region();

  /** A multi-region name such as {@code GLOBAL} or {@code US}. */
  public abstract Optional<String> multiRegion();

  /** An explicit list of regions. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<Region> regions();

  /** Placement in one region. */
  public static Placement ofRegion(Region region) {
    return Placement.builder().region(region).build();
  }
}
