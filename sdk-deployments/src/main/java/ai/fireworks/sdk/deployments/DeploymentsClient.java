package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.ConflictException;
import ai.fireworks.sdk.core.ConnectionException;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ErrorDetails;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.Page;
import ai.fireworks.sdk.core.PermissionDeniedException;
import ai.fireworks.sdk.core.RateLimitException;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RequestTimeoutException;
import ai.fireworks.sdk.core.ServerException;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.internal.ApiRequest;
import ai.fireworks.sdk.core.internal.ClientAccess;
import ai.fireworks.sdk.core.internal.Futures;
import ai.fireworks.sdk.core.internal.HttpTransport;
import ai.fireworks.sdk.core.internal.Waiter;
import ai.fireworks.sdk.deployments.internal.AnnotationRule;
import ai.fireworks.sdk.deployments.internal.ControlPlanePaths;
import ai.fireworks.sdk.deployments.internal.DeploymentBodies;
import ai.fireworks.sdk.deployments.internal.DeploymentField;
import ai.fireworks.sdk.deployments.internal.DeploymentList;
import ai.fireworks.sdk.deployments.internal.DeploymentRules;
import ai.fireworks.sdk.deployments.internal.Planner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

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
  /** A 404 this soon after a wait starts means "not visible yet", not "gone" (right after create). */
  static final Duration NOT_FOUND_GRACE = Duration.ofSeconds(60);

  private final FireworksClient client;
  private final HttpTransport transport;

  private DeploymentsClient(FireworksClient client) {
    this.client = client;
    this.transport = ClientAccess.transport(client);
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

  /** Creates {@code spec}; {@code flags} are the boolean query parameters set to true ({@code validateOnly}...). */
  CompletableFuture<Deployment> createRaw(DeploymentSpec spec, Set<String> flags, boolean returnExistingIfMatches,
      RequestOptions options) {
    AccountId account = spec.account().orElseGet(client::requireAccountId);
    DeploymentRules.warnLongPrompt(spec.longPrompt(), spec.acceleratorCount());
    boolean validateOnly = flags.contains("validateOnly");
    ApiRequest request = ApiRequest.post(ControlPlanePaths.deployments(account), DeploymentBodies.create(spec))
        .query("deploymentId", spec.deploymentId().orElse(null));
    for (String flag : flags) {
      request = request.query(flag, true);
    }
    if (spec.deploymentId().isPresent()) {
      request = request.idempotent(); // the id makes a repeated create detectable (409), never a duplicate
    }
    AtomicInteger attempts = new AtomicInteger();
    ApiRequest sent = request;
    return transport.send(request, options, attempts::set)
        .thenApply(r -> r.json(Deployment.class, sent))
        .exceptionallyCompose(e -> {
          Throwable cause = annotationAware(HttpTransport.unwrap(e), spec.annotations());
          boolean resolvable = cause instanceof ConflictException && !validateOnly && spec.deploymentId().isPresent()
              && (returnExistingIfMatches || attempts.get() > 1);
          if (!resolvable) {
            return CompletableFuture.failedFuture(cause);
          }
          DeploymentName name = DeploymentName.of(account, spec.deploymentId().get());
          return getRaw(name, options).thenApply(existing -> matchOrConflict(spec, existing, (ConflictException) cause));
        });
  }

  private static Deployment matchOrConflict(DeploymentSpec spec, Deployment existing, ConflictException conflict) {
    List<String> differences = Planner.differences(spec, existing);
    if (differences.isEmpty() && !existing.state().isTerminalFailure()) {
      return existing;
    }
    String why = differences.isEmpty() ? "it is " + existing.state() : String.join("; ", differences);
    throw new ConflictException(ErrorDetails.builder().statusCode(conflict.statusCode())
        .errorCode(conflict.errorCode()).requestId(conflict.requestId()).headers(conflict.headers())
        .body(conflict.body()).retryAfter(conflict.retryAfter())
        .message("deployment " + existing.name() + " already exists and does not match the request: " + why
            + " (server said: " + conflict.errorMessage() + ")")
        .build());
  }

  // ---- get / list ----------------------------------------------------------------------------

  /**
   * Returns the deployment.
   *
   * @throws NotFoundException if it does not exist
   */
  public Deployment get(DeploymentName name) {
    return HttpTransport.call(() -> getRaw(name, RequestOptions.none()));
  }

  /** Like {@link #get(DeploymentName)}, asynchronously. */
  public CompletableFuture<Deployment> getAsync(DeploymentName name) {
    return toCaller(getRaw(name, RequestOptions.none()));
  }

  CompletableFuture<Deployment> getRaw(DeploymentName name, RequestOptions options) {
    Objects.requireNonNull(name, "name");
    return transport.send(ApiRequest.get(ControlPlanePaths.deployment(name)), options, Deployment.class);
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
    return HttpTransport.call(() -> listRaw(request));
  }

  /** Like {@link #list(ListDeploymentsRequest)}, asynchronously (later pages are fetched blocking). */
  public CompletableFuture<Page<Deployment>> listAsync(ListDeploymentsRequest request) {
    return toCaller(listRaw(request));
  }

  private CompletableFuture<Page<Deployment>> listRaw(ListDeploymentsRequest r) {
    AccountId account = r.account().orElseGet(client::requireAccountId);
    ApiRequest request = ApiRequest.get(ControlPlanePaths.deployments(account))
        .query("pageSize", r.pageSize().orElse(null))
        .query("pageToken", r.pageToken().orElse(null))
        .query("filter", r.filter().orElse(null))
        .query("orderBy", r.orderBy().orElse(null))
        .query("showDeleted", flag(r.showDeleted()));
    return transport.send(request, RequestOptions.none(), DeploymentList.class)
        .thenApply(list -> Page.of(list.items(), list.nextPageToken(), list.totalSize(),
            token -> HttpTransport.call(
                () -> listRaw(ListDeploymentsRequest.builder().from(r).pageToken(token).build()))));
  }

  // ---- update / scale ------------------------------------------------------------------------

  /** Starts an update of {@code name}; set the fields to change and call {@link UpdateDeploymentRequest#submit()}. */
  public UpdateDeploymentRequest update(DeploymentName name) {
    return new UpdateDeploymentRequest(this, name);
  }

  CompletableFuture<Deployment> patchRaw(DeploymentName name, Map<DeploymentField, Object> changes,
      Map<String, ?> extra, boolean skipShapeValidation, RequestOptions options) {
    ApiRequest request = ApiRequest.patch(ControlPlanePaths.deployment(name), DeploymentBodies.patch(changes, extra))
        .query("updateMask", DeploymentBodies.updateMask(changes, extra))
        .query("skipShapeValidation", flag(skipShapeValidation));
    @SuppressWarnings("unchecked")
    Map<String, String> annotations = (Map<String, String>) changes.getOrDefault(DeploymentField.ANNOTATIONS, Map.of());
    return transport.send(request, options, Deployment.class).exceptionallyCompose(
        e -> CompletableFuture.failedFuture(annotationAware(HttpTransport.unwrap(e), annotations)));
  }

  /** A 403 about annotation keys, explained (see {@link AnnotationRule}); other failures as they are. */
  private static Throwable annotationAware(Throwable failure, Map<String, String> annotations) {
    return failure instanceof PermissionDeniedException
        ? AnnotationRule.explain((PermissionDeniedException) failure, annotations) : failure;
  }

  /**
   * Sets the replica count now ({@code :scale}); the autoscaler may change it later within the
   * deployment's minimum and maximum. 0 scales to zero.
   *
   * @throws IllegalArgumentException if {@code replicaCount} is negative; nothing is sent
   */
  public void scale(DeploymentName name, int replicaCount) {
    HttpTransport.call(() -> scaleRaw(name, replicaCount));
  }

  /** Like {@link #scale(DeploymentName, int)}, asynchronously. Validation throws at once. */
  public CompletableFuture<Void> scaleAsync(DeploymentName name, int replicaCount) {
    return toCaller(scaleRaw(name, replicaCount));
  }

  private CompletableFuture<Void> scaleRaw(DeploymentName name, int replicaCount) {
    Objects.requireNonNull(name, "name");
    DeploymentRules.replicaCount("replicaCount", replicaCount);
    return transport.send(ApiRequest.patch(ControlPlanePaths.deploymentScale(name), Map.of("replicaCount", replicaCount)),
        RequestOptions.none()).thenApply(r -> null);
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
    HttpTransport.call(() -> deleteRaw(name, options));
  }

  /** Like {@link #delete(DeploymentName)}, asynchronously. */
  public CompletableFuture<Void> deleteAsync(DeploymentName name) {
    return deleteAsync(name, DeleteOptions.defaults());
  }

  /** Like {@link #delete(DeploymentName, DeleteOptions)}, asynchronously. */
  public CompletableFuture<Void> deleteAsync(DeploymentName name, DeleteOptions options) {
    return toCaller(deleteRaw(name, options));
  }

  private CompletableFuture<Void> deleteRaw(DeploymentName name, DeleteOptions options) {
    Objects.requireNonNull(name, "name");
    ApiRequest request = ApiRequest.delete(ControlPlanePaths.deployment(name))
        .query("hard", flag(options.hard()))
        .query("ignoreChecks", flag(options.ignoreChecks()));
    AtomicInteger attempts = new AtomicInteger();
    return transport.send(request, RequestOptions.none(), attempts::set)
        .exceptionallyCompose(e -> goneAfterRetry(e, attempts.get()))
        .thenApply(r -> null);
  }

  /**
   * A DELETE retried after its answer was lost may find the resource already gone (404): the
   * first attempt did what the caller asked, so that is success, not an error.
   */
  static <T> CompletableFuture<T> goneAfterRetry(Throwable e, int attempts) {
    Throwable cause = HttpTransport.unwrap(e);
    return cause instanceof NotFoundException && attempts > 1 ? CompletableFuture.completedFuture(null)
        : CompletableFuture.failedFuture(cause);
  }

  /**
   * Restores a soft-deleted deployment and returns it.
   *
   * @throws NotFoundException if it does not exist or was purged
   */
  public Deployment undelete(DeploymentName name) {
    return HttpTransport.call(() -> undeleteRaw(name));
  }

  /** Like {@link #undelete(DeploymentName)}, asynchronously. */
  public CompletableFuture<Deployment> undeleteAsync(DeploymentName name) {
    return toCaller(undeleteRaw(name));
  }

  private CompletableFuture<Deployment> undeleteRaw(DeploymentName name) {
    Objects.requireNonNull(name, "name");
    return transport.send(ApiRequest.post(ControlPlanePaths.deploymentUndelete(name), Map.of()), RequestOptions.none(),
        Deployment.class);
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
    return toCaller(waitUntilReadyRaw(name, options));
  }

  /**
   * Blocks until the deployment is READY; see {@link #waitUntilReady(DeploymentName, WaitOptions)}.
   *
   * @throws DeploymentFailedException if it becomes FAILED, DELETING or DELETED
   * @throws ai.fireworks.sdk.core.WaiterTimeoutException if it is not READY in time
   */
  public Deployment awaitReady(DeploymentName name, WaitOptions options) {
    return HttpTransport.call(() -> waitUntilReadyRaw(name, options));
  }

  CompletableFuture<Deployment> waitUntilReadyRaw(DeploymentName name, WaitOptions options) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    Waiter.Acceptor<Deployment> acceptor = new Waiter.Acceptor<>() {
      @Override
      public Waiter.Verdict<Deployment> onValue(Deployment d, Duration elapsed) {
        if (d.isReady()) {
          return Waiter.Verdict.success(d);
        }
        return d.state().isTerminalFailure() ? Waiter.Verdict.failure(new DeploymentFailedException(d))
            : Waiter.Verdict.retry();
      }

      @Override
      public Waiter.Verdict<Deployment> onError(Throwable error, Duration elapsed) {
        boolean early404 = error instanceof NotFoundException && elapsed.compareTo(NOT_FOUND_GRACE) < 0;
        return early404 || isTransient(error) ? Waiter.Verdict.retry() : Waiter.Acceptor.super.onError(error, elapsed);
      }
    };
    return transport.start(new Waiter<>("deployment " + name + " to be READY", () -> getRaw(name, RequestOptions.none()),
        acceptor, DeploymentsClient::describe, DeploymentsClient::intervalHint, options, transport.time()));
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
    return toCaller(waitUntilDeletedRaw(name, options, false));
  }

  /**
   * Blocks until the deployment is DELETED or gone; see {@link #waitUntilDeleted(DeploymentName, WaitOptions)}.
   *
   * @throws ai.fireworks.sdk.core.WaiterTimeoutException if it still exists in time
   */
  public Optional<Deployment> awaitDeleted(DeploymentName name, WaitOptions options) {
    return HttpTransport.call(() -> waitUntilDeletedRaw(name, options, false));
  }

  /** With {@code gone}, only a 404 ends the wait (a hard delete frees the id only then). */
  private CompletableFuture<Optional<Deployment>> waitUntilDeletedRaw(DeploymentName name, WaitOptions options,
      boolean gone) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    Waiter.Acceptor<Optional<Deployment>> acceptor = new Waiter.Acceptor<>() {
      @Override
      public Waiter.Verdict<Optional<Deployment>> onValue(Optional<Deployment> d, Duration elapsed) {
        return !gone && d.get().state().equals(DeploymentState.DELETED) ? Waiter.Verdict.success(d)
            : Waiter.Verdict.retry();
      }

      @Override
      public Waiter.Verdict<Optional<Deployment>> onError(Throwable error, Duration elapsed) {
        if (error instanceof NotFoundException) {
          return Waiter.Verdict.success(Optional.empty());
        }
        return isTransient(error) ? Waiter.Verdict.retry() : Waiter.Acceptor.super.onError(error, elapsed);
      }
    };
    return transport.start(new Waiter<Optional<Deployment>>("deployment " + name + (gone ? " to be gone" : " to be deleted"),
        () -> getRaw(name, RequestOptions.none()).thenApply(Optional::of), acceptor,
        d -> d.map(DeploymentsClient::describe).orElse("gone"), d -> Optional.empty(), options,
        transport.time()));
  }

  static boolean isTransient(Throwable error) {
    return error instanceof RateLimitException || error instanceof ServerException
        || error instanceof ConnectionException || error instanceof RequestTimeoutException;
  }

  /** {@code STATE replicas ready/desired}, plus the start-up phase counts when replicas are starting. */
  static String describe(Deployment d) {
    int ready = d.replicaStats().map(ReplicaStats::readyReplicaCount).orElse(d.replicaCount());
    StringBuilder b = new StringBuilder().append(d.state()).append(" replicas ").append(ready).append('/')
        .append(d.desiredReplicaCount());
    d.replicaStats().ifPresent(s -> {
      StringBuilder phases = new StringBuilder();
      phase(phases, s.pendingSchedulingReplicaCount(), "pending");
      phase(phases, s.downloadingModelReplicaCount(), "downloading");
      phase(phases, s.initializingReplicaCount(), "initializing");
      if (phases.length() > 0) {
        b.append(" (").append(phases).append(')');
      }
    });
    d.status().filter(s -> !s.message().isEmpty()).ifPresent(s -> b.append(": ").append(s));
    return b.toString();
  }

  private static void phase(StringBuilder b, int count, String phase) {
    if (count > 0) {
      b.append(b.length() > 0 ? ", " : "").append(count).append(' ').append(phase);
    }
  }

  /**
   * When to poll again, judging by the replicas: soon while some initialize (4 s) or an update rolls
   * out (2 s); 15 s while they all still wait for capacity or download the model, since initializing
   * is still ahead of them. Empty (the usual backoff) when the deployment reports no replica phases.
   */
  static Optional<Duration> intervalHint(Deployment d) {
    if (d.state().equals(DeploymentState.UPDATING)) {
      return Optional.of(Duration.ofSeconds(2));
    }
    return d.replicaStats().flatMap(s -> s.initializingReplicaCount() > 0 ? Optional.of(Duration.ofSeconds(4))
        : s.pendingSchedulingReplicaCount() + s.downloadingModelReplicaCount() > 0
            ? Optional.of(Duration.ofSeconds(15)) : Optional.empty());
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
    return HttpTransport.call(() -> planRaw(spec, options)).plan;
  }

  /** Like {@link #plan(DeploymentSpec, ApplyOptions)}, asynchronously. */
  public CompletableFuture<DeploymentPlan> planAsync(DeploymentSpec spec, ApplyOptions options) {
    return toCaller(planRaw(spec, options).thenApply(r -> r.plan));
  }

  private CompletableFuture<Planner.Result> planRaw(DeploymentSpec spec, ApplyOptions options) {
    DeploymentName name = nameOf(spec);
    return getRaw(name, RequestOptions.none()).thenApply(Optional::of)
        .exceptionallyCompose(e -> HttpTransport.unwrap(e) instanceof NotFoundException
            ? CompletableFuture.completedFuture(Optional.<Deployment>empty())
            : CompletableFuture.failedFuture(HttpTransport.unwrap(e)))
        .thenApply(current -> Planner.plan(name, spec, current, options.onFailed()));
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
    return HttpTransport.call(() -> applyRaw(spec, options));
  }

  /** Like {@link #apply(DeploymentSpec, ApplyOptions)}, asynchronously. */
  public CompletableFuture<ApplyResult> applyAsync(DeploymentSpec spec, ApplyOptions options) {
    return toCaller(applyRaw(spec, options));
  }

  private CompletableFuture<ApplyResult> applyRaw(DeploymentSpec spec, ApplyOptions options) {
    return Futures.compose(planRaw(spec, options), result -> {
      DeploymentPlan plan = result.plan;
      CompletableFuture<Deployment> done;
      switch (plan.action()) {
        case CREATE:
          done = createRaw(spec, Set.of(), true, RequestOptions.none());
          break;
        case UPDATE:
          done = patchRaw(plan.name(), result.patch, result.extraPatch, false, RequestOptions.none());
          break;
        case NO_CHANGE:
          done = CompletableFuture.completedFuture(plan.current().get());
          break;
        case RECREATE:
          done = recreateRaw(plan, spec, options);
          break;
        case REPORT:
          throw new DeploymentFailedException(String.join("; ", plan.problems()), plan.current().get());
        default:
          throw new IllegalArgumentException(String.join("; ", plan.problems()));
      }
      if (options.waitUntilReady().isPresent()) {
        done = Futures.compose(done, d -> waitUntilReadyRaw(plan.name(), options.waitUntilReady().get()));
      }
      return done.thenApply(d -> ApplyResult.builder().plan(plan).deployment(d).build());
    });
  }

  private CompletableFuture<Deployment> recreateRaw(DeploymentPlan plan, DeploymentSpec spec, ApplyOptions options) {
    WaitOptions wait = options.waitUntilReady().orElse(WaitOptions.defaults());
    CompletableFuture<Void> deleted = plan.current().get().state().equals(DeploymentState.DELETING)
        ? CompletableFuture.completedFuture(null)
        : deleteRaw(plan.name(), DeleteOptions.builder().hard(true).build());
    return Futures.compose(Futures.compose(deleted, v -> waitUntilDeletedRaw(plan.name(), wait, true)),
        v -> createRaw(spec, Set.of(), true, RequestOptions.none()));
  }

  private DeploymentName nameOf(DeploymentSpec spec) {
    return spec.deploymentName(spec.account().orElseGet(client::requireAccountId))
        .orElseThrow(() -> new IllegalArgumentException(
            "apply and plan need spec.deploymentId to find the deployment; it is not set"));
  }

  // ---- plumbing ------------------------------------------------------------------------------

  <T> CompletableFuture<T> toCaller(CompletableFuture<T> raw) {
    return transport.toCaller(raw); // cancelling the result cancels raw: its polling or request in flight
  }

  private static Boolean flag(boolean set) {
    return set ? Boolean.TRUE : null;
  }

  /** Never shows the API key. */
  @Override
  public String toString() {
    return "DeploymentsClient{" + client + "}";
  }
}
