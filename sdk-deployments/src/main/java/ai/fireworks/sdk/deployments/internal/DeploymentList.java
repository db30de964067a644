package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.deployments.Deployment;
import java.util.List;

/**
 * Wire shape of a list-deployments response: {@code {deployments, nextPageToken, totalSize}}.
 * Absent fields are {@code null}.
 */
public record DeploymentList(List<Deployment> deployments, String nextPageToken, Integer totalSize) {
  /** The deployments, empty when the server omitted the field. */
  public List<Deployment> items() {
    return deployments == null ? List.of() : deployments;
  }
}
