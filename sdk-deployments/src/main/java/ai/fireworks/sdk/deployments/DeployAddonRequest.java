package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.WaiterTimeoutException;
import ai.fireworks.sdk.core.internal.ApiRequest;
import ai.fireworks.sdk.core.internal.Blocking;
import ai.fireworks.sdk.core.internal.HttpTransport;
import ai.fireworks.sdk.deployments.internal.ControlPlanePaths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Loads a PEFT (LoRA) addon onto a deployment of its base model: the SDK's form of
 * {@code firectl load-lora <addon> --deployment <id>}. Obtain one from
 * {@link AddonsClient#deploy(ModelName)}, name the deployment with {@link #to(DeploymentName)},
 * set options, then {@link #submit()}.
 *
 * <p>Before sending the create, {@code submit} reads the addon and the deployment (two GETs) and
 * checks that the model is an {@code HF_PEFT_ADDON}, that its {@code peftDetails.baseModel} is the
 * deployment's {@code baseModel}, that the deployment is not FAILED, DELETING or DELETED, that it
 * has {@code enableAddons}, and, if it reports {@code enableHotReloadLatestAddon}, that
 * {@link #replaceMergedAddon(boolean) replaceMergedAddon(true)} was set; a failed check throws {@link AddonValidationException} and nothing
 * is created. {@link #skipValidation()} skips the reads (for keys that may not read models).
 *
 * <p>The server chooses the deployed model's id. The create is not repeated automatically once it
 * may have reached the server, since a repeat would load the addon twice. Only options that were
 * set are sent; the server applies its defaults to the rest. Not thread-safe; each {@code submit}
 * sends a new create.
 */
public final class DeployAddonRequest {
  private static final int MAX_DISPLAY_NAME = 63;
  private static final int MAX_DESCRIPTION = 999;

  private final AddonsClient addons;
  private final HttpTransport transport;
  private final ModelName addon;
  private DeploymentName deployment;
  private Boolean replaceMergedAddon;
  private String displayName;
  private String description;
  private Boolean publicAccess;
  private boolean skipValidation;

  DeployAddonRequest(AddonsClient addons, HttpTransport transport, ModelName addon) {
    this.addons = addons;
    this.transport = transport;
    this.addon = Objects.requireNonNull(addon, "addon");
  }

  /** The deployment to load the addon onto (required); the deployed model is created in its account. */
  public DeployAddonRequest to(DeploymentName deployment) {
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    return this;
  }

  /**
   * Whether to merge this addon into the deployment and remove the addon merged before (query
   * {@code replaceMergedAddon}); required {@code true} on hot-reload deployments
   * ({@code enableHotReloadLatestAddon}), which {@code submit} checks unless
   * {@link #skipValidation()}. Not sent unless set.
   */
  public DeployAddonRequest replaceMergedAddon(boolean replace) {
    this.replaceMergedAddon = replace;
    return this;
  }

  /** A human-readable name for the deployed model, under 64 characters. Not sent unless set. */
  public DeployAddonRequest displayName(String displayName) {
    this.displayName = Objects.requireNonNull(displayName, "displayName");
    return this;
  }

  /** A description of the deployed model, under 1000 characters. Not sent unless set. */
  public DeployAddonRequest description(String description) {
    this.description = Objects.requireNonNull(description, "description");
    return this;
  }

  /** Whether the deployed model is publicly reachable ({@code public} on the wire). Not sent unless set; the server's default is private. */
  public DeployAddonRequest publicAccess(boolean publicAccess) {
    this.publicAccess = publicAccess;
    return this;
  }

  /** Skips the checks that read the addon and the deployment; the server still enforces its own rules. */
  public DeployAddonRequest skipValidation() {
    this.skipValidation = true;
    return this;
  }

  /**
   * Checks, then loads the addon; returns the new deployed model, usually still
   * {@link DeployedModelState#DEPLOYING}. See {@link AddonsClient#waitUntilDeployed}.
   *
   * @throws IllegalArgumentException if no deployment was named or an option breaks a rule (nothing is sent)
   * @throws AddonValidationException if a check fails (only reads were sent)
   * @throws FireworksException if a request fails
   */
  public DeployedModel submit() {
    return Blocking.call(this::send);
  }

  /** Asynchronous {@link #submit()}: argument errors are thrown at once, everything else fails the future. */
  public CompletableFuture<DeployedModel> submitAsync() {
    return transport.toCaller(send());
  }

  /** {@link #submitAndWait(WaitOptions)} with {@link AddonsClient#DEFAULT_WAIT} (30 minutes, like firectl). */
  public DeployedModel submitAndWait() {
    return submitAndWait(AddonsClient.DEFAULT_WAIT);
  }

  /**
   * Submits, then waits until the addon is {@link DeployedModelState#DEPLOYED}.
   *
   * @throws AddonDeploymentFailedException if the load fails while waiting
   * @throws WaiterTimeoutException if {@code options.timeout()} passes first (the load goes on)
   * @throws AddonValidationException if a check fails (see {@link #submit()})
   */
  public DeployedModel submitAndWait(WaitOptions options) {
    return Blocking.call(() -> sendAndWait(options));
  }

  /** Asynchronous {@link #submitAndWait(WaitOptions)}; cancelling the future stops the waiting only. */
  public CompletableFuture<DeployedModel> submitAndWaitAsync(WaitOptions options) {
    return transport.toCaller(sendAndWait(options));
  }

  private CompletableFuture<DeployedModel> sendAndWait(WaitOptions options) {
    Objects.requireNonNull(options, "options");
    return send().thenCompose(created -> addons.waitRaw(created.name(), options));
  }

  private CompletableFuture<DeployedModel> send() {
    ApiRequest create = request();
    if (skipValidation) {
      return post(create);
    }
    DeploymentName target = deployment;
    Boolean replace = replaceMergedAddon;
    return addons.models().fetch(addon)
        .thenApply(model -> AddonChecks.requirePeftAddon(model, target))
        .thenCompose(baseModel -> transport.send(ApiRequest.get(ControlPlanePaths.deployment(target)),
                RequestOptions.none(), Deployment.class)
            .thenApply(d -> {
              AddonChecks.requireCompatible(addon, baseModel, d, replace);
              return d;
            }))
        .thenCompose(checked -> post(create));
  }

  private CompletableFuture<DeployedModel> post(ApiRequest create) {
    return transport.send(create, RequestOptions.none(), DeployedModel.class);
  }

  /** Validates the options and builds the create; throws before anything is sent. */
  private ApiRequest request() {
    if (deployment == null) {
      throw new IllegalArgumentException("deployment is required: call to(DeploymentName) with the deployment of "
          + "the addon's base model to load " + addon + " onto");
    }
    if (displayName != null && displayName.length() > MAX_DISPLAY_NAME) {
      throw new IllegalArgumentException("displayName must be under 64 characters, was " + displayName.length());
    }
    if (description != null && description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException("description must be under 1000 characters, was " + description.length());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", addon.toString());
    body.put("deployment", deployment.toString());
    putIfSet(body, "displayName", displayName);
    putIfSet(body, "description", description);
    putIfSet(body, "public", publicAccess);
    return ApiRequest.post(ControlPlanePaths.deployedModels(deployment.account()), body)
        .query("replaceMergedAddon", replaceMergedAddon);
  }

  private static void putIfSet(Map<String, Object> body, String field, Object value) {
    if (value != null) {
      body.put(field, value);
    }
  }
}
