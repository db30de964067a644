package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.DeployedModelName;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.internal.Paths;
import ai.fireworks.sdk.deployments.DeploymentShapeName;

/**
 * Every control-plane path of this module, built in one place: deployments, deployed models and
 * models. Paths are relative to the base URL and already encoded; custom methods keep their
 * literal colon ({@code .../deployments/x:scale}). Stateless; thread-safe.
 */
public final class ControlPlanePaths {
  private ControlPlanePaths() {}

  /** {@code /v1/accounts/<account>}. */
  public static String account(AccountId account) {
    return "/v1/accounts/" + Paths.encode(account.toString());
  }

  /** The deployments collection, {@code /v1/accounts/<a>/deployments}. */
  public static String deployments(AccountId account) {
    return account(account) + "/deployments";
  }

  /** One deployment, {@code /v1/accounts/<a>/deployments/<id>}. */
  public static String deployment(DeploymentName name) {
    return deployments(name.account()) + "/" + Paths.encode(name.id());
  }

  /** The scale custom method, {@code /v1/accounts/<a>/deployments/<id>:scale}. */
  public static String deploymentScale(DeploymentName name) {
    return deployment(name) + ":scale";
  }

  /** The undelete custom method, {@code /v1/accounts/<a>/deployments/<id>:undelete}. */
  public static String deploymentUndelete(DeploymentName name) {
    return deployment(name) + ":undelete";
  }

  /** The deployed-models collection, {@code /v1/accounts/<a>/deployedModels}. */
  public static String deployedModels(AccountId account) {
    return account(account) + "/deployedModels";
  }

  /** One deployed model, {@code /v1/accounts/<a>/deployedModels/<id>}. */
  public static String deployedModel(DeployedModelName name) {
    return deployedModels(name.account()) + "/" + Paths.encode(name.id());
  }

  /** The deployment-shapes collection, {@code /v1/accounts/<a>/deploymentShapes}. */
  public static String deploymentShapes(AccountId account) {
    return account(account) + "/deploymentShapes";
  }

  /** One shape or shape version, {@code /v1/accounts/<a>/deploymentShapes/<id>[/versions/<v>]}; never a shorthand. */
  public static String deploymentShape(DeploymentShapeName name) {
    return deploymentShapes(name.account().orElseThrow()) + "/" + Paths.encode(name.id().orElseThrow())
        + name.version().map(v -> "/versions/" + Paths.encode(v)).orElse("");
  }

  /** The models collection, {@code /v1/accounts/<a>/models}. */
  public static String models(AccountId account) {
    return account(account) + "/models";
  }

  /** One model, {@code /v1/accounts/<a>/models/<id>}. */
  public static String model(ModelName name) {
    return models(name.account()) + "/" + Paths.encode(name.id());
  }
}
