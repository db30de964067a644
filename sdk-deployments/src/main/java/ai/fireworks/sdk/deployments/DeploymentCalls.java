package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.ConflictException;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ErrorDetails;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.Page;
import ai.fireworks.sdk.core.PermissionDeniedException;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.WaitOptions;
import ai.fireworks.sdk.core.internal.ApiRequest;
import ai.fireworks.sdk.core.internal.ApiResponse;
import ai.fireworks.sdk.core.internal.Blocking;
import ai.fireworks.sdk.core.internal.ClientAccess;
import ai.fireworks.sdk.core.internal.Futures;
import ai.fireworks.sdk.core.internal.HttpTransport;
import ai.fireworks.sdk.core.internal.Json;
import ai.fireworks.sdk.core.internal.Waiter;
import ai.fireworks.sdk.deployments.internal.Applier;
import ai.fireworks.sdk.deployments.internal.ControlPlanePaths;
import ai.fireworks.sdk.deployments.internal.AnnotationRule;
import ai.fireworks.sdk.deployments.internal.DeploymentBodies;
import ai.fireworks.sdk.deployments.internal.DeploymentField;
import ai.fireworks.sdk.deployments.internal.DeploymentList;
import ai.fireworks.sdk.deployments.internal.DeploymentRules;
import ai.fireworks.sdk.deployments.internal.DeploymentWaits;
import ai.fireworks.sdk.deployments.internal.Planner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deployment requests as raw futures (completing on the transport's threads, not handed over
 * to the caller's executor), which {@link DeploymentsClient}, the request builders and
 * {@link Applier} build on. Thread-safe.
 */
final class DeploymentCalls implements Applier.Operations {
  private final FireworksClient client;
  private final HttpTransport transport;

  DeploymentCalls(FireworksClient client) {
    this.client = client;
    this.transport = ClientAccess.transport(client);
  }

  /** Moves completion to the client's executor; cancelling the result cancels {@code raw}. */
  <T> CompletableFuture<T> toCaller(CompletableFuture<T> raw) {
    return transport.toCaller(raw);
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
    ApiResponse.BodyDecoder<Deployment> decoder = validateOnly
        ? wouldBe(DeploymentName.of(account, spec.deploymentId().orElse("validate-only")))
        : ApiResponse.BodyDecoder.databind(Deployment.class);
    return transport.send(request, options, attempts::set)
        .thenApply(r -> r.json(Deployment.class, sent, decoder))
        .exceptionallyCompose(e -> {
          Throwable cause = annotationAware(Futures.unwrap(e), spec.annotations());
          boolean resolvable = cause instanceof ConflictException && !validateOnly && spec.deploymentId().isPresent()
              && (returnExistingIfMatches || attempts.get() > 1);
          if (!resolvable) {
            return CompletableFuture.failedFuture(cause);
          }
          DeploymentName name = DeploymentName.of(account, spec.deploymentId().get());
          return getRaw(name, options).thenApply(existing -> matchOrConflict(spec, existing, (ConflictException) cause));
        });
  }

  /**
   * Reads a validate-only answer, the deployment as it would be created. Whether the server names a
   * deployment that does not exist is unconfirmed; if it does not, the name is {@code asked}: the
   * requested id, else {@code validate-only}.
   */
  private static ApiResponse.BodyDecoder<Deployment> wouldBe(DeploymentName asked) {
    return json -> {
      JsonNode tree = Json.MAPPER.readTree(json);
      if (tree instanceof ObjectNode && tree.path("name").asText("").isBlank()) {
        ((ObjectNode) tree).put("name", asked.toString());
      }
      return Json.MAPPER.treeToValue(tree, Deployment.class);
    };
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

  CompletableFuture<Deployment> getRaw(DeploymentName name, RequestOptions options) {
    Objects.requireNonNull(name, "name");
    return transport.send(ApiRequest.get(ControlPlanePaths.deployment(name)), options, Deployment.class);
  }

  CompletableFuture<Page<Deployment>> listRaw(ListDeploymentsRequest r) {
    AccountId account = r.account().orElseGet(client::requireAccountId);
    ApiRequest request = ApiRequest.get(ControlPlanePaths.deployments(account))
        .query("pageSize", r.pageSize().orElse(null))
        .query("pageToken", r.pageToken().orElse(null))
        .query("filter", r.filter().orElse(null))
        .query("orderBy", r.orderBy().orElse(null))
        .query("showDeleted", flag(r.showDeleted()));
    return transport.send(request, RequestOptions.none(), DeploymentList.class)
        .thenApply(list -> Page.of(list.items(), list.nextPageToken(), list.totalSize(),
            token -> Blocking.call(
                () -> listRaw(ListDeploymentsRequest.builder().from(r).pageToken(token).build()))));
  }

  CompletableFuture<Deployment> patchRaw(DeploymentName name, Map<DeploymentField, Object> changes,
      Map<String, ?> extra, boolean skipShapeValidation, RequestOptions options) {
    ApiRequest request = ApiRequest.patch(ControlPlanePaths.deployment(name), DeploymentBodies.patch(changes, extra))
        .query("updateMask", DeploymentBodies.updateMask(changes, extra))
        .query("skipShapeValidation", flag(skipShapeValidation));
    @SuppressWarnings("unchecked")
    Map<String, String> annotations = (Map<String, String>) changes.getOrDefault(DeploymentField.ANNOTATIONS, Map.of());
    return transport.send(request, options, Deployment.class).exceptionallyCompose(
        e -> CompletableFuture.failedFuture(annotationAware(Futures.unwrap(e), annotations)));
  }

  /** A 403 about annotation keys, explained (see {@link AnnotationRule}); other failures as they are. */
  private static Throwable annotationAware(Throwable failure, Map<String, String> annotations) {
    return failure instanceof PermissionDeniedException
        ? AnnotationRule.explain((PermissionDeniedException) failure, annotations) : failure;
  }


  CompletableFuture<Void> scaleRaw(DeploymentName name, int replicaCount) {
    Objects.requireNonNull(name, "name");
    DeploymentRules.replicaCount("replicaCount", replicaCount);
    return transport.send(ApiRequest.patch(ControlPlanePaths.deploymentScale(name), Map.of("replicaCount", replicaCount)),
        RequestOptions.none()).thenApply(r -> null);
  }

  CompletableFuture<Void> deleteRaw(DeploymentName name, DeleteOptions options) {
    Objects.requireNonNull(name, "name");
    ApiRequest request = ApiRequest.delete(ControlPlanePaths.deployment(name))
        .query("hard", flag(options.hard()))
        .query("ignoreChecks", flag(options.ignoreChecks()));
    AtomicInteger attempts = new AtomicInteger();
    return transport.send(request, RequestOptions.none(), attempts::set)
        .exceptionallyCompose(e -> DeploymentWaits.goneAfterRetry(e, attempts.get()))
        .thenApply(r -> null);
  }

  CompletableFuture<Deployment> undeleteRaw(DeploymentName name) {
    Objects.requireNonNull(name, "name");
    return transport.send(ApiRequest.post(ControlPlanePaths.deploymentUndelete(name), Map.of()), RequestOptions.none(),
        Deployment.class);
  }

  CompletableFuture<Deployment> waitUntilReadyRaw(DeploymentName name, WaitOptions options) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    return transport.start(new Waiter<>("deployment " + name + " to be READY", () -> getRaw(name, RequestOptions.none()),
        DeploymentWaits.ready(), DeploymentWaits::describe, DeploymentWaits::intervalHint, options, transport.time()));
  }

  /** With {@code gone}, only a 404 ends the wait (a hard delete frees the id only then). */
  CompletableFuture<Optional<Deployment>> waitUntilDeletedRaw(DeploymentName name, WaitOptions options,
      boolean gone) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    return transport.start(new Waiter<Optional<Deployment>>("deployment " + name + (gone ? " to be gone" : " to be deleted"),
        () -> getRaw(name, RequestOptions.none()).thenApply(Optional::of), DeploymentWaits.deleted(gone),
        d -> d.map(DeploymentWaits::describe).orElse("gone"), d -> Optional.empty(), options, transport.time()));
  }

  private static Boolean flag(boolean set) {
    return set ? Boolean.TRUE : null;
  }

  @Override
  public CompletableFuture<Optional<Deployment>> find(DeploymentName name) {
    return getRaw(name, RequestOptions.none()).thenApply(Optional::of)
        .exceptionallyCompose(e -> Futures.unwrap(e) instanceof NotFoundException
            ? CompletableFuture.completedFuture(Optional.<Deployment>empty())
            : CompletableFuture.failedFuture(Futures.unwrap(e)));
  }

  @Override
  public CompletableFuture<Deployment> create(DeploymentSpec spec) {
    return createRaw(spec, Set.of(), true, RequestOptions.none());
  }

  @Override
  public CompletableFuture<Deployment> patch(DeploymentName name, Map<DeploymentField, Object> changes,
      Map<String, ?> extra) {
    return patchRaw(name, changes, extra, false, RequestOptions.none());
  }

  @Override
  public CompletableFuture<Void> hardDelete(DeploymentName name) {
    return deleteRaw(name, DeleteOptions.builder().hard(true).build());
  }

  @Override
  public CompletableFuture<Deployment> waitUntilReady(DeploymentName name, WaitOptions options) {
    return waitUntilReadyRaw(name, options);
  }

  @Override
  public CompletableFuture<Optional<Deployment>> waitUntilGone(DeploymentName name, WaitOptions options) {
    return waitUntilDeletedRaw(name, options, true);
  }
}
