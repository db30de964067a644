package ai.fireworks.sdk.spring;

import java.time.Duration;

/**
 * {@code fireworks.deployments.<id>.*}: the configuration one deployment should have. Only the
 * options that are set are sent; the server applies its defaults to the rest. Validated when the
 * context starts, with the SDK's rules (scale-to-zero window at least 5m, scale-up/down windows at
 * most 1h, min replicas not above max). Mutable while Spring binds it; not thread-safe.
 */
public class DeclaredDeploymentProperties {
  /** The model to serve: accounts/<account>/models/<id>, <account>/<id>, or a bare id of a public (fireworks) model. Required. */
  private String baseModel;

  /** Human-readable label, under 64 characters. */
  private String displayName;

  /** Fewest replicas; 0 lets the deployment scale to zero. Server default 0. */
  private Integer minReplicaCount;

  /** Most replicas. Server default max(min-replica-count, 1). */
  private Integer maxReplicaCount;

  /** Autoscaling scale-up window, at most 1h. Server default 30s. */
  private Duration scaleUpWindow;

  /** Autoscaling scale-down window, at most 1h. Server default 10m. */
  private Duration scaleDownWindow;

  /** Idle time before scaling to zero (when min-replica-count is 0), at least 5m. Server default 1h. */
  private Duration scaleToZeroWindow;

  /** Accelerator model, such as NVIDIA_H100_80GB. Server default depends on the model. */
  private String acceleratorType;

  /** Accelerators per replica, at least 1. Server default is the model's estimated minimum. */
  private Integer acceleratorCount;

  /** Serving precision, such as FP8. */
  private String precision;

  /** Long-prompt tuning. */
  private Boolean longPrompt;

  /** Allow PEFT (LoRA) addons to be loaded onto this deployment. */
  private Boolean enableAddons;

  /** Deployment shape, such as accounts/fireworks/deploymentShapes/<id>; the shape owns the hardware. */
  private String deploymentShape;

  public String getBaseModel() {
    return baseModel;
  }

  public void setBaseModel(String baseModel) {
    this.baseModel = baseModel;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public Integer getMinReplicaCount() {
    return minReplicaCount;
  }

  public void setMinReplicaCount(Integer minReplicaCount) {
    this.minReplicaCount = minReplicaCount;
  }

  public Integer getMaxReplicaCount() {
    return maxReplicaCount;
  }

  public void setMaxReplicaCount(Integer maxReplicaCount) {
    this.maxReplicaCount = maxReplicaCount;
  }

  public Duration getScaleUpWindow() {
    return scaleUpWindow;
  }

  public void setScaleUpWindow(Duration scaleUpWindow) {
    this.scaleUpWindow = scaleUpWindow;
  }

  public Duration getScaleDownWindow() {
    return scaleDownWindow;
  }

  public void setScaleDownWindow(Duration scaleDownWindow) {
    this.scaleDownWindow = scaleDownWindow;
  }

  public Duration getScaleToZeroWindow() {
    return scaleToZeroWindow;
  }

  public void setScaleToZeroWindow(Duration scaleToZeroWindow) {
    this.scaleToZeroWindow = scaleToZeroWindow;
  }

  public String getAcceleratorType() {
    return acceleratorType;
  }

  public void setAcceleratorType(String acceleratorType) {
    this.acceleratorType = acceleratorType;
  }

  public Integer getAcceleratorCount() {
    return acceleratorCount;
  }

  public void setAcceleratorCount(Integer acceleratorCount) {
    this.acceleratorCount = acceleratorCount;
  }

  public String getPrecision() {
    return precision;
  }

  public void setPrecision(String precision) {
    this.precision = precision;
  }

  public Boolean getLongPrompt() {
    return longPrompt;
  }

  public void setLongPrompt(Boolean longPrompt) {
    this.longPrompt = longPrompt;
  }

  public Boolean getEnableAddons() {
    return enableAddons;
  }

  public void setEnableAddons(Boolean enableAddons) {
    this.enableAddons = enableAddons;
  }

  public String getDeploymentShape() {
    return deploymentShape;
  }

  public void setDeploymentShape(String deploymentShape) {
    this.deploymentShape = deploymentShape;
  }
}
