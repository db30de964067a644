package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.Page;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.internal.ApiRequest;
import ai.fireworks.sdk.core.internal.Blocking;
import ai.fireworks.sdk.core.internal.ClientAccess;
import ai.fireworks.sdk.core.internal.HttpTransport;
import ai.fireworks.sdk.deployments.internal.ControlPlanePaths;
import ai.fireworks.sdk.deployments.internal.ModelListResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Reads models: base models that deployments serve and the addons (such as LoRAs) loaded onto
 * them. Read-only; uploading models is not part of this SDK. Every operation has a blocking form
 * and an {@code Async} form over the same transport; async results complete on the client's
 * executor. Failures are {@link FireworksException}s ({@link NotFoundException} for a missing
 * model). Thread-safe; cheap to create.
 */
public final class ModelsClient {
  private final FireworksClient client;
  private final HttpTransport transport;

  private ModelsClient(FireworksClient client) {
    this.client = client;
    this.transport = ClientAccess.transport(client);
  }

  /** A models client over {@code client}'s connection, account and options. */
  public static ModelsClient of(FireworksClient client) {
    return new ModelsClient(Objects.requireNonNull(client, "client"));
  }

  /**
   * Returns the model, including where it is deployed ({@link Model#deployedModelRefs()}).
   *
   * @throws NotFoundException if it does not exist or is not visible to the account
   * @throws FireworksException if the request fails
   */
  public Model get(ModelName name) {
    return Blocking.call(() -> fetch(name));
  }

  /** Asynchronous {@link #get(ModelName)}; the future fails with the same exceptions. */
  public CompletableFuture<Model> getAsync(ModelName name) {
    return transport.toCaller(fetch(name));
  }

  /**
   * Returns the first page of the client's own models; iterate {@link Page#autoPager()} for all.
   *
   * @throws IllegalStateException if the client has no account id
   * @throws FireworksException if the request fails
   */
  public Page<Model> list() {
    return list(ListModelsRequest.all());
  }

  /**
   * Returns the first page of models matching {@code request}; later pages are fetched, with the
   * same parameters, as {@link Page#autoPager()} reaches them.
   *
   * @throws IllegalStateException if the request names no account and the client has none
   * @throws FireworksException if the request fails
   */
  public Page<Model> list(ListModelsRequest request) {
    return Blocking.call(() -> fetchPage(request, account(request)));
  }

  /** Asynchronous {@link #list(ListModelsRequest)}; later pages are fetched by blocking calls. */
  public CompletableFuture<Page<Model>> listAsync(ListModelsRequest request) {
    return transport.toCaller(fetchPage(request, account(request)));
  }

  /** The GET without moving completion to the caller executor; for this package's own compositions. */
  CompletableFuture<Model> fetch(ModelName name) {
    Objects.requireNonNull(name, "name");
    return transport.send(ApiRequest.get(ControlPlanePaths.model(name)), RequestOptions.none(), Model.class);
  }

  private AccountId account(ListModelsRequest request) {
    return Objects.requireNonNull(request, "request").account().orElseGet(client::requireAccountId);
  }

  private CompletableFuture<Page<Model>> fetchPage(ListModelsRequest request, AccountId account) {
    ApiRequest get = ApiRequest.get(ControlPlanePaths.models(account))
        .query("pageSize", request.pageSize().orElse(null))
        .query("pageToken", request.pageToken().orElse(null))
        .query("filter", request.filter().orElse(null))
        .query("orderBy", request.orderBy().orElse(null));
    return transport.send(get, RequestOptions.none(), ModelListResponse.class)
        .thenApply(r -> Page.of(r.models, r.nextPageToken, r.totalSize,
            token -> Blocking.call(() -> fetchPage(request.withPageToken(token), account))));
  }
}
