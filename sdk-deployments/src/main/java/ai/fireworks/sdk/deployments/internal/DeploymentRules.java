package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.core.Durations;
import ai.fireworks.sdk.core.OpenEnum;
import ai.fireworks.sdk.deployments.Placement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The client-side rules for deployment settings, in one place, shared by create, update and apply.
 * Each check throws {@link IllegalArgumentException} naming the field, the value and the rule.
 * Stateless; thread-safe.
 */
public final class DeploymentRules {
  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk.deployments");

  /** Smallest scale-to-zero window the API accepts. */
  public static final Duration MIN_SCALE_TO_ZERO_WINDOW = Duration.ofMinutes(5);
  /** Largest scale-up or scale-down window the API accepts. */
  public static final Duration MAX_SCALE_WINDOW = Duration.ofHours(1);
  /** Display names must be shorter than this. */
  public static final int DISPLAY_NAME_LIMIT = 64;
  /** Largest list page the API serves. */
  public static final int MAX_PAGE_SIZE = 200;

  private DeploymentRules() {}

  /** A replica count is zero or more. */
  public static void replicaCount(String field, int count) {
    if (count < 0) {
      throw new IllegalArgumentException(field + " must be at least 0, was " + count);
    }
  }

  /** The minimum does not exceed the maximum. */
  public static void minNotAboveMax(int min, int max) {
    if (min > max) {
      throw new IllegalArgumentException("minReplicaCount must not exceed maxReplicaCount, was min " + min
          + " > max " + max + " (raise maxReplicaCount or lower minReplicaCount)");
    }
  }

  /** Scale-to-zero happens no sooner than 5 minutes after the last request. */
  public static void scaleToZeroWindow(Duration window) {
    if (window.compareTo(MIN_SCALE_TO_ZERO_WINDOW) < 0) {
      throw new IllegalArgumentException("scaleToZeroWindow must be at least 5m, was " + format(window)
          + " (Fireworks does not scale to zero sooner)");
    }
  }

  /** Scale-up and scale-down windows lie between 0 and 1 hour. */
  public static void scaleWindow(String field, Duration window) {
    if (window.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, was " + format(window));
    }
    if (window.compareTo(MAX_SCALE_WINDOW) > 0) {
      throw new IllegalArgumentException(field + " must be at most 1h, was " + format(window));
    }
  }

  /** Each replica has at least one accelerator. */
  public static void acceleratorCount(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("acceleratorCount must be at least 1, was " + count);
    }
  }

  /** Display names are shorter than 64 characters. */
  public static void displayName(String name) {
    if (name.length() >= DISPLAY_NAME_LIMIT) {
      throw new IllegalArgumentException("displayName must be shorter than 64 characters, was " + name.length()
          + " characters: '" + name + "'");
    }
  }

  /** A non-negative setting that the API treats as "model default" when 0. */
  public static void nonNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be at least 0, was " + value);
    }
  }

  /**
   * The page size to send: at least 1; a size above 200 becomes 200, as the server would coerce it.
   *
   * @throws IllegalArgumentException if {@code size} is below 1
   */
  public static Optional<Integer> pageSize(Optional<Integer> size) {
    if (size.isPresent() && size.get() < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, was " + size.get());
    }
    return size.map(n -> Math.min(n, MAX_PAGE_SIZE));
  }

  /**
   * An enum value sent to the server is not its {@code *_UNSPECIFIED} placeholder (which would
   * leave the choice to the server while looking like a choice); values this SDK does not know are
   * sent as given.
   */
  public static void specified(String field, OpenEnum value) {
    if (value.value().endsWith("_UNSPECIFIED")) {
      throw new IllegalArgumentException(field + " must not be " + value + ": that is the API's placeholder for"
          + " \"not set\"; leave " + field + " unset to get the server's default");
    }
  }

  /** A shape owns the hardware: {@code deploymentShape} and {@code acceleratorType} are not sent together. */
  public static void shapeOwnsHardware(Optional<String> deploymentShape, Optional<?> acceleratorType) {
    if (deploymentShape.isPresent() && acceleratorType.isPresent()) {
      throw new IllegalArgumentException("deploymentShape and acceleratorType must not both be set, was"
          + " deploymentShape '" + deploymentShape.get() + "' and acceleratorType " + acceleratorType.get()
          + ": the shape owns the hardware (omit acceleratorType, or omit deploymentShape)");
    }
  }

  /**
   * A placement to send holds exactly one of {@code region}, {@code multiRegion} and a non-empty
   * {@code regions}, and no {@code *_UNSPECIFIED} value. Placements read from the server are not checked.
   */
  public static void placement(Placement placement) {
    List<String> set = new ArrayList<>();
    placement.region().ifPresent(r -> set.add("region " + r));
    placement.multiRegion().ifPresent(m -> set.add("multiRegion " + m));
    if (!placement.regions().isEmpty()) {
      set.add("regions " + placement.regions());
    }
    if (set.size() != 1) {
      throw new IllegalArgumentException("placement must set exactly one of region, multiRegion or a non-empty"
          + " regions list, was " + (set.isEmpty() ? "none (regions empty)" : String.join(" and ", set)));
    }
    placement.region().ifPresent(r -> specified("placement.region", r));
    placement.regions().forEach(r -> specified("placement.regions", r));
    placement.multiRegion().ifPresent(m -> {
      if (m.isBlank() || m.endsWith("_UNSPECIFIED")) {
        throw new IllegalArgumentException("placement.multiRegion must be a multi-region such as GLOBAL, US, EUROPE or"
            + " APAC, was '" + m + "'; leave placement unset to get the server's default (GLOBAL)");
      }
    });
  }

  /**
   * Warns (never fails) when long-prompt tuning is asked for with fewer than 2 accelerators per
   * replica: reports say it needs more memory, but the rule is not confirmed by the API.
   */
  public static void warnLongPrompt(Optional<Boolean> longPrompt, Optional<Integer> acceleratorCount) {
    if (longPrompt.orElse(false) && acceleratorCount.isPresent() && acceleratorCount.get() < 2) {
      LOG.log(System.Logger.Level.WARNING, "longPrompt=true with acceleratorCount=" + acceleratorCount.get()
          + ": long-prompt tuning needs more accelerator memory and may need acceleratorCount >= 2");
    }
  }

  /** Go-style duration text such as {@code 4m} or {@code 1h30m}. */
  public static String format(Duration d) {
    return Durations.formatGo(d);
  }
}
