package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * On-demand prices in US dollars per GPU-hour, by accelerator type, with where and when each was
 * published. Prices are configuration, not facts the API reports: build your own table from your
 * contract, or use {@link #published()}. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractGpuPriceTable {
  /**
   * Fireworks' published list prices as found in public sources; an estimate that may be out of
   * date: A100 80GB $3.89 (fireworks.ai/pricing, ~2024), H100 80GB and H200 141GB $7.00, B200 180GB
   * $10.00, B300 288GB $12.00 (Fireworks docs and a pricing transcription, 2026). Other accelerators
   * (such as MI300X) have no published price here, so their estimate is empty.
   */
  public static GpuPriceTable published() {
    return Constants.PUBLISHED;
  }

  /** What the table is, such as "contract prices 2026-Q3". */
  @Value.Default
  public String description() {
    return "caller-supplied prices";
  }

  /** Dollars per GPU-hour by accelerator type. */
  public abstract Map<AcceleratorType, BigDecimal> prices();

  /** Where and when each price was published, by accelerator type (optional). */
  public abstract Map<AcceleratorType, String> sources();

  /** The price of one GPU-hour of {@code type}, if the table has one. */
  public Optional<BigDecimal> priceOf(AcceleratorType type) {
    return Optional.ofNullable(prices().get(type));
  }

  @Value.Check
  void check() {
    prices().forEach((type, price) -> {
      if (price.signum() < 0) {
        throw new IllegalArgumentException("price of " + type + " must not be negative, was " + price);
      }
    });
  }

  /**
   * The constants, initialised apart from this class: the generated subclass needs this class
   * initialised first, so creating instances in its initialiser could deadlock two threads.
   */
  private static final class Constants {
    static final GpuPriceTable PUBLISHED = GpuPriceTable.builder()
        .description("Fireworks published on-demand list prices (estimate; check fireworks.ai/pricing)")
        .putPrices(AcceleratorType.NVIDIA_A100_80GB, new BigDecimal("3.89"))
        .putSources(AcceleratorType.NVIDIA_A100_80GB, "fireworks.ai/pricing, ~2024")
        .putPrices(AcceleratorType.NVIDIA_H100_80GB, new BigDecimal("7.00"))
        .putSources(AcceleratorType.NVIDIA_H100_80GB, "Fireworks docs cost calculator, 2026")
        .putPrices(AcceleratorType.NVIDIA_H200_141GB, new BigDecimal("7.00"))
        .putSources(AcceleratorType.NVIDIA_H200_141GB, "Fireworks docs cost calculator, 2026")
        .putPrices(AcceleratorType.NVIDIA_B200_180GB, new BigDecimal("10.00"))
        .putSources(AcceleratorType.NVIDIA_B200_180GB, "Fireworks docs cost calculator, 2026")
        .putPrices(AcceleratorType.NVIDIA_B300_288GB, new BigDecimal("12.00"))
        .putSources(AcceleratorType.NVIDIA_B300_288GB, "Fireworks docs cost calculator, 2026")
        .build();
  }
}
