package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.ConflictException;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.internal.Blocking;
import ai.fireworks.sdk.core.internal.Futures;
import ai.fireworks.sdk.deployments.internal.ExtraFields;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A deployment to create, configured fluently and sent with {@link #submit()}. Obtain one from
 * {@link DeploymentsClient#create(ai.fireworks.sdk.core.ModelName)} or
 * {@link DeploymentsClient#create(DeploymentSpec)}. Only the settings called here are sent; the
 * server applies its defaults to the rest.
 *
 * <p>Everything is validated when submitted, before any request: an invalid setting throws
 * {@link IllegalArgumentException} naming the field, the value and the rule (see
 * {@link DeploymentSpec}). With a {@link #deploymentId}, the create is idempotent: it is retried after
 * a lost response, and a 409 on such a retry is resolved by reading the deployment back.
 *
 * <p>Not thread-safe: configure on one thread. Submitting more than once sends more than one create.
 */
public final class CreateDeploymentRequest {
  private final DeploymentsClient client;
  private final DeploymentSpec.Builder spec;
  /** The boolean query parameters set to true, such as {@code validateOnly}. */
  private final Set<String> flags = new LinkedHashSet<>();
  private boolean returnExistingIfMatches;
  private RequestOptions requestOptions = RequestOptions.none();

  CreateDeploymentRequest(DeploymentsClient client, DeploymentSpec.Builder spec) {
    this.client = client;
    this.spec = spec;
  }

  /** The new deployment's id (1-63 of {@code a-z0-9-}, starting with a letter); random if not set. */
  public CreateDeploymentRequest deploymentId(String deploymentId) {
    spec.deploymentId(Objects.requireNonNull(deploymentId, "deploymentId"));
    return this;
  }

  /** Creates in {@code account} instead of the client's account. */
  public CreateDeploymentRequest account(AccountId account) {
    spec.account(account);
    return this;
  }

  /** Human-readable label, under 64 characters. */
  public CreateDeploymentRequest displayName(String displayName) {
    spec.displayName(displayName);
    return this;
  }

  /** Free-text description. */
  public CreateDeploymentRequest description(String description) {
    spec.description(description);
    return this;
  }

  /** Fewest replicas, at least 0; server default 0 (the deployment may scale to zero). */
  public CreateDeploymentRequest minReplicaCount(int count) {
    spec.minReplicaCount(count);
    return this;
  }

  /** Most replicas, at least {@code minReplicaCount}; server default {@code max(min, 1)}. */
  public CreateDeploymentRequest maxReplicaCount(int count) {
    spec.maxReplicaCount(count);
    return this;
  }

  /** How long load must stay high before scaling up; at most 1h (server default 30s). */
  public CreateDeploymentRequest scaleUpWindow(Duration window) {
    spec.scaleUpWindow(window);
    return this;
  }

  /** How long load must stay low before scaling down; at most 1h (server default 10m). */
  public CreateDeploymentRequest scaleDownWindow(Duration window) {
    spec.scaleDownWindow(window);
    return this;
  }

  /** Idle time before scaling to zero when the minimum is 0; at least 5m (server default 1h). */
  public CreateDeploymentRequest scaleToZeroWindow(Duration window) {
    spec.scaleToZeroWindow(window);
    return this;
  }

  /** Autoscaling load targets, such as {@code Map.of("default", 0.8)}. */
  public CreateDeploymentRequest loadTargets(Map<String, Double> targets) {
    spec.loadTargets(targets);
    return this;
  }

  /**
   * Accelerator model per replica; not {@code ACCELERATOR_TYPE_UNSPECIFIED}, and not with a
   * {@link #deploymentShape(String)} (the shape owns the hardware). Checked when submitted.
   */
  public CreateDeploymentRequest acceleratorType(AcceleratorType type) {
    spec.acceleratorType(type);
    return this;
  }

  /** Accelerators per replica, at least 1. */
  public CreateDeploymentRequest acceleratorCount(int count) {
    spec.acceleratorCount(count);
    return this;
  }

  /** Serving precision; not {@code PRECISION_UNSPECIFIED} (checked when submitted). */
  public CreateDeploymentRequest precision(Precision precision) {
    spec.precision(precision);
    return this;
  }

  /** Long-prompt tuning ({@code autoTune.longPrompt}); warns (does not fail) with fewer than 2 accelerators. */
  public CreateDeploymentRequest longPrompt(boolean longPrompt) {
    spec.longPrompt(longPrompt);
    return this;
  }

  /** Allow PEFT (LoRA) addons on the deployment. */
  public CreateDeploymentRequest enableAddons(boolean enableAddons) {
    spec.enableAddons(enableAddons);
    return this;
  }

  /**
   * Deployment shape: a shorthand ({@code fast}, {@code throughput}, {@code minimal},
   * {@code full_precision}) or {@code accounts/<a>/deploymentShapes/<id>[/versions/<v>]}; the shape
   * owns the hardware, so {@link #acceleratorType(AcceleratorType)} must not be set with it. Checked
   * by {@link DeploymentShapeName#parse} when submitted.
   */
  public CreateDeploymentRequest deploymentShape(String shape) {
    spec.deploymentShape(shape);
    return this;
  }

  /** Deployment shape, already parsed; the shape owns the hardware. */
  public CreateDeploymentRequest deploymentShape(DeploymentShapeName shape) {
    return deploymentShape(shape.toString());
  }

  /** Runs in one region ({@code placement.region}), not {@code REGION_UNSPECIFIED}; cannot change after creation. */
  public CreateDeploymentRequest region(Region region) {
    spec.placement(Placement.ofRegion(region));
    return this;
  }

  /**
   * Where the deployment may run; cannot change after creation. Checked when submitted: exactly one
   * of region, multi-region and a non-empty regions list, none {@code *_UNSPECIFIED}.
   */
  public CreateDeploymentRequest placement(Placement placement) {
    spec.placement(placement);
    return this;
  }

  /** Speculative-decoding draft model. */
  public CreateDeploymentRequest draftModel(String draftModel) {
    spec.draftModel(draftModel);
    return this;
  }

  /** Draft tokens per speculation step. */
  public CreateDeploymentRequest draftTokenCount(int count) {
    spec.draftTokenCount(count);
    return this;
  }

  /** N-gram speculation window. */
  public CreateDeploymentRequest ngramSpeculationLength(int length) {
    spec.ngramSpeculationLength(length);
    return this;
  }

  /** Maximum context length; 0 for the model's default. */
  public CreateDeploymentRequest maxContextLength(int length) {
    spec.maxContextLength(length);
    return this;
  }

  /** Sticky routing on the request's {@code user} field ({@code enableSessionAffinity}, enterprise). */
  public CreateDeploymentRequest enableSessionAffinity(boolean enable) {
    spec.enableSessionAffinity(enable);
    return this;
  }

  /**
   * Adds an annotation. The key must start with {@code custom/} unless
   * {@link #allowNonCustomAnnotations()}: newer servers refuse other keys for ordinary accounts.
   */
  public CreateDeploymentRequest annotation(String key, String value) {
    spec.putAnnotations(key, value);
    return this;
  }

  /** Lets annotation keys outside {@code custom/} through, for accounts allowed to write them. */
  public CreateDeploymentRequest allowNonCustomAnnotations() {
    spec.allowNonCustomAnnotations(true);
    return this;
  }

  /**
   * Sends a top-level field this SDK version does not model, as given (serialized with Jackson):
   * the escape hatch for fields newer than the SDK.
   *
   * @throws IllegalArgumentException if {@code jsonField} shadows a modelled field (the message names
   *     the setter to use) or is not a top-level field name
   */
  public CreateDeploymentRequest putExtra(String jsonField, Object value) {
    ExtraFields.check(jsonField, value);
    spec.putExtra(jsonField, value);
    return this;
  }

  /**
   * Only validate (query {@code validateOnly=true}): the server returns the would-be deployment and
   * creates nothing. If its answer names no deployment, the name is the requested
   * {@link #deploymentId}, else {@code accounts/<account>/deployments/validate-only}; either way
   * nothing by that name was created.
   */
  public CreateDeploymentRequest validateOnly() {
    flags.add("validateOnly");
    return this;
  }

  /** Skip the server's shape validation (query {@code skipShapeValidation=true}). */
  public CreateDeploymentRequest skipShapeValidation() {
    flags.add("skipShapeValidation");
    return this;
  }

  /** Turn speculative decoding off (query {@code disableSpeculativeDecoding=true}). */
  public CreateDeploymentRequest disableSpeculativeDecoding() {
    flags.add("disableSpeculativeDecoding");
    return this;
  }

  /**
   * Do not auto-deploy the base model onto the new deployment (query {@code disableAutoDeploy=true});
   * by default the server deploys an undeployed base model onto it.
   */
  public CreateDeploymentRequest disableAutoDeploy() {
    flags.add("disableAutoDeploy");
    return this;
  }

  /**
   * If the id is taken (HTTP 409), read the existing deployment and return it when it matches every
   * setting made here; otherwise throw {@link ConflictException} listing the differences. Needs a
   * {@link #deploymentId}. Without this option a 409 is resolved this way only when it answers a retry.
   */
  public CreateDeploymentRequest returnExistingIfMatches() {
    this.returnExistingIfMatches = true;
    return this;
  }

  /** Per-call overrides (timeout, retry policy, headers). */
  public CreateDeploymentRequest requestOptions(RequestOptions options) {
    this.requestOptions = Objects.requireNonNull(options, "options");
    return this;
  }

  /**
   * The validated spec these settings describe.
   *
   * @throws IllegalArgumentException naming the field, value and rule, if a setting is invalid
   */
  public DeploymentSpec spec() {
    return spec.build();
  }

  /**
   * Creates the deployment and returns it as the server answered (usually CREATING).
   *
   * @throws IllegalArgumentException if a setting is invalid; nothing is sent
   * @throws ConflictException if the id is taken by a deployment that does not match
   * @throws ai.fireworks.sdk.core.ApiException for other errors the server reports
   */
  public Deployment submit() {
    return Blocking.call(this::raw);
  }

  /** Like {@link #submit()}, completing on the client's executor. Validation still throws at once. */
  public CompletableFuture<Deployment> submitAsync() {
    return client.toCaller(raw());
  }

  /**
   * Creates the deployment and waits until it is READY (with {@link #validateOnly()}, returns at
   * once).
   *
   * @throws DeploymentFailedException if it becomes FAILED, DELETING or DELETED
   * @throws ai.fireworks.sdk.core.WaiterTimeoutException if it is not READY within the timeout
   */
  public Deployment submitAndWait(WaitOptions options) {
    Objects.requireNonNull(options, "options");
    return Blocking.call(() -> andWait(options));
  }

  /** Like {@link #submitAndWait(WaitOptions)}, asynchronously; cancelling stops the wait only. Validation throws at once. */
  public CompletableFuture<Deployment> submitAndWaitAsync(WaitOptions options) {
    Objects.requireNonNull(options, "options");
    return client.toCaller(andWait(options));
  }

  private CompletableFuture<Deployment> andWait(WaitOptions options) {
    return Futures.compose(raw(), d -> flags.contains("validateOnly") ? CompletableFuture.completedFuture(d)
        : client.calls().waitUntilReadyRaw(d.name(), options));
  }

  private CompletableFuture<Deployment> raw() {
    DeploymentSpec s = spec();
    if (returnExistingIfMatches && s.deploymentId().isEmpty()) {
      throw new IllegalArgumentException("returnExistingIfMatches needs a deploymentId to find the existing deployment");
    }
    return client.calls().createRaw(s, Collections.unmodifiableSet(new LinkedHashSet<>(flags)), returnExistingIfMatches,
        requestOptions);
  }
}
