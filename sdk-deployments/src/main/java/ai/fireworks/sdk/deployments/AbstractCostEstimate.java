package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An estimate of what a deployment costs while it runs at its minimum and at its maximum replica
 * count. Fireworks bills on-demand deployments per GPU-second while replicas are up (nothing at zero
 * replicas); GPUs = replicas x accelerators per replica. Parts are empty when unknown: the
 * accelerator count when the spec leaves it to the server, dollars when the accelerator type is
 * unset or missing from the {@link GpuPriceTable}. An estimate, never a quote. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractCostEstimate {
  /** The accelerator type priced, if known. */
  public abstract Optional<AcceleratorType> acceleratorType();

  /** Accelerators per replica, if known. */
  public abstract Optional<Integer> acceleratorsPerReplica();

  /** Replicas at the low end (the minimum replica count). */
  public abstract int minReplicas();

  /** Replicas at the high end (the maximum replica count). */
  public abstract int maxReplicas();

  /** Dollars per GPU-hour used, if the table had a price. */
  public abstract Optional<BigDecimal> pricePerGpuHour();

  /** Where the price came from. */
  public abstract String priceSource();

  /** Estimates {@code spec} with {@link GpuPriceTable#published()}. */
  public static CostEstimate of(DeploymentSpec spec) {
    return of(spec, GpuPriceTable.published());
  }

  /** Estimates {@code spec}, using its effective replica counts, with {@code prices}. */
  public static CostEstimate of(DeploymentSpec spec, GpuPriceTable prices) {
    return build(spec.acceleratorType(), spec.acceleratorCount(), spec.effectiveMinReplicaCount(),
        spec.effectiveMaxReplicaCount(), prices);
  }

  /** Estimates an existing deployment with {@code prices}. */
  public static CostEstimate of(Deployment deployment, GpuPriceTable prices) {
    return build(deployment.acceleratorType(), deployment.acceleratorCount(), deployment.minReplicaCount(),
        Math.max(deployment.minReplicaCount(), deployment.maxReplicaCount()), prices);
  }

  private static CostEstimate build(Optional<AcceleratorType> type, Optional<Integer> count, int min, int max,
      GpuPriceTable prices) {
    Optional<BigDecimal> price = type.flatMap(prices::priceOf);
    String source = prices.description() + type.map(prices.sources()::get).map(s -> " (" + s + ")").orElse("");
    return CostEstimate.builder().acceleratorType(type).acceleratorsPerReplica(count).minReplicas(min)
        .maxReplicas(max).pricePerGpuHour(price).priceSource(source).build();
  }

  /** GPUs running at the minimum replica count. */
  public Optional<Integer> gpusAtMin() {
    return minReplicas() == 0 ? Optional.of(0) : acceleratorsPerReplica().map(n -> n * minReplicas());
  }

  /** GPUs running at the maximum replica count. */
  public Optional<Integer> gpusAtMax() {
    return maxReplicas() == 0 ? Optional.of(0) : acceleratorsPerReplica().map(n -> n * maxReplicas());
  }

  /** Dollars per hour at the minimum replica count (zero when the minimum is zero and the price is known). */
  public Optional<BigDecimal> dollarsPerHourAtMin() {
    return dollars(gpusAtMin());
  }

  /** Dollars per hour at the maximum replica count. */
  public Optional<BigDecimal> dollarsPerHourAtMax() {
    return dollars(gpusAtMax());
  }

  /** True if both GPU counts and prices are known. */
  public boolean isComplete() {
    return dollarsPerHourAtMax().isPresent();
  }

  private Optional<BigDecimal> dollars(Optional<Integer> gpus) {
    return pricePerGpuHour().flatMap(p -> gpus.map(g -> p.multiply(BigDecimal.valueOf(g)).setScale(2, RoundingMode.HALF_UP)));
  }

  /** A one-line summary such as {@code estimate: 0-2 replicas x 1 NVIDIA_H100_80GB = 0-2 GPUs, $0.00-$14.00/hour (...)}. */
  @Override
  public String toString() {
    String gpus = acceleratorsPerReplica().map(String::valueOf).orElse("?");
    return "estimate: " + minReplicas() + "-" + maxReplicas() + " replicas x " + gpus + " "
        + acceleratorType().map(String::valueOf).orElse("(accelerator chosen by server)") + " = "
        + gpusAtMin().map(String::valueOf).orElse("?") + "-" + gpusAtMax().map(String::valueOf).orElse("?") + " GPUs, "
        + (isComplete() ? "$" + dollarsPerHourAtMin().get() + "-$" + dollarsPerHourAtMax().get() + "/hour"
            : "price unknown")
        + " (" + priceSource() + "; billed per GPU-second while replicas run)";
  }
}
