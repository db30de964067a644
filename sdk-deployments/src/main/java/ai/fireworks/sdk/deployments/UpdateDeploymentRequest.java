package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.internal.Blocking;
import ai.fireworks.sdk.core.internal.Futures;
import ai.fireworks.sdk.deployments.internal.AnnotationRule;
import ai.fireworks.sdk.deployments.internal.DeploymentField;
import ai.fireworks.sdk.deployments.internal.DeploymentRules;
import ai.fireworks.sdk.deployments.internal.ExtraFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Changes to an existing deployment, sent as one PATCH with {@link #submit()}. Obtain one from
 * {@link DeploymentsClient#update(DeploymentName)}.
 *
 * <p>The PATCH carries only the fields set here (camelCase) and an explicit {@code updateMask} of
 * their snake_case paths, so the server leaves every other field alone; read-only fields are never
 * sent. Autoscaling windows use leaf paths such as {@code autoscaling_policy.scale_to_zero_window}
 * rather than {@code autoscaling_policy}: with the whole-object path the server would replace the
 * policy and reset the windows not given to their defaults, so a change of one window would silently
 * undo the others. Likewise {@code auto_tune.long_prompt}.
 *
 * <p>Validated when submitted, before any request, with the rules of {@link DeploymentSpec}
 * ({@link IllegalArgumentException} naming field, value and rule). Region and placement cannot be
 * changed in place and are not offered; the accelerator type is sent if set (whether the server
 * allows it is unconfirmed; {@code apply} refuses it). Not thread-safe: configure on one thread.
 */
public final class UpdateDeploymentRequest {
  private final DeploymentsClient client;
  private final DeploymentName name;
  private final Map<DeploymentField, Object> changes = new EnumMap<>(DeploymentField.class);
  private final Map<String, JsonNode> extra = new LinkedHashMap<>();
  private boolean skipShapeValidation;
  private boolean allowNonCustomAnnotations;
  private RequestOptions requestOptions = RequestOptions.none();

  UpdateDeploymentRequest(DeploymentsClient client, DeploymentName name) {
    this.client = client;
    this.name = Objects.requireNonNull(name, "name");
  }

  private UpdateDeploymentRequest set(DeploymentField field, Object value) {
    changes.put(field, Objects.requireNonNull(value, field.displayPath()));
    return this;
  }

  /** New label, under 64 characters. */
  public UpdateDeploymentRequest displayName(String displayName) {
    return set(DeploymentField.DISPLAY_NAME, displayName);
  }

  /** New description. */
  public UpdateDeploymentRequest description(String description) {
    return set(DeploymentField.DESCRIPTION, description);
  }

  /** New minimum replica count, at least 0. */
  public UpdateDeploymentRequest minReplicaCount(int count) {
    return set(DeploymentField.MIN_REPLICA_COUNT, count);
  }

  /** New maximum replica count, at least 0 (0 scales the deployment down to nothing). */
  public UpdateDeploymentRequest maxReplicaCount(int count) {
    return set(DeploymentField.MAX_REPLICA_COUNT, count);
  }

  /** New scale-up window, at most 1h. */
  public UpdateDeploymentRequest scaleUpWindow(Duration window) {
    return set(DeploymentField.SCALE_UP_WINDOW, window);
  }

  /** New scale-down window, at most 1h. */
  public UpdateDeploymentRequest scaleDownWindow(Duration window) {
    return set(DeploymentField.SCALE_DOWN_WINDOW, window);
  }

  /** New scale-to-zero window, at least 5m. */
  public UpdateDeploymentRequest scaleToZeroWindow(Duration window) {
    return set(DeploymentField.SCALE_TO_ZERO_WINDOW, window);
  }

  /** New autoscaling load targets (replaces the map). */
  public UpdateDeploymentRequest loadTargets(Map<String, Double> targets) {
    return set(DeploymentField.LOAD_TARGETS, Map.copyOf(targets));
  }

  /**
   * New accelerator type; the server may refuse (unconfirmed), {@code apply} never sends it. Not
   * with {@link #deploymentShape(String)} (the shape owns the hardware); not
   * {@code ACCELERATOR_TYPE_UNSPECIFIED}.
   */
  public UpdateDeploymentRequest acceleratorType(AcceleratorType type) {
    return set(DeploymentField.ACCELERATOR_TYPE, type);
  }

  /** New accelerators per replica, at least 1. */
  public UpdateDeploymentRequest acceleratorCount(int count) {
    return set(DeploymentField.ACCELERATOR_COUNT, count);
  }

  /** New precision; not {@code PRECISION_UNSPECIFIED}. */
  public UpdateDeploymentRequest precision(Precision precision) {
    return set(DeploymentField.PRECISION, precision);
  }

  /** Turns long-prompt tuning on or off ({@code auto_tune.long_prompt}). */
  public UpdateDeploymentRequest longPrompt(boolean longPrompt) {
    return set(DeploymentField.LONG_PROMPT, longPrompt);
  }

  /** Allows or forbids PEFT addons. */
  public UpdateDeploymentRequest enableAddons(boolean enableAddons) {
    return set(DeploymentField.ENABLE_ADDONS, enableAddons);
  }

  /** New deployment shape; the shape owns the hardware, so not with {@link #acceleratorType(AcceleratorType)}. */
  public UpdateDeploymentRequest deploymentShape(String shape) {
    return set(DeploymentField.DEPLOYMENT_SHAPE, shape);
  }

  /** New deployment shape, already parsed. */
  public UpdateDeploymentRequest deploymentShape(DeploymentShapeName shape) {
    return deploymentShape(shape.toString());
  }

  /** New draft model. */
  public UpdateDeploymentRequest draftModel(String draftModel) {
    return set(DeploymentField.DRAFT_MODEL, draftModel);
  }

  /** New draft token count. */
  public UpdateDeploymentRequest draftTokenCount(int count) {
    return set(DeploymentField.DRAFT_TOKEN_COUNT, count);
  }

  /** New n-gram speculation window. */
  public UpdateDeploymentRequest ngramSpeculationLength(int length) {
    return set(DeploymentField.NGRAM_SPECULATION_LENGTH, length);
  }

  /** New maximum context length (0 for the model's default). */
  public UpdateDeploymentRequest maxContextLength(int length) {
    return set(DeploymentField.MAX_CONTEXT_LENGTH, length);
  }

  /**
   * New annotations (replaces the map). Keys must start with {@code custom/} unless
   * {@link #allowNonCustomAnnotations()}: newer servers refuse other keys for ordinary accounts.
   */
  public UpdateDeploymentRequest annotations(Map<String, String> annotations) {
    return set(DeploymentField.ANNOTATIONS, Map.copyOf(annotations));
  }

  /** Lets annotation keys outside {@code custom/} through, for accounts allowed to write them. */
  public UpdateDeploymentRequest allowNonCustomAnnotations() {
    this.allowNonCustomAnnotations = true;
    return this;
  }

  /** Turns sticky routing on the request's {@code user} field on or off ({@code enableSessionAffinity}). */
  public UpdateDeploymentRequest enableSessionAffinity(boolean enable) {
    return set(DeploymentField.ENABLE_SESSION_AFFINITY, enable);
  }

  /**
   * Changes a top-level field this SDK version does not model, sent as given (serialized with
   * Jackson); its snake_case path joins the {@code updateMask}.
   *
   * @throws IllegalArgumentException if {@code jsonField} shadows a modelled field (the message names
   *     the setter to use) or is not a top-level field name
   */
  public UpdateDeploymentRequest putExtra(String jsonField, Object value) {
    extra.put(jsonField, ExtraFields.check(jsonField, value));
    return this;
  }

  /** Skip the server's shape validation (query {@code skipShapeValidation=true}). */
  public UpdateDeploymentRequest skipShapeValidation() {
    this.skipShapeValidation = true;
    return this;
  }

  /** Per-call overrides (timeout, retry policy, headers). */
  public UpdateDeploymentRequest requestOptions(RequestOptions options) {
    this.requestOptions = Objects.requireNonNull(options, "options");
    return this;
  }

  /**
   * Sends the PATCH and returns the deployment as the server answered.
   *
   * @throws IllegalArgumentException if nothing is set or a value is invalid; nothing is sent
   * @throws ai.fireworks.sdk.core.ApiException for errors the server reports
   */
  public Deployment submit() {
    return Blocking.call(this::raw);
  }

  /** Like {@link #submit()}, completing on the client's executor. Validation still throws at once. */
  public CompletableFuture<Deployment> submitAsync() {
    return client.toCaller(raw());
  }

  /**
   * Sends the PATCH, then waits until the deployment is READY again.
   *
   * @throws DeploymentFailedException if it becomes FAILED, DELETING or DELETED
   * @throws ai.fireworks.sdk.core.WaiterTimeoutException if it is not READY within the timeout
   */
  public Deployment submitAndWait(WaitOptions options) {
    Objects.requireNonNull(options, "options");
    return Blocking.call(() -> Futures.compose(raw(), d -> client.calls().waitUntilReadyRaw(name, options)));
  }

  /** Like {@link #submitAndWait(WaitOptions)}, asynchronously; cancelling stops the wait only. Validation throws at once. */
  public CompletableFuture<Deployment> submitAndWaitAsync(WaitOptions options) {
    Objects.requireNonNull(options, "options");
    return client.toCaller(Futures.compose(raw(), d -> client.calls().waitUntilReadyRaw(name, options)));
  }

  private CompletableFuture<Deployment> raw() {
    validate();
    return client.calls().patchRaw(name, new EnumMap<>(changes), new LinkedHashMap<>(extra), skipShapeValidation,
        requestOptions);
  }

  private void validate() {
    if (changes.isEmpty() && extra.isEmpty()) {
      throw new IllegalArgumentException("update of " + name + " sets no fields; call at least one setter");
    }
    @SuppressWarnings("unchecked")
    Map<String, String> annotations = (Map<String, String>) changes.getOrDefault(DeploymentField.ANNOTATIONS, Map.of());
    AnnotationRule.check(annotations, allowNonCustomAnnotations);
    Optional<Integer> min = get(DeploymentField.MIN_REPLICA_COUNT, Integer.class);
    Optional<Integer> max = get(DeploymentField.MAX_REPLICA_COUNT, Integer.class);
    min.ifPresent(n -> DeploymentRules.replicaCount("minReplicaCount", n));
    max.ifPresent(n -> DeploymentRules.replicaCount("maxReplicaCount", n));
    if (min.isPresent() && max.isPresent()) {
      DeploymentRules.minNotAboveMax(min.get(), max.get());
    }
    get(DeploymentField.DISPLAY_NAME, String.class).ifPresent(DeploymentRules::displayName);
    Optional<String> shape = get(DeploymentField.DEPLOYMENT_SHAPE, String.class);
    shape.ifPresent(DeploymentShapeName::parse);
    Optional<AcceleratorType> type = get(DeploymentField.ACCELERATOR_TYPE, AcceleratorType.class);
    DeploymentRules.shapeOwnsHardware(shape, type);
    type.ifPresent(t -> DeploymentRules.specified("acceleratorType", t));
    get(DeploymentField.PRECISION, Precision.class).ifPresent(p -> DeploymentRules.specified("precision", p));
    get(DeploymentField.SCALE_UP_WINDOW, Duration.class).ifPresent(w -> DeploymentRules.scaleWindow("scaleUpWindow", w));
    get(DeploymentField.SCALE_DOWN_WINDOW, Duration.class)
        .ifPresent(w -> DeploymentRules.scaleWindow("scaleDownWindow", w));
    get(DeploymentField.SCALE_TO_ZERO_WINDOW, Duration.class).ifPresent(DeploymentRules::scaleToZeroWindow);
    Optional<Integer> count = get(DeploymentField.ACCELERATOR_COUNT, Integer.class);
    count.ifPresent(DeploymentRules::acceleratorCount);
    get(DeploymentField.DRAFT_TOKEN_COUNT, Integer.class).ifPresent(n -> DeploymentRules.nonNegative("draftTokenCount", n));
    get(DeploymentField.NGRAM_SPECULATION_LENGTH, Integer.class)
        .ifPresent(n -> DeploymentRules.nonNegative("ngramSpeculationLength", n));
    get(DeploymentField.MAX_CONTEXT_LENGTH, Integer.class)
        .ifPresent(n -> DeploymentRules.nonNegative("maxContextLength", n));
    DeploymentRules.warnLongPrompt(get(DeploymentField.LONG_PROMPT, Boolean.class), count);
  }

  private <T> Optional<T> get(DeploymentField field, Class<T> type) {
    return Optional.ofNullable(changes.get(field)).map(type::cast);
  }
}
