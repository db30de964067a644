package ai.fireworks.sdk.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * What an inference request's {@code model} field names: a model (routed to its default
 * deployment), a model on a specific deployment ({@code <MODEL_NAME>#<DEPLOYMENT_NAME>}), a
 * deployment, or a deployed model (an addon). {@link #toString()} is the wire form, always with
 * full resource names. Immutable; thread-safe.
 */
public final class ModelRef {
  private final ModelName model;
  private final DeploymentName deployment;
  private final DeployedModelName deployedModel;

  private ModelRef(ModelName model, DeploymentName deployment, DeployedModelName deployedModel) {
    this.model = model;
    this.deployment = deployment;
    this.deployedModel = deployedModel;
  }

  /** A model, served by whichever deployment is its default. */
  public static ModelRef of(ModelName model) {
    return new ModelRef(Objects.requireNonNull(model, "model"), null, null);
  }

  /** A model on a specific deployment: {@code <MODEL_NAME>#<DEPLOYMENT_NAME>}. */
  public static ModelRef of(ModelName model, DeploymentName deployment) {
    return new ModelRef(Objects.requireNonNull(model, "model"), Objects.requireNonNull(deployment, "deployment"), null);
  }

  /** A deployment, serving its base model. */
  public static ModelRef of(DeploymentName deployment) {
    return new ModelRef(null, Objects.requireNonNull(deployment, "deployment"), null);
  }

  /** A deployed model (an addon on a deployment). */
  public static ModelRef of(DeployedModelName deployedModel) {
    return new ModelRef(null, null, Objects.requireNonNull(deployedModel, "deployedModel"));
  }

  /**
   * Parses any model identifier the inference API accepts; deployment short forms need an account.
   *
   * @throws IllegalArgumentException naming what is wrong
   * @see #parse(String, AccountId)
   */
  @JsonCreator
  public static ModelRef parse(String identifier) {
    return parse(identifier, null);
  }

  /**
   * Parses {@code <model>#<deployment>} (full names, or short forms such as
   * {@code fireworks/mixtral-8x7b#alice/12345678}), {@code accounts/<a>/deployments/<id>},
   * {@code accounts/<a>/deployedModels/<id>}, or a model name. A bare deployment id after
   * {@code #} is resolved against {@code account}; a bare model id names a model of account
   * {@code fireworks}.
   *
   * @param account the caller's account, or {@code null} if unknown
   * @throws IllegalArgumentException naming what is wrong
   */
  public static ModelRef parse(String identifier, AccountId account) {
    if (identifier == null || identifier.isBlank()) {
      throw new IllegalArgumentException("model identifier must not be empty");
    }
    int hash = identifier.indexOf('#');
    if (hash >= 0) {
      if (identifier.indexOf('#', hash + 1) >= 0) {
        throw new IllegalArgumentException("model identifier '" + identifier + "' has more than one '#'");
      }
      return of(ModelName.parse(identifier.substring(0, hash)),
          DeploymentName.parse(identifier.substring(hash + 1), account));
    }
    String[] s = identifier.split("/", -1);
    if (s.length == 4 && s[0].equals("accounts") && s[2].equals("deployments")) {
      return of(DeploymentName.parse(identifier));
    }
    if (s.length == 4 && s[0].equals("accounts") && s[2].equals("deployedModels")) {
      return of(DeployedModelName.parse(identifier));
    }
    return of(ModelName.parse(identifier));
  }

  /** The model, unless this names a bare deployment or a deployed model. */
  public Optional<ModelName> model() {
    return Optional.ofNullable(model);
  }

  /** The deployment, when this names one (with or without a model). */
  public Optional<DeploymentName> deployment() {
    return Optional.ofNullable(deployment);
  }

  /** The deployed model, when this names one. */
  public Optional<DeployedModelName> deployedModel() {
    return Optional.ofNullable(deployedModel);
  }

  /** True when requests go to one specific deployment or deployed model, not a default route. */
  public boolean targetsDeployment() {
    return deployment != null || deployedModel != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModelRef && o.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** The wire form for the request's {@code model} field. */
  @JsonValue
  @Override
  public String toString() {
    if (deployedModel != null) {
      return deployedModel.toString();
    }
    if (model == null) {
      return deployment.toString();
    }
    return deployment == null ? model.toString() : model + "#" + deployment;
  }
}
