package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.internal.FireworksStyle;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One immutable version of a deployment shape; a deployment created from a shape records the
 * version it got ({@code Deployment.deploymentShape()}). Immutable; thread-safe.
 */
@Value.Immutable
@FireworksStyle
@JsonDeserialize(as = DeploymentShapeVersion.class)
abstract class AbstractDeploymentShapeVersion {
  /** Resource name, {@code accounts/<a>/deploymentShapes/<id>/versions/<version>}. */
  @Value.Default
  public String name() {
    return "";
  }

  /** The shape's settings as of this version. */
  public abstract Optional<DeploymentShape> snapshot();

  /** Whether Fireworks validated this version. */
  @Value.Default
  public boolean validated() {
    return false;
  }

  /** Whether this version is the latest validated one. */
  @Value.Default
  public boolean latestValidated() {
    return false;
  }

  /** Whether the version is public. */
  @JsonProperty("public")
  @Value.Default
  public boolean isPublic() {
    return false;
  }

  /** Creation time. Read-only. */
  public abstract Optional<Instant> createTime();
}
