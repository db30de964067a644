package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.deployments.DeployedModel;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Wire shape of {@code GET /v1/accounts/<a>/deployedModels}:
 * {@code {deployedModels, nextPageToken, totalSize}}.
 */
public final class DeployedModelListResponse {
  public final List<DeployedModel> deployedModels;
  public final String nextPageToken;
  public final Integer totalSize;

  @JsonCreator
  public DeployedModelListResponse(@JsonProperty("deployedModels") List<DeployedModel> deployedModels,
      @JsonProperty("nextPageToken") String nextPageToken, @JsonProperty("totalSize") Integer totalSize) {
    this.deployedModels = deployedModels == null ? List.of() : deployedModels;
    this.nextPageToken = nextPageToken;
    this.totalSize = totalSize;
  }
}
