package ai.fireworks.sdk.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A small bean shaped like an API resource, for {@link JsonTest}; lives in the package opened to Jackson. */
public final class JsonTestValue {
  private final DeploymentName name;
  private final Duration scaleToZeroWindow;
  private final Instant createTime;
  private final Optional<String> displayName;
  private final TestState state;

  @JsonCreator
  public JsonTestValue(@JsonProperty("name") DeploymentName name,
      @JsonProperty("scaleToZeroWindow") Duration scaleToZeroWindow,
      @JsonProperty("createTime") Instant createTime,
      @JsonProperty("displayName") Optional<String> displayName,
      @JsonProperty("state") TestState state) {
    this.name = name;
    this.scaleToZeroWindow = scaleToZeroWindow;
    this.createTime = createTime;
    this.displayName = displayName == null ? Optional.empty() : displayName;
    this.state = state;
  }

  @JsonProperty
  public DeploymentName name() {
    return name;
  }

  @JsonProperty
  public Duration scaleToZeroWindow() {
    return scaleToZeroWindow;
  }

  @JsonProperty
  public Instant createTime() {
    return createTime;
  }

  @JsonProperty
  public Optional<String> displayName() {
    return displayName;
  }

  @JsonProperty
  public TestState state() {
    return state;
  }
}
