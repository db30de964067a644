package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.OpenEnum;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Datacenter region, such as {@code US_VIRGINIA_1}; used in {@link Placement} and reported by {@link Deployment#region()}. Open: a value added by the server later parses to a value that keeps its string
 * ({@link #isKnown()} false) instead of failing. Immutable; thread-safe.
 */
public final class Region extends OpenEnum {
  private static final Values<Region> VALUES = new Values<>(Region::new);

  /** {@code REGION_UNSPECIFIED}. */
  public static final Region REGION_UNSPECIFIED = VALUES.known("REGION_UNSPECIFIED");
  /** {@code US_IOWA_1}. */
  public static final Region US_IOWA_1 = VALUES.known("US_IOWA_1");
  /** {@code US_VIRGINIA_1}. */
  public static final Region US_VIRGINIA_1 = VALUES.known("US_VIRGINIA_1");
  /** {@code US_VIRGINIA_2}. */
  public static final Region US_VIRGINIA_2 = VALUES.known("US_VIRGINIA_2");
  /** {@code US_ILLINOIS_1}. */
  public static final Region US_ILLINOIS_1 = VALUES.known("US_ILLINOIS_1");
  /** {@code AP_TOKYO_1}. */
  public static final Region AP_TOKYO_1 = VALUES.known("AP_TOKYO_1");
  /** {@code EU_LONDON_1}. */
  public static final Region EU_LONDON_1 = VALUES.known("EU_LONDON_1");
  /** {@code US_ARIZONA_1}. */
  public static final Region US_ARIZONA_1 = VALUES.known("US_ARIZONA_1");
  /** {@code US_TEXAS_1}. */
  public static final Region US_TEXAS_1 = VALUES.known("US_TEXAS_1");
  /** {@code US_ILLINOIS_2}. */
  public static final Region US_ILLINOIS_2 = VALUES.known("US_ILLINOIS_2");
  /** {@code EU_FRANKFURT_1}. */
  public static final Region EU_FRANKFURT_1 = VALUES.known("EU_FRANKFURT_1");
  /** {@code US_TEXAS_2}. */
  public static final Region US_TEXAS_2 = VALUES.known("US_TEXAS_2");
  /** {@code EU_PARIS_1}. */
  public static final Region EU_PARIS_1 = VALUES.known("EU_PARIS_1");
  /** {@code EU_HELSINKI_1}. */
  public static final Region EU_HELSINKI_1 = VALUES.known("EU_HELSINKI_1");
  /** {@code US_NEVADA_1}. */
  public static final Region US_NEVADA_1 = VALUES.known("US_NEVADA_1");
  /** {@code EU_ICELAND_1}. */
  public static final Region EU_ICELAND_1 = VALUES.known("EU_ICELAND_1");
  /** {@code EU_ICELAND_2}. */
  public static final Region EU_ICELAND_2 = VALUES.known("EU_ICELAND_2");
  /** {@code US_WASHINGTON_1}. */
  public static final Region US_WASHINGTON_1 = VALUES.known("US_WASHINGTON_1");
  /** {@code US_WASHINGTON_2}. */
  public static final Region US_WASHINGTON_2 = VALUES.known("US_WASHINGTON_2");
  /** {@code EU_ICELAND_DEV_1}. */
  public static final Region EU_ICELAND_DEV_1 = VALUES.known("EU_ICELAND_DEV_1");
  /** {@code US_WASHINGTON_3}. */
  public static final Region US_WASHINGTON_3 = VALUES.known("US_WASHINGTON_3");
  /** {@code US_ARIZONA_2}. */
  public static final Region US_ARIZONA_2 = VALUES.known("US_ARIZONA_2");
  /** {@code AP_TOKYO_2}. */
  public static final Region AP_TOKYO_2 = VALUES.known("AP_TOKYO_2");
  /** {@code US_CALIFORNIA_1}. */
  public static final Region US_CALIFORNIA_1 = VALUES.known("US_CALIFORNIA_1");
  /** {@code US_MISSOURI_1}. */
  public static final Region US_MISSOURI_1 = VALUES.known("US_MISSOURI_1");
  /** {@code US_UTAH_1}. */
  public static final Region US_UTAH_1 = VALUES.known("US_UTAH_1");
  /** {@code US_TEXAS_3}. */
  public static final Region US_TEXAS_3 = VALUES.known("US_TEXAS_3");
  /** {@code US_ARIZONA_3}. */
  public static final Region US_ARIZONA_3 = VALUES.known("US_ARIZONA_3");
  /** {@code US_GEORGIA_1}. */
  public static final Region US_GEORGIA_1 = VALUES.known("US_GEORGIA_1");
  /** {@code US_GEORGIA_2}. */
  public static final Region US_GEORGIA_2 = VALUES.known("US_GEORGIA_2");
  /** {@code US_WASHINGTON_4}. */
  public static final Region US_WASHINGTON_4 = VALUES.known("US_WASHINGTON_4");
  /** {@code US_GEORGIA_3}. */
  public static final Region US_GEORGIA_3 = VALUES.known("US_GEORGIA_3");
  /** {@code NA_BRITISHCOLUMBIA_1}. */
  public static final Region NA_BRITISHCOLUMBIA_1 = VALUES.known("NA_BRITISHCOLUMBIA_1");
  /** {@code US_GEORGIA_4}. */
  public static final Region US_GEORGIA_4 = VALUES.known("US_GEORGIA_4");
  /** {@code EU_ICELAND_3}. */
  public static final Region EU_ICELAND_3 = VALUES.known("EU_ICELAND_3");
  /** {@code US_OHIO_1}. */
  public static final Region US_OHIO_1 = VALUES.known("US_OHIO_1");
  /** {@code US_NEWYORK_1}. */
  public static final Region US_NEWYORK_1 = VALUES.known("US_NEWYORK_1");
  /** {@code EU_NETHERLANDS_1}. */
  public static final Region EU_NETHERLANDS_1 = VALUES.known("EU_NETHERLANDS_1");
  /** {@code US_WASHINGTON_5}. */
  public static final Region US_WASHINGTON_5 = VALUES.known("US_WASHINGTON_5");
  /** {@code US_MINNESOTA_1}. */
  public static final Region US_MINNESOTA_1 = VALUES.known("US_MINNESOTA_1");
  /** {@code US_CALIFORNIA_2}. */
  public static final Region US_CALIFORNIA_2 = VALUES.known("US_CALIFORNIA_2");
  /** {@code AP_MALAYSIA_1}. */
  public static final Region AP_MALAYSIA_1 = VALUES.known("AP_MALAYSIA_1");
  /** {@code US_OHIO_2}. */
  public static final Region US_OHIO_2 = VALUES.known("US_OHIO_2");

  private Region(String value, boolean known) {
    super(value, known);
  }

  /** Returns the value for a wire string; never throws for unknown strings. */
  @JsonCreator
  public static Region of(String value) {
    return VALUES.of(value);
  }
}
