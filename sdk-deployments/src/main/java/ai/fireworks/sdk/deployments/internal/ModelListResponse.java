package ai.fireworks.sdk.deployments.internal;

import ai.fireworks.sdk.deployments.Model;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Wire shape of {@code GET /v1/accounts/<a>/models}: {@code {models, nextPageToken, totalSize}}. */
public final class ModelListResponse {
  public final List<Model> models;
  public final String nextPageToken;
  public final Integer totalSize;

  @JsonCreator
  public ModelListResponse(@JsonProperty("models") List<Model> models,
      @JsonProperty("nextPageToken") String nextPageToken, @JsonProperty("totalSize") Integer totalSize) {
    this.models = models == null ? List.of() : models;
    this.nextPageToken = nextPageToken;
    this.totalSize = totalSize;
  }
}
