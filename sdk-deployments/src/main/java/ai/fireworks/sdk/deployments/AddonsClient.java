package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.DeployedModelName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.Page;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.WaiterTimeoutException;
import ai.fireworks.sdk.core.internal.ApiRequest;
import ai.fireworks.sdk.core.internal.Blocking;
import ai.fireworks.sdk.core.internal.ClientAccess;
import ai.fireworks.sdk.core.internal.HttpTransport;
import ai.fireworks.sdk.core.internal.Transient;
import ai.fireworks.sdk.core.internal.Waiter;
import ai.fireworks.sdk.deployments.internal.ControlPlanePaths;
import ai.fireworks.sdk.deployments.internal.DeployedModelListResponse;
import ai.fireworks.sdk.deployments.internal.DeploymentWaits;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads PEFT (LoRA) addons onto dedicated deployments and manages the resulting deployed models
 * ({@code /v1/accounts/<a>/deployedModels}): deploy, get, list, update, unload, and wait until
 * deployed. Every operation has a blocking form and an {@code Async} form over the same
 * transport; async results complete on the client's executor. Remote failures are
 * {@link FireworksException}s; bad arguments are {@link IllegalArgumentException}s thrown before
 * anything is sent. Thread-safe; cheap to create.
 *
 * <pre>{@code
 * DeployedModel lora = AddonsClient.of(fw)
 *     .deploy(ModelName.parse("accounts/acme/models/my-lora"))
 *     .to(DeploymentName.parse("accounts/acme/deployments/my-llama"))
 *     .submitAndWait(WaitOptions.builder().timeout(Duration.ofMinutes(10)).build());
 * ModelRef target = lora.modelRef();   // accounts/acme/models/my-lora#accounts/acme/deployments/my-llama
 * }</pre>
 */
public final class AddonsClient {
  /** How long waits last unless told otherwise: 30 minutes, firectl's {@code load-lora --wait} default. */
  public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(30);

  /** The default wait: {@link #DEFAULT_WAIT_TIMEOUT}, other settings as {@link WaitOptions#defaults()}. */
  public static final WaitOptions DEFAULT_WAIT = WaitOptions.builder().timeout(DEFAULT_WAIT_TIMEOUT).build();

  private final FireworksClient client;
  private final HttpTransport transport;
  private final ModelsClient models;

  private AddonsClient(FireworksClient client) {
    this.client = client;
    this.transport = ClientAccess.transport(client);
    this.models = ModelsClient.of(client);
  }

  /** An addons client over {@code client}'s connection, account and options. */
  public static AddonsClient of(FireworksClient client) {
    return new AddonsClient(Objects.requireNonNull(client, "client"));
  }

  /**
   * Starts loading {@code addon} (a PEFT/LoRA model) onto a deployment: name it with
   * {@link DeployAddonRequest#to}, then {@link DeployAddonRequest#submit()}.
   */
  public DeployAddonRequest deploy(ModelName addon) {
    return new DeployAddonRequest(this, transport, addon);
  }

  /**
   * Returns the deployed model.
   *
   * @throws NotFoundException if it does not exist (for example, after it was unloaded)
   * @throws FireworksException if the request fails
   */
  public DeployedModel get(DeployedModelName name) {
    return Blocking.call(() -> fetch(name));
  }

  /** Asynchronous {@link #get(DeployedModelName)}. */
  public CompletableFuture<DeployedModel> getAsync(DeployedModelName name) {
    return transport.toCaller(fetch(name));
  }

  /**
   * Returns the first page of the client account's deployed models; iterate
   * {@link Page#autoPager()} for all.
   *
   * @throws IllegalStateException if the client has no account id
   */
  public Page<DeployedModel> list() {
    return list(ListDeployedModelsRequest.all());
  }

  /**
   * Returns the first page of deployed models matching {@code request} (see
   * {@link ListDeployedModelsRequest#forDeployment} and {@link ListDeployedModelsRequest#forModel});
   * later pages are fetched with the same parameters as {@link Page#autoPager()} reaches them.
   *
   * @throws IllegalStateException if the request names no account and the client has none
   * @throws FireworksException if the request fails
   */
  public Page<DeployedModel> list(ListDeployedModelsRequest request) {
    return Blocking.call(() -> fetchPage(request, account(request)));
  }

  /** Asynchronous {@link #list(ListDeployedModelsRequest)}; later pages are fetched by blocking calls. */
  public CompletableFuture<Page<DeployedModel>> listAsync(ListDeployedModelsRequest request) {
    return transport.toCaller(fetchPage(request, account(request)));
  }

  /** Starts a change of the deployed model's routing or labels; see {@link UpdateDeployedModelRequest}. */
  public UpdateDeployedModelRequest update(DeployedModelName name) {
    return new UpdateDeployedModelRequest(transport, name);
  }

  /**
   * Unloads the addon from its deployment (deletes the deployed model); the addon model itself
   * is kept. The server may take a while ({@code UNDEPLOYING}) before it is gone. A DELETE retried
   * after a lost answer that finds it gone (404) counts as done.
   *
   * @throws NotFoundException if it does not exist (on the first attempt)
   * @throws FireworksException if the request fails
   */
  public void unload(DeployedModelName name) {
    Blocking.call(() -> remove(name));
  }

  /** Asynchronous {@link #unload(DeployedModelName)}. */
  public CompletableFuture<Void> unloadAsync(DeployedModelName name) {
    return transport.toCaller(remove(name));
  }

  /** {@link #waitUntilDeployed(DeployedModelName, WaitOptions)} with {@link #DEFAULT_WAIT} (30 minutes). */
  public CompletableFuture<DeployedModel> waitUntilDeployed(DeployedModelName name) {
    return waitUntilDeployed(name, DEFAULT_WAIT);
  }

  /**
   * Polls the deployed model until it is {@link DeployedModelState#DEPLOYED} and completes with
   * it. The future fails with {@link AddonDeploymentFailedException} when the load fails (a status
   * code other than {@code OK}, {@code UNDEPLOYING}, or {@code STATE_UNSPECIFIED} after
   * {@code DEPLOYING}), with {@link NotFoundException} if it disappears, and with
   * {@link WaiterTimeoutException} after {@code options.timeout()}. Transient errors (429, 5xx,
   * connection failures) are polled through. Progress goes to {@code options.onProgress()}.
   * Cancelling the future stops the polling only; the load goes on.
   */
  public CompletableFuture<DeployedModel> waitUntilDeployed(DeployedModelName name, WaitOptions options) {
    return transport.toCaller(waitRaw(name, options));
  }

  /**
   * Blocking {@link #waitUntilDeployed(DeployedModelName, WaitOptions)}: returns the deployed model
   * once DEPLOYED, or throws the exception the future would fail with.
   */
  public DeployedModel awaitDeployed(DeployedModelName name, WaitOptions options) {
    return Blocking.call(() -> waitRaw(name, options));
  }

  ModelsClient models() {
    return models;
  }

  CompletableFuture<DeployedModel> waitRaw(DeployedModelName name, WaitOptions options) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    return transport.start(new Waiter<>("deployed model " + name + " to be DEPLOYED", () -> fetch(name),
        new DeployedAcceptor(), AddonsClient::describe, d -> Optional.empty(), options, transport.time()));
  }

  private CompletableFuture<DeployedModel> fetch(DeployedModelName name) {
    Objects.requireNonNull(name, "name");
    return transport.send(ApiRequest.get(ControlPlanePaths.deployedModel(name)), RequestOptions.none(),
        DeployedModel.class);
  }

  private CompletableFuture<Void> remove(DeployedModelName name) {
    Objects.requireNonNull(name, "name");
    AtomicInteger attempts = new AtomicInteger();
    return transport.send(ApiRequest.delete(ControlPlanePaths.deployedModel(name)), RequestOptions.none(), attempts::set)
        .exceptionallyCompose(e -> DeploymentWaits.goneAfterRetry(e, attempts.get()))
        .thenApply(r -> null);
  }

  private AccountId account(ListDeployedModelsRequest request) {
    return Objects.requireNonNull(request, "request").account().orElseGet(client::requireAccountId);
  }

  private CompletableFuture<Page<DeployedModel>> fetchPage(ListDeployedModelsRequest request, AccountId account) {
    ApiRequest get = ApiRequest.get(ControlPlanePaths.deployedModels(account))
        .query("pageSize", request.pageSize().orElse(null))
        .query("pageToken", request.pageToken().orElse(null))
        .query("filter", request.filter().orElse(null))
        .query("orderBy", request.orderBy().orElse(null));
    return transport.send(get, RequestOptions.none(), DeployedModelListResponse.class)
        .thenApply(r -> Page.of(r.deployedModels, r.nextPageToken, r.totalSize,
            token -> Blocking.call(() -> fetchPage(request.withPageToken(token), account))));
  }

  /** One-line state for progress reports: {@code DEPLOYING}, or {@code DEPLOYING (CODE: message)}. */
  static String describe(DeployedModel d) {
    return d.status().filter(s -> !isOk(s)).map(s -> d.state() + " (" + s + ")").orElse(d.state().toString());
  }

  private static boolean isOk(Status s) {
    return s.code().isEmpty() || s.code().equals("OK");
  }

  /** Success on DEPLOYED; failure on an error status, UNDEPLOYING, or STATE_UNSPECIFIED after DEPLOYING. */
  private static final class DeployedAcceptor implements Waiter.Acceptor<DeployedModel> {
    private volatile boolean sawDeploying;

    @Override
    public Waiter.Verdict<DeployedModel> onValue(DeployedModel d, Duration elapsed) {
      DeployedModelState state = d.state();
      if (state.equals(DeployedModelState.DEPLOYED)) {
        return Waiter.Verdict.success(d);
      }
      boolean badStatus = d.status().filter(s -> !isOk(s)).isPresent();
      if (badStatus || state.equals(DeployedModelState.UNDEPLOYING)
          || (state.equals(DeployedModelState.STATE_UNSPECIFIED) && sawDeploying)) {
        return Waiter.Verdict.failure(new AddonDeploymentFailedException("loading addon " + d.model() + " onto "
            + d.deployment() + " failed: deployed model " + d.name() + " is " + describe(d), d));
      }
      if (state.equals(DeployedModelState.DEPLOYING)) {
        sawDeploying = true;
      }
      return Waiter.Verdict.retry();
    }

    @Override
    public Waiter.Verdict<DeployedModel> onError(Throwable error, Duration elapsed) {
      return Transient.is(error) ? Waiter.Verdict.retry() : Waiter.Acceptor.super.onError(error, elapsed);
    }
  }
}
