package ai.fireworks.sdk.spring;

import java.time.Duration;

/**
 * {@code fireworks.deployments.<id>.*}: the configuration one deployment should have. Only the
 * options that are set are sent; the server applies its defaults to the rest. Validated when the
 * context starts, with the SDK's rules (scale-to-zero window at least 5m, scale-up/down windows at
 * most 1h, min replicas not above max). Mutable while Spring binds it; not thread-safe.
 */
public class DeclaredDeploymentProperties {
  /**
   * The model to serve: accounts/<account>/models/<id>, <account>/<id>, or a bare id of a public
   * (fireworks) model. Required.
   */
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

  /**
   * Returns: the model to serve: accounts/&lt;account&gt;/models/&lt;id&gt;, &lt;account&gt;/&lt;id&gt;,
   * or a bare id of a public (fireworks) model. Required.
   */
  public String getBaseModel() {
    return baseModel;
  }

  /**
   * Sets: the model to serve: accounts/&lt;account&gt;/models/&lt;id&gt;, &lt;account&gt;/&lt;id&gt;, or
   * a bare id of a public (fireworks) model. Required.
   */
  public void setBaseModel(String baseModel) {
    this.baseModel = baseModel;
  }

  /** Returns: human-readable label, under 64 characters. */
  public String getDisplayName() {
    return displayName;
  }

  /** Sets: human-readable label, under 64 characters. */
  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  /** Returns: fewest replicas; 0 lets the deployment scale to zero. Server default 0. */
  public Integer getMinReplicaCount() {
    return minReplicaCount;
  }

  /** Sets: fewest replicas; 0 lets the deployment scale to zero. Server default 0. */
  public void setMinReplicaCount(Integer minReplicaCount) {
    this.minReplicaCount = minReplicaCount;
  }

  /** Returns: most replicas. Server default max(min-replica-count, 1). */
  public Integer getMaxReplicaCount() {
    return maxReplicaCount;
  }

  /** Sets: most replicas. Server default max(min-replica-count, 1). */
  public void setMaxReplicaCount(Integer maxReplicaCount) {
    this.maxReplicaCount = maxReplicaCount;
  }

  /** Returns: autoscaling scale-up window, at most 1h. Server default 30s. */
  public Duration getScaleUpWindow() {
    return scaleUpWindow;
  }

  /** Sets: autoscaling scale-up window, at most 1h. Server default 30s. */
  public void setScaleUpWindow(Duration scaleUpWindow) {
    this.scaleUpWindow = scaleUpWindow;
  }

  /** Returns: autoscaling scale-down window, at most 1h. Server default 10m. */
  public Duration getScaleDownWindow() {
    return scaleDownWindow;
  }

  /** Sets: autoscaling scale-down window, at most 1h. Server default 10m. */
  public void setScaleDownWindow(Duration scaleDownWindow) {
    this.scaleDownWindow = scaleDownWindow;
  }

  /** Returns: idle time before scaling to zero (when min-replica-count is 0), at least 5m. Server default 1h. */
  public Duration getScaleToZeroWindow() {
    return scaleToZeroWindow;
  }

  /** Sets: idle time before scaling to zero (when min-replica-count is 0), at least 5m. Server default 1h. */
  public void setScaleToZeroWindow(Duration scaleToZeroWindow) {
    this.scaleToZeroWindow = scaleToZeroWindow;
  }

  /** Returns: accelerator model, such as NVIDIA_H100_80GB. Server default depends on the model. */
  public String getAcceleratorType() {
    return acceleratorType;
  }

  /** Sets: accelerator model, such as NVIDIA_H100_80GB. Server default depends on the model. */
  public void setAcceleratorType(String acceleratorType) {
    this.acceleratorType = acceleratorType;
  }

  /** Returns: accelerators per replica, at least 1. Server default is the model's estimated minimum. */
  public Integer getAcceleratorCount() {
    return acceleratorCount;
  }

  /** Sets: accelerators per replica, at least 1. Server default is the model's estimated minimum. */
  public void setAcceleratorCount(Integer acceleratorCount) {
    this.acceleratorCount = acceleratorCount;
  }

  /** Returns: serving precision, such as FP8. */
  public String getPrecision() {
    return precision;
  }

  /** Sets: serving precision, such as FP8. */
  public void setPrecision(String precision) {
    this.precision = precision;
  }

  /** Returns: long-prompt tuning. */
  public Boolean getLongPrompt() {
    return longPrompt;
  }

  /** Sets: long-prompt tuning. */
  public void setLongPrompt(Boolean longPrompt) {
    this.longPrompt = longPrompt;
  }

  /** Returns: allow PEFT (LoRA) addons to be loaded onto this deployment. */
  public Boolean getEnableAddons() {
    return enableAddons;
  }

  /** Sets: allow PEFT (LoRA) addons to be loaded onto this deployment. */
  public void setEnableAddons(Boolean enableAddons) {
    this.enableAddons = enableAddons;
  }

  /** Returns: deployment shape, such as accounts/fireworks/deploymentShapes/&lt;id&gt;; the shape owns the hardware. */
  public String getDeploymentShape() {
    return deploymentShape;
  }

  /** Sets: deployment shape, such as accounts/fireworks/deploymentShapes/&lt;id&gt;; the shape owns the hardware. */
  public void setDeploymentShape(String deploymentShape) {
    this.deploymentShape = deploymentShape;
  }
}
