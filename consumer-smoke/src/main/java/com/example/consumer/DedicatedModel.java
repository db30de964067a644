package com.example.consumer;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.deployments.AcceleratorType;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentState;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.InferenceClient;
import java.time.Duration;

/**
 * What a user's application does with the SDK, written against the published artifacts only: bring
 * up a dedicated deployment of a model, ask it something, tear it down.
 */
public final class DedicatedModel {
  private final DeploymentsClient deployments;
  private final InferenceClient inference;

  /** Uses the given client's account, credentials and executor. */
  public DedicatedModel(FireworksClient client) {
    this.deployments = DeploymentsClient.of(client);
    this.inference = InferenceClient.of(client);
  }

  /** Creates a deployment that scales to zero when idle; returns its {@code model#deployment} reference. */
  public ModelRef deploy(String model, String deploymentId) {
    Deployment created = deployments.create(ModelName.parse(model))
        .deploymentId(deploymentId)
        .minReplicaCount(0).maxReplicaCount(1)
        .scaleToZeroWindow(Duration.ofMinutes(5))
        .acceleratorType(AcceleratorType.NVIDIA_H100_80GB).acceleratorCount(1)
        .submit();
    return ModelRef.of(created.baseModel(), created.name());
  }

  /** True once the deployment behind the reference serves requests. */
  public boolean isReady(ModelRef target) {
    return deployments.get(target.deployment().orElseThrow()).state().equals(DeploymentState.READY);
  }

  /** The deployment's completion of the prompt. */
  public String complete(ModelRef target, String prompt) {
    return inference.completions(target, prompt).text();
  }

  /** Deletes the deployment behind the reference. */
  public void tearDown(ModelRef target) {
    deployments.delete(target.deployment().orElseThrow());
  }
}
