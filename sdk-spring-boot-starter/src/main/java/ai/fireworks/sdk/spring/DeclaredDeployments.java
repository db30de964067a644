package ai.fireworks.sdk.spring;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.deployments.AcceleratorType;
import ai.fireworks.sdk.deployments.DeploymentSpec;
import ai.fireworks.sdk.deployments.Precision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The deployments declared under {@code fireworks.deployments.<id>}, as SDK specs, names and model
 * references, so application code never repeats {@code model#deployment} strings. A bean of the
 * starter; each {@link ModelRef} is also a bean qualified by its id
 * ({@code @Qualifier("my-llama") ModelRef model}). Immutable; thread-safe.
 */
public final class DeclaredDeployments {
  private final Map<String, DeploymentSpec> specs;
  private final AccountId account;

  private DeclaredDeployments(Map<String, DeploymentSpec> specs, AccountId account) {
    this.specs = Collections.unmodifiableMap(specs);
    this.account = account;
  }

  /**
   * Validates and converts {@code properties.getDeployments()}.
   *
   * @throws IllegalArgumentException naming the deployment id and the property that is missing or
   *     invalid (a base model, an account id, an SDK rule such as the 5m scale-to-zero minimum)
   */
  public static DeclaredDeployments from(FireworksProperties properties) {
    Map<String, DeploymentSpec> specs = new LinkedHashMap<>();
    AccountId account = null;
    if (!properties.getDeployments().isEmpty()) {
      if (properties.getAccountId() == null || properties.getAccountId().isBlank()) {
        throw new IllegalArgumentException("fireworks.account-id (or FIREWORKS_ACCOUNT_ID) is required when "
            + "deployments are declared under fireworks.deployments, was not set");
      }
      account = AccountId.of(properties.getAccountId().strip());
    }
    properties.getDeployments().forEach((id, d) -> {
      try {
        specs.put(id, spec(id, d));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("fireworks.deployments." + id + ": " + e.getMessage(), e);
      }
    });
    return new DeclaredDeployments(specs, account);
  }

  private static DeploymentSpec spec(String id, DeclaredDeploymentProperties d) {
    if (d.getBaseModel() == null || d.getBaseModel().isBlank()) {
      throw new IllegalArgumentException("base-model is required, was not set");
    }
    DeploymentSpec.Builder b = DeploymentSpec.builder().deploymentId(id).baseModel(ModelName.parse(d.getBaseModel().strip()))
        .displayName(Optional.ofNullable(d.getDisplayName()))
        .minReplicaCount(Optional.ofNullable(d.getMinReplicaCount()))
        .maxReplicaCount(Optional.ofNullable(d.getMaxReplicaCount()))
        .scaleUpWindow(Optional.ofNullable(d.getScaleUpWindow()))
        .scaleDownWindow(Optional.ofNullable(d.getScaleDownWindow()))
        .scaleToZeroWindow(Optional.ofNullable(d.getScaleToZeroWindow()))
        .acceleratorType(Optional.ofNullable(d.getAcceleratorType()).map(AcceleratorType::of))
        .acceleratorCount(Optional.ofNullable(d.getAcceleratorCount()))
        .precision(Optional.ofNullable(d.getPrecision()).map(Precision::of))
        .longPrompt(Optional.ofNullable(d.getLongPrompt()))
        .enableAddons(Optional.ofNullable(d.getEnableAddons()))
        .deploymentShape(Optional.ofNullable(d.getDeploymentShape()));
    return b.build();
  }

  /** The declared ids, in declaration order. */
  public Set<String> ids() {
    return specs.keySet();
  }

  /**
   * The spec declared for {@code id}.
   *
   * @throws IllegalArgumentException if no deployment {@code id} is declared
   */
  public DeploymentSpec spec(String id) {
    DeploymentSpec spec = specs.get(id);
    if (spec == null) {
      throw new IllegalArgumentException("no deployment '" + id + "' is declared under fireworks.deployments; declared: "
          + specs.keySet());
    }
    return spec;
  }

  /**
   * The resource name of deployment {@code id}, {@code accounts/<account>/deployments/<id>}; throws like
   * {@link #spec}.
   */
  public DeploymentName name(String id) {
    return spec(id).deploymentName(account).orElseThrow();
  }

  /** {@code <base model>#<deployment>}, what inference calls take; throws like {@link #spec}. */
  public ModelRef modelRef(String id) {
    return ModelRef.of(spec(id).baseModel(), name(id));
  }

  @Override
  public String toString() {
    return "DeclaredDeployments" + specs.keySet();
  }
}
