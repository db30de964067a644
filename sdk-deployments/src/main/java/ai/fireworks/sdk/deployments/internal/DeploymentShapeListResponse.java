package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.deployments.DeploymentShape;
import ai.fireworks.sdk.deployments.DeploymentShapeVersion;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Wire shape of the deployment-shape listings, {@code {deploymentShapes, nextPageToken, totalSize}}
 * and {@code {deploymentShapeVersions, nextPageToken, totalSize}}; exactly one list is filled.
 */
public final class DeploymentShapeListResponse {
  public final List<DeploymentShape> shapes;
  public final List<DeploymentShapeVersion> versions;
  public final String nextPageToken;
  public final Integer totalSize;

  @JsonCreator
  public DeploymentShapeListResponse(@JsonProperty("deploymentShapes") List<DeploymentShape> shapes,
      @JsonProperty("deploymentShapeVersions") List<DeploymentShapeVersion> versions,
      @JsonProperty("nextPageToken") String nextPageToken, @JsonProperty("totalSize") Integer totalSize) {
    this.shapes = shapes == null ? List.of() : shapes;
    this.versions = versions == null ? List.of() : versions;
    this.nextPageToken = nextPageToken;
    this.totalSize = totalSize;
  }
}
