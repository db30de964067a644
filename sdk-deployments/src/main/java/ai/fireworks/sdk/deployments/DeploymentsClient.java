package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.Page;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.internal.Blocking;
import ai.fireworks.sdk.deployments.internal.Applier;
import ai.fireworks.sdk.deployments.internal.Planner;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Dedicated deployments: create, read, list, update, scale, delete, undelete, wait for READY or
 * deletion, and declarative {@link #apply}/{@link #plan}. Every operation has a blocking form and an
 * {@code ...Async} form over the client's one transport; asynchronous results complete on the
 * client's executor, and cancelling one stops the operation's remaining work (polling, in-flight
 * requests) and nothing on the server.
 *
 * <p>Bad input throws {@link IllegalArgumentException} before any request; server errors are
 * {@link ApiException} subclasses (for example {@link NotFoundException}). Thread-safe: create one
 * per {@link FireworksClient} and share it.
 */
public final class DeploymentsClient {
  private final FireworksClient client;
  private final DeploymentCalls calls;
  private final Applier applier;

  private DeploymentsClient(FireworksClient client) {
    this.client = client;
    this.calls = new DeploymentCalls(client);
    this.applier = new Applier(calls);
  }

  /** The deployments service of {@code client}. */
  public static DeploymentsClient of(FireworksClient client) {
    return new DeploymentsClient(Objects.requireNonNull(client, "client"));
  }

  /** PEFT (LoRA) addons: load onto, list, update and unload from deployments. Same client, same thread-safety. */
  public AddonsClient addons() {
    return AddonsClient.of(client);
  }

  /** Models (read-only): the catalogue and an account's own models. Same client, same thread-safety. */
  public ModelsClient models() {
    return ModelsClient.of(client);
  }

  // ---- create --------------------------------------------------------------------------------

  /**
   * Starts a create of a deployment serving {@code baseModel}; configure it and call
   * {@link CreateDeploymentRequest#submit()}.
   */
  public CreateDeploymentRequest create(ModelName baseModel) {
    return new CreateDeploymentRequest(this, DeploymentSpec.builder().baseModel(Objects.requireNonNull(baseModel, "baseModel")));
  }

  /** Starts a create from a spec built elsewhere; further settings and options may still be added. */
  public CreateDeploymentRequest create(DeploymentSpec spec) {
    return new CreateDeploymentRequest(this, DeploymentSpec.builder().from(Objects.requireNonNull(spec, "spec")));
  }

  // ---- get / list ----------------------------------------------------------------------------

  /**
   * Returns the deployment.
   *
   * @throws NotFoundException if it does not exist
   */
  public Deployment get(DeploymentName name) {
    return Blocking.call(() -> calls.getRaw(name, RequestOptions.none()));
  }

  /** Like {@link #get(DeploymentName)}, asynchronously. */
  public CompletableFuture<Deployment> getAsync(DeploymentName name) {
    return toCaller(calls.getRaw(name, RequestOptions.none()));
  }

  /** The first page of the client's account's deployments, with the server's defaults; iterate all with {@link Page#autoPager()}. */
  public Page<Deployment> list() {
    return list(ListDeploymentsRequest.all());
  }

  /**
   * One page of deployments; {@link Page#autoPager()} and {@link Page#stream()} fetch the following
   * pages with the same parameters.
   */
  public Page<Deployment> list(ListDeploymentsRequest request) {
    return Blocking.call(() -> calls.listRaw(request));
  }

  /** Like {@link #list(ListDeploymentsRequest)}, asynchronously (later pages are fetched blocking). */
  public CompletableFuture<Page<Deployment>> listAsync(ListDeploymentsRequest request) {
    return toCaller(calls.listRaw(request));
  }

  // ---- update / scale ------------------------------------------------------------------------

  /** Starts an update of {@code name}; set the fields to change and call {@link UpdateDeploymentRequest#submit()}. */
  public UpdateDeploymentRequest update(DeploymentName name) {
    return new UpdateDeploymentRequest(this, name);
  }

  /**
   * Sets the replica count now ({@code :scale}); the autoscaler may change it later within the
   * deployment's minimum and maximum. 0 scales to zero.
   *
   * @throws IllegalArgumentException if {@code replicaCount} is negative; nothing is sent
   */
  public void scale(DeploymentName name, int replicaCount) {
    Blocking.call(() -> calls.scaleRaw(name, replicaCount));
  }

  /** Like {@link #scale(DeploymentName, int)}, asynchronously. Validation throws at once. */
  public CompletableFuture<Void> scaleAsync(DeploymentName name, int replicaCount) {
    return toCaller(calls.scaleRaw(name, replicaCount));
  }

  // ---- delete / undelete ---------------------------------------------------------------------

  /** Soft-deletes the deployment: it becomes DELETED and can be restored with {@link #undelete} until purged. */
  public void delete(DeploymentName name) {
    delete(name, DeleteOptions.defaults());
  }

  /**
   * Deletes the deployment; {@link DeleteOptions#hard()} deletes permanently, freeing the id. A
   * DELETE retried after a lost answer that finds the deployment gone (404) counts as done.
   *
   * @throws NotFoundException if the deployment does not exist (on the first attempt)
   */
  public void delete(DeploymentName name, DeleteOptions options) {
    Blocking.call(() -> calls.deleteRaw(name, options));
  }

  /** Like {@link #delete(DeploymentName)}, asynchronously. */
  public CompletableFuture<Void> deleteAsync(DeploymentName name) {
    return deleteAsync(name, DeleteOptions.defaults());
  }

  /** Like {@link #delete(DeploymentName, DeleteOptions)}, asynchronously. */
  public CompletableFuture<Void> deleteAsync(DeploymentName name, DeleteOptions options) {
    return toCaller(calls.deleteRaw(name, options));
  }

  /**
   * Restores a soft-deleted deployment and returns it.
   *
   * @throws NotFoundException if it does not exist or was purged
   */
  public Deployment undelete(DeploymentName name) {
    return Blocking.call(() -> calls.undeleteRaw(name));
  }

  /** Like {@link #undelete(DeploymentName)}, asynchronously. */
  public CompletableFuture<Deployment> undeleteAsync(DeploymentName name) {
    return toCaller(calls.undeleteRaw(name));
  }

  // ---- waiters -------------------------------------------------------------------------------

  /** {@link #waitUntilReady(DeploymentName, WaitOptions)} with {@link WaitOptions#defaults()} (1 hour). */
  public CompletableFuture<Deployment> waitUntilReady(DeploymentName name) {
    return waitUntilReady(name, WaitOptions.defaults());
  }

  /**
   * Polls the deployment until it is READY and completes with it. Completes exceptionally with
   * {@link DeploymentFailedException} as soon as it is FAILED, DELETING or DELETED; with
   * {@link ai.fireworks.sdk.core.WaiterTimeoutException} after {@link WaitOptions#timeout()}. A 404
   * in the first 60 seconds (a deployment not visible yet) and transient errors (429, 5xx, lost
   * connections) do not end the wait. Polls back off (defaults: from about 1 s to about 15 s, with
   * jitter), come every 4 s while replicas initialize and every 2 s while the deployment is UPDATING,
   * and every 15 s while replicas still wait for capacity or download the model. Progress reports read
   * like {@code CREATING replicas 0/1 (1 initializing)}. Cancelling the future stops polling only.
   */
  public CompletableFuture<Deployment> waitUntilReady(DeploymentName name, WaitOptions options) {
    return toCaller(calls.waitUntilReadyRaw(name, options));
  }

  /**
   * Blocks until the deployment is READY; see {@link #waitUntilReady(DeploymentName, WaitOptions)}.
   *
   * @throws DeploymentFailedException if it becomes FAILED, DELETING or DELETED
   * @throws ai.fireworks.sdk.core.WaiterTimeoutException if it is not READY in time
   */
  public Deployment awaitReady(DeploymentName name, WaitOptions options) {
    return Blocking.call(() -> calls.waitUntilReadyRaw(name, options));
  }

  /** {@link #waitUntilDeleted(DeploymentName, WaitOptions)} with {@link WaitOptions#defaults()}. */
  public CompletableFuture<Optional<Deployment>> waitUntilDeleted(DeploymentName name) {
    return waitUntilDeleted(name, WaitOptions.defaults());
  }

  /**
   * Polls until the deployment is DELETED (soft-deleted; completes with it) or gone (404; completes
   * empty). Transient errors do not end the wait; cancelling the future stops polling only.
   */
  public CompletableFuture<Optional<Deployment>> waitUntilDeleted(DeploymentName name, WaitOptions options) {
    return toCaller(calls.waitUntilDeletedRaw(name, options, false));
  }

  /**
   * Blocks until the deployment is DELETED or gone; see {@link #waitUntilDeleted(DeploymentName, WaitOptions)}.
   *
   * @throws ai.fireworks.sdk.core.WaiterTimeoutException if it still exists in time
   */
  public Optional<Deployment> awaitDeleted(DeploymentName name, WaitOptions options) {
    return Blocking.call(() -> calls.waitUntilDeletedRaw(name, options, false));
  }

  // ---- apply / plan --------------------------------------------------------------------------

  /** {@link #plan(DeploymentSpec, ApplyOptions)} with {@link ApplyOptions#defaults()}. */
  public DeploymentPlan plan(DeploymentSpec spec) {
    return plan(spec, ApplyOptions.defaults());
  }

  /**
   * Compares {@code spec} with the deployment named by its {@code deploymentId} and returns what
   * {@link #apply} would do. Sends only a GET.
   *
   * @throws IllegalArgumentException if the spec has no deploymentId; nothing is sent
   */
  public DeploymentPlan plan(DeploymentSpec spec, ApplyOptions options) {
    return Blocking.call(() -> planRaw(spec, options)).plan;
  }

  /** Like {@link #plan(DeploymentSpec, ApplyOptions)}, asynchronously. */
  public CompletableFuture<DeploymentPlan> planAsync(DeploymentSpec spec, ApplyOptions options) {
    return toCaller(planRaw(spec, options).thenApply(r -> r.plan));
  }

  private CompletableFuture<Planner.Result> planRaw(DeploymentSpec spec, ApplyOptions options) {
    return applier.plan(nameOf(spec), spec, options);
  }

  /** {@link #apply(DeploymentSpec, ApplyOptions)} with {@link ApplyOptions#defaults()}. */
  public ApplyResult apply(DeploymentSpec spec) {
    return apply(spec, ApplyOptions.defaults());
  }

  /**
   * Makes the deployment named by the spec's {@code deploymentId} match the spec: creates it if
   * absent; PATCHes exactly the differing fields if present; does nothing if it matches; for a
   * FAILED, DELETED or DELETING deployment follows {@link ApplyOptions#onFailed()}. Fields the spec
   * does not set are left as they are. Optionally waits until READY.
   *
   * @throws IllegalArgumentException if the spec has no deploymentId (nothing sent), or asks to change
   *     region, placement, accelerator type or base model of an existing deployment (only a GET sent)
   * @throws DeploymentFailedException if the deployment is FAILED, DELETED or DELETING and the policy is REPORT
   */
  public ApplyResult apply(DeploymentSpec spec, ApplyOptions options) {
    return Blocking.call(() -> applyRaw(spec, options));
  }

  /** Like {@link #apply(DeploymentSpec, ApplyOptions)}, asynchronously. */
  public CompletableFuture<ApplyResult> applyAsync(DeploymentSpec spec, ApplyOptions options) {
    return toCaller(applyRaw(spec, options));
  }

  private CompletableFuture<ApplyResult> applyRaw(DeploymentSpec spec, ApplyOptions options) {
    return applier.apply(nameOf(spec), spec, options);
  }

  private DeploymentName nameOf(DeploymentSpec spec) {
    return spec.deploymentName(spec.account().orElseGet(client::requireAccountId))
        .orElseThrow(() -> new IllegalArgumentException(
            "apply and plan need spec.deploymentId to find the deployment; it is not set"));
  }

  // ---- plumbing ------------------------------------------------------------------------------

  <T> CompletableFuture<T> toCaller(CompletableFuture<T> raw) {
    return calls.toCaller(raw); // cancelling the result cancels raw: its polling or request in flight
  }

  /** The raw requests, for the request builders. */
  DeploymentCalls calls() {
    return calls;
  }

  /** Never shows the API key. */
  @Override
  public String toString() {
    return "DeploymentsClient{" + client + "}";
  }
}
