package ai.fireworks.sdk.deployments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.internal.Json;
import ai.fireworks.sdk.core.ModelName;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CostEstimateTest {
  static final ModelName LLAMA = ModelName.parse("accounts/fireworks/models/llama-v3p1-70b-instruct");

  @Test
  void gpusAndDollarsAtMinAndMaxReplicasFromThePublishedTable() {
    DeploymentSpec spec = DeploymentSpec.builder().baseModel(LLAMA).acceleratorType(AcceleratorType.NVIDIA_H100_80GB)
        .acceleratorCount(2).minReplicaCount(1).maxReplicaCount(3).build();

    CostEstimate cost = CostEstimate.of(spec);

    assertEquals(Optional.of(2), cost.gpusAtMin());
    assertEquals(Optional.of(6), cost.gpusAtMax());
    assertEquals(new BigDecimal("14.00"), cost.dollarsPerHourAtMin().orElseThrow());
    assertEquals(new BigDecimal("42.00"), cost.dollarsPerHourAtMax().orElseThrow());
    assertTrue(cost.isComplete());
    assertTrue(cost.toString().startsWith("estimate: 1-3 replicas x 2 NVIDIA_H100_80GB = 2-6 GPUs, $14.00-$42.00/hour"),
        cost.toString());
    assertTrue(cost.priceSource().contains("2026"), cost.priceSource());
  }

  @Test
  void theDefaultMaximumIsUsedWhenUnsetAndZeroReplicasCostNothing() {
    DeploymentSpec spec = DeploymentSpec.builder().baseModel(LLAMA).acceleratorType(AcceleratorType.NVIDIA_A100_80GB)
        .acceleratorCount(1).build();

    CostEstimate cost = CostEstimate.of(spec);

    assertEquals(0, cost.minReplicas());
    assertEquals(1, cost.maxReplicas());
    assertEquals(new BigDecimal("0.00"), cost.dollarsPerHourAtMin().orElseThrow());
    assertEquals(new BigDecimal("3.89"), cost.dollarsPerHourAtMax().orElseThrow());
    assertTrue(cost.priceSource().contains("~2024"), "the A100 price is the older one: " + cost.priceSource());
  }

  @Test
  void anUnknownOrUnpricedAcceleratorGivesAnEmptyEstimateNotAnException() {
    DeploymentSpec future = DeploymentSpec.builder().baseModel(LLAMA).acceleratorType(AcceleratorType.of("NVIDIA_X300_512GB"))
        .acceleratorCount(8).maxReplicaCount(2).build();
    DeploymentSpec amd = DeploymentSpec.builder().baseModel(LLAMA).acceleratorType(AcceleratorType.AMD_MI300X_192GB)
        .acceleratorCount(1).build();
    DeploymentSpec unset = DeploymentSpec.builder().baseModel(LLAMA).build();

    assertFalse(CostEstimate.of(future).isComplete());
    assertEquals(Optional.of(16), CostEstimate.of(future).gpusAtMax());
    assertEquals(Optional.empty(), CostEstimate.of(amd).dollarsPerHourAtMax());
    assertEquals(Optional.empty(), CostEstimate.of(unset).gpusAtMax());
    assertTrue(CostEstimate.of(unset).toString().contains("price unknown"));
  }

  @Test
  void aCallerSuppliedTableReplacesThePublishedPrices() throws Exception {
    GpuPriceTable contract = GpuPriceTable.builder().description("contract 2026-Q3")
        .putPrices(AcceleratorType.AMD_MI300X_192GB, new BigDecimal("4.25")).build();
    Deployment existing = Json.MAPPER.readValue(Fixtures.edited("deployment.json",
        n -> n.put("acceleratorType", "AMD_MI300X_192GB").put("acceleratorCount", 2)), Deployment.class);

    CostEstimate cost = CostEstimate.of(existing, contract);

    assertEquals(new BigDecimal("17.00"), cost.dollarsPerHourAtMax().orElseThrow());
    assertTrue(cost.toString().contains("contract 2026-Q3"));
    assertThrows(IllegalArgumentException.class, () -> GpuPriceTable.builder()
        .putPrices(AcceleratorType.NVIDIA_H100_80GB, new BigDecimal("-1")).build());
  }
}
