package ai.fireworks.sdk.examples.fwctl;

import static ai.fireworks.sdk.examples.fwctl.FwctlCommand.ifGiven;

import ai.fireworks.sdk.core.Durations;
import ai.fireworks.sdk.deployments.AcceleratorType;
import ai.fireworks.sdk.deployments.CreateDeploymentRequest;
import ai.fireworks.sdk.deployments.DeploymentShapeName;
import ai.fireworks.sdk.deployments.Precision;
import ai.fireworks.sdk.deployments.UpdateDeploymentRequest;
import java.time.Duration;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The configuration flags shared by {@code create deployment} and {@code update deployment}.
 * Every field is {@code null} unless the user gave the flag, so only given flags are sent.
 * {@link #validate()} applies the rules the API documents, before anything is sent.
 */
final class DeploymentConfigOptions {
  private static final Pattern ENUM_VALUE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Duration MIN_SCALE_TO_ZERO = Duration.ofMinutes(5);
  private static final Duration MAX_WINDOW = Duration.ofHours(1);

  @Option(names = "--min-replica-count", paramLabel = "N",
      description = "Fewest replicas; 0 lets the deployment scale to zero (server default 0).")
  Integer minReplicaCount;

  @Option(names = "--max-replica-count", paramLabel = "N",
      description = "Most replicas (server default max(min, 1)).")
  Integer maxReplicaCount;

  @Option(names = "--scale-up-window", paramLabel = "DURATION",
      description = "Load must stay high this long before adding a replica; at most 1h (server default 30s).")
  Duration scaleUpWindow;

  @Option(names = "--scale-down-window", paramLabel = "DURATION",
      description = "Load must stay low this long before removing a replica; at most 1h (server default 10m).")
  Duration scaleDownWindow;

  @Option(names = "--scale-to-zero-window", paramLabel = "DURATION",
      description = "Idle time before scaling to zero when min is 0; at least 5m (server default 1h).")
  Duration scaleToZeroWindow;

  @Option(names = "--accelerator-count", paramLabel = "N", description = "Accelerators per replica.")
  Integer acceleratorCount;

  @Option(names = "--accelerator-type", paramLabel = "TYPE",
      description = "NVIDIA_A100_80GB, NVIDIA_H100_80GB, NVIDIA_H200_141GB, AMD_MI300X_192GB, ...")
  String acceleratorType;

  @Option(names = "--deployment-shape", paramLabel = "SHAPE", description = "Deployment shape: fast, throughput, "
      + "minimal, full_precision, or accounts/<a>/deploymentShapes/<id>[/versions/<v>]; the shape picks the hardware,"
      + " so not with --accelerator-type.")
  String deploymentShape;

  @Option(names = "--long-prompt", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Optimize for long prompts (--long-prompt or --long-prompt=false).")
  Boolean longPrompt;

  @Option(names = "--enable-addons", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Allow PEFT (LoRA) addons on the deployment.")
  Boolean enableAddons;

  @Option(names = "--display-name", paramLabel = "NAME", description = "Human-readable name (under 64 characters).")
  String displayName;

  @Option(names = "--description", paramLabel = "TEXT", description = "Free-text description.")
  String description;

  @Option(names = "--precision", paramLabel = "PRECISION", description = "FP8, FP16, BF16, FP8_MM, FP4, ...")
  String precision;

  /** Checks the documented rules; throws {@link UsageException} naming the flag, the value and the rule. */
  void validate() {
    nonNegative("--min-replica-count", minReplicaCount);
    nonNegative("--max-replica-count", maxReplicaCount);
    if (minReplicaCount != null && maxReplicaCount != null && minReplicaCount > maxReplicaCount) {
      throw new UsageException("--min-replica-count " + minReplicaCount + " is greater than --max-replica-count "
          + maxReplicaCount);
    }
    if (acceleratorCount != null && acceleratorCount < 1) {
      throw new UsageException("--accelerator-count must be at least 1, was " + acceleratorCount);
    }
    atMost("--scale-up-window", scaleUpWindow, MAX_WINDOW);
    atMost("--scale-down-window", scaleDownWindow, MAX_WINDOW);
    if (scaleToZeroWindow != null && scaleToZeroWindow.compareTo(MIN_SCALE_TO_ZERO) < 0) {
      throw new UsageException("--scale-to-zero-window must be at least 5m, was "
          + Durations.formatGo(scaleToZeroWindow) + " (Fireworks does not scale to zero sooner)");
    }
    enumValue("--accelerator-type", acceleratorType, "NVIDIA_H100_80GB");
    if (deploymentShape != null) {
      shape();
      if (acceleratorType != null) {
        throw new UsageException("--deployment-shape and --accelerator-type cannot be given together, was"
            + " --deployment-shape " + deploymentShape + " and --accelerator-type " + acceleratorType
            + ": the shape picks the hardware (drop --accelerator-type, or --deployment-shape)");
      }
    }
    enumValue("--precision", precision, "FP8");
    if (displayName != null && displayName.length() >= 64) {
      throw new UsageException("--display-name must be under 64 characters, was " + displayName.length());
    }
  }

  /** True if any configuration flag was given. */
  boolean any() {
    return minReplicaCount != null || maxReplicaCount != null || scaleUpWindow != null || scaleDownWindow != null
        || scaleToZeroWindow != null || acceleratorCount != null || acceleratorType != null || longPrompt != null
        || enableAddons != null || displayName != null || description != null || precision != null
        || deploymentShape != null;
  }

  /** Sets the given flags on a create request. */
  void applyTo(CreateDeploymentRequest r) {
    ifGiven(minReplicaCount, r::minReplicaCount);
    ifGiven(maxReplicaCount, r::maxReplicaCount);
    ifGiven(scaleUpWindow, r::scaleUpWindow);
    ifGiven(scaleDownWindow, r::scaleDownWindow);
    ifGiven(scaleToZeroWindow, r::scaleToZeroWindow);
    ifGiven(acceleratorType, t -> r.acceleratorType(AcceleratorType.of(t)));
    ifGiven(acceleratorCount, r::acceleratorCount);
    ifGiven(longPrompt, r::longPrompt);
    ifGiven(enableAddons, r::enableAddons);
    ifGiven(displayName, r::displayName);
    ifGiven(description, r::description);
    ifGiven(precision, p -> r.precision(Precision.of(p)));
    ifGiven(deploymentShape, s -> r.deploymentShape(shape()));
  }

  /**
   * Sets the given flags on an update request: the same setters as {@link #applyTo(CreateDeploymentRequest)},
   * on a type the SDK does not relate to it.
   */
  void applyTo(UpdateDeploymentRequest r) {
    ifGiven(minReplicaCount, r::minReplicaCount);
    ifGiven(maxReplicaCount, r::maxReplicaCount);
    ifGiven(scaleUpWindow, r::scaleUpWindow);
    ifGiven(scaleDownWindow, r::scaleDownWindow);
    ifGiven(scaleToZeroWindow, r::scaleToZeroWindow);
    ifGiven(acceleratorType, t -> r.acceleratorType(AcceleratorType.of(t)));
    ifGiven(acceleratorCount, r::acceleratorCount);
    ifGiven(longPrompt, r::longPrompt);
    ifGiven(enableAddons, r::enableAddons);
    ifGiven(displayName, r::displayName);
    ifGiven(description, r::description);
    ifGiven(precision, p -> r.precision(Precision.of(p)));
    ifGiven(deploymentShape, s -> r.deploymentShape(shape()));
  }

  /** The parsed {@code --deployment-shape}; a bad one is a {@link UsageException} naming the flag. */
  private DeploymentShapeName shape() {
    try {
      return DeploymentShapeName.parse(deploymentShape);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--deployment-shape: " + e.getMessage());
    }
  }

  static void nonNegative(String flag, Integer value) {
    if (value != null && value < 0) {
      throw new UsageException(flag + " must not be negative, was " + value);
    }
  }

  private static void atMost(String flag, Duration value, Duration max) {
    if (value != null && value.compareTo(max) > 0) {
      throw new UsageException(flag + " must be at most " + Durations.formatGo(max) + ", was "
          + Durations.formatGo(value));
    }
  }

  private static void enumValue(String flag, String value, String example) {
    if (value != null && !ENUM_VALUE.matcher(value).matches()) {
      throw new UsageException(flag + " '" + value + "' is not a valid value: expected upper-case letters, digits"
          + " and '_', such as " + example);
    }
  }
}
