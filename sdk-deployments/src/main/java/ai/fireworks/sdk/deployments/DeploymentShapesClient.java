package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.Page;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.internal.ApiRequest;
import ai.fireworks.sdk.core.internal.Blocking;
import ai.fireworks.sdk.core.internal.ClientAccess;
import ai.fireworks.sdk.core.internal.HttpTransport;
import ai.fireworks.sdk.deployments.internal.ControlPlanePaths;
import ai.fireworks.sdk.deployments.internal.DeploymentShapeListResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Reads deployment shapes and their versions ({@code GET /v1/accounts/<a>/deploymentShapes[/<id>]}
 * and {@code .../versions[/<version>]}). Fireworks publishes its shapes under account
 * {@code fireworks}; {@link ListDeploymentShapesRequest#forModel} lists those that fit a model.
 * Read-only. Every operation has a blocking form and an {@code Async} form over the same
 * transport; async results complete on the client's executor. Failures are
 * {@link FireworksException}s ({@link NotFoundException} for a missing shape). Thread-safe; cheap to create.
 */
public final class DeploymentShapesClient {
  /** The account whose shapes Fireworks publishes. */
  public static final AccountId FIREWORKS = AccountId.of("fireworks");

  private final HttpTransport transport;

  private DeploymentShapesClient(FireworksClient client) {
    this.transport = ClientAccess.transport(client);
  }

  /** A shapes client over {@code client}'s connection and options. */
  public static DeploymentShapesClient of(FireworksClient client) {
    return new DeploymentShapesClient(Objects.requireNonNull(client, "client"));
  }

  /**
   * Returns the shape {@code name} (without a version).
   *
   * @throws IllegalArgumentException if {@code name} is a shorthand or names a version
   * @throws NotFoundException if the shape does not exist
   */
  public DeploymentShape get(DeploymentShapeName name) {
    return Blocking.call(() -> getRaw(name));
  }

  /** Asynchronous {@link #get(DeploymentShapeName)}. Validation throws at once. */
  public CompletableFuture<DeploymentShape> getAsync(DeploymentShapeName name) {
    return transport.toCaller(getRaw(name));
  }

  /**
   * Returns the version {@code name} names ({@code .../versions/<v>}, {@code latest} allowed).
   *
   * @throws IllegalArgumentException if {@code name} names no version
   * @throws NotFoundException if the shape or version does not exist
   */
  public DeploymentShapeVersion getVersion(DeploymentShapeName name) {
    return Blocking.call(() -> getVersionRaw(name));
  }

  /** Asynchronous {@link #getVersion(DeploymentShapeName)}. Validation throws at once. */
  public CompletableFuture<DeploymentShapeVersion> getVersionAsync(DeploymentShapeName name) {
    return transport.toCaller(getVersionRaw(name));
  }

  /**
   * Returns the first page of {@code account}'s shapes matching {@code request}; later pages are
   * fetched, with the same parameters, as {@link Page#autoPager()} reaches them.
   */
  public Page<DeploymentShape> list(AccountId account, ListDeploymentShapesRequest request) {
    return Blocking.call(() -> listRaw(account, request));
  }

  /** Asynchronous {@link #list(AccountId, ListDeploymentShapesRequest)}; later pages are fetched by blocking calls. */
  public CompletableFuture<Page<DeploymentShape>> listAsync(AccountId account, ListDeploymentShapesRequest request) {
    return transport.toCaller(listRaw(account, request));
  }

  /**
   * Returns the first page of the versions of shape {@code shape}.
   *
   * @throws IllegalArgumentException if {@code request} sets {@code targetModel} (shapes only) or
   *     {@code shape} is a shorthand
   */
  public Page<DeploymentShapeVersion> listVersions(DeploymentShapeName shape, ListDeploymentShapesRequest request) {
    return Blocking.call(() -> listVersionsRaw(shape, request));
  }

  /** Asynchronous {@link #listVersions}; later pages are fetched by blocking calls. Validation throws at once. */
  public CompletableFuture<Page<DeploymentShapeVersion>> listVersionsAsync(DeploymentShapeName shape,
      ListDeploymentShapesRequest request) {
    return transport.toCaller(listVersionsRaw(shape, request));
  }

  private CompletableFuture<DeploymentShape> getRaw(DeploymentShapeName name) {
    if (requireFull(name).version().isPresent()) {
      throw new IllegalArgumentException("get takes a shape without a version (use getVersion), was " + name);
    }
    return transport.send(ApiRequest.get(ControlPlanePaths.deploymentShape(name)), RequestOptions.none(),
        DeploymentShape.class);
  }

  private CompletableFuture<DeploymentShapeVersion> getVersionRaw(DeploymentShapeName name) {
    if (requireFull(name).version().isEmpty()) {
      throw new IllegalArgumentException("getVersion takes .../versions/<version> (or /versions/latest), was " + name);
    }
    return transport.send(ApiRequest.get(ControlPlanePaths.deploymentShape(name)), RequestOptions.none(),
        DeploymentShapeVersion.class);
  }

  private CompletableFuture<Page<DeploymentShape>> listRaw(AccountId account, ListDeploymentShapesRequest request) {
    Objects.requireNonNull(account, "account");
    ApiRequest get = query(ApiRequest.get(ControlPlanePaths.deploymentShapes(account)), request)
        .query("targetModel", request.targetModel().map(Object::toString).orElse(null));
    return transport.send(get, RequestOptions.none(), DeploymentShapeListResponse.class)
        .thenApply(r -> Page.of(r.shapes, r.nextPageToken, r.totalSize,
            token -> Blocking.call(() -> listRaw(account, request.withPageToken(token)))));
  }

  private CompletableFuture<Page<DeploymentShapeVersion>> listVersionsRaw(DeploymentShapeName shape,
      ListDeploymentShapesRequest request) {
    requireFull(shape);
    if (request.targetModel().isPresent()) {
      throw new IllegalArgumentException("targetModel filters shape listings only, not versions of " + shape);
    }
    ApiRequest get = query(ApiRequest.get(ControlPlanePaths.deploymentShape(shape.withoutVersion()) + "/versions"),
        request);
    return transport.send(get, RequestOptions.none(), DeploymentShapeListResponse.class)
        .thenApply(r -> Page.of(r.versions, r.nextPageToken, r.totalSize,
            token -> Blocking.call(() -> listVersionsRaw(shape, request.withPageToken(token)))));
  }

  private static ApiRequest query(ApiRequest get, ListDeploymentShapesRequest request) {
    return get.query("pageSize", request.pageSize().orElse(null))
        .query("pageToken", request.pageToken().orElse(null))
        .query("filter", request.filter().orElse(null))
        .query("orderBy", request.orderBy().orElse(null));
  }

  private static DeploymentShapeName requireFull(DeploymentShapeName name) {
    if (Objects.requireNonNull(name, "name").isShorthand()) {
      throw new IllegalArgumentException("the shorthand shape " + name + " is resolved by the server at create time; "
          + "read a full name such as accounts/fireworks/deploymentShapes/<id>");
    }
    return name;
  }
}
