package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.internal.FireworksStyle;
import ai.fireworks.sdk.deployments.internal.DeploymentRules;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Parameters of a deployment-shape (or shape-version) listing: page size (at most 200, server
 * default 50), an AIP-160 filter, an order, and for shapes the model they must fit
 * ({@code targetModel}). Unset fields are not sent. Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
abstract class AbstractListDeploymentShapesRequest {
  /** Everything, with the server's defaults. */
  public static ListDeploymentShapesRequest all() {
    return ListDeploymentShapesRequest.builder().build();
  }

  /** The shapes that fit {@code model}. */
  public static ListDeploymentShapesRequest forModel(ModelName model) {
    return ListDeploymentShapesRequest.builder().targetModel(model).build();
  }

  /**
   * Items per page, at least 1. The server serves at most 200: a larger value becomes 200 (what
   * {@code pageSize()} then returns and what is sent), as the server would coerce it.
   *
   * @throws IllegalArgumentException (from {@code build()}) if below 1
   */
  public abstract Optional<Integer> pageSize();

  /** The page to start from, as returned by the previous page. */
  public abstract Optional<String> pageToken();

  /** AIP-160 filter with snake_case field names. */
  public abstract Optional<String> filter();

  /** Comma-separated fields, each optionally followed by {@code desc}. */
  public abstract Optional<String> orderBy();

  /** Only shapes compatible with this model (shape listings only; refused for versions). */
  public abstract Optional<ModelName> targetModel();

  @Value.Check
  AbstractListDeploymentShapesRequest normalize() {
    Optional<Integer> sent = DeploymentRules.pageSize(pageSize());
    return sent.equals(pageSize()) ? this : ListDeploymentShapesRequest.copyOf(this).withPageSize(sent);
  }

}
