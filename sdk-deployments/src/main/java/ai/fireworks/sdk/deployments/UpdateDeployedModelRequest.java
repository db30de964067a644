package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.DeployedModelName;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.internal.ApiRequest;
import ai.fireworks.sdk.core.internal.Blocking;
import ai.fireworks.sdk.core.internal.HttpTransport;
import ai.fireworks.sdk.deployments.internal.ControlPlanePaths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

/**
 * Changes a deployed model's routing and labels: the SDK's form of
 * {@code firectl update deployed-model <id>}. Obtain one from
 * {@link AddonsClient#update(DeployedModelName)}, set what should change, then {@link #submit()}.
 * Sends a PATCH with exactly the fields that were set and an {@code updateMask} naming them, so
 * nothing else is touched. Not thread-safe.
 */
public final class UpdateDeployedModelRequest {
  private final HttpTransport transport;
  private final DeployedModelName name;
  private final Map<String, Object> body = new LinkedHashMap<>();
  private final Map<String, String> mask = new LinkedHashMap<>();

  UpdateDeployedModelRequest(HttpTransport transport, DeployedModelName name) {
    this.transport = transport;
    this.name = Objects.requireNonNull(name, "name");
  }

  /**
   * Whether requests naming the bare model (no {@code #deployment}) route to this deployment
   * ({@code default} on the wire).
   */
  public UpdateDeployedModelRequest defaultDeployment(boolean isDefault) {
    return set("default", "default", isDefault);
  }

  /** A new human-readable name, under 64 characters; an empty string clears it. */
  public UpdateDeployedModelRequest displayName(String displayName) {
    Objects.requireNonNull(displayName, "displayName");
    if (displayName.length() > 63) {
      throw new IllegalArgumentException("displayName must be under 64 characters, was " + displayName.length());
    }
    return set("displayName", "display_name", displayName);
  }

  /** A new description, under 1000 characters; an empty string clears it. */
  public UpdateDeployedModelRequest description(String description) {
    Objects.requireNonNull(description, "description");
    if (description.length() > 999) {
      throw new IllegalArgumentException("description must be under 1000 characters, was " + description.length());
    }
    return set("description", "description", description);
  }

  /** Whether the deployed model is publicly reachable ({@code public} on the wire). */
  public UpdateDeployedModelRequest publicAccess(boolean publicAccess) {
    return set("public", "public", publicAccess);
  }

  /**
   * Sends the change and returns the deployed model as the server reports it afterwards.
   *
   * @throws IllegalArgumentException if nothing was set (nothing is sent)
   * @throws FireworksException if the request fails
   */
  public DeployedModel submit() {
    return Blocking.call(this::send);
  }

  /** Asynchronous {@link #submit()}: argument errors are thrown at once, everything else fails the future. */
  public CompletableFuture<DeployedModel> submitAsync() {
    return transport.toCaller(send());
  }

  private CompletableFuture<DeployedModel> send() {
    if (body.isEmpty()) {
      throw new IllegalArgumentException("nothing to update on " + name
          + ": set at least one of defaultDeployment, displayName, description or publicAccess");
    }
    StringJoiner updateMask = new StringJoiner(",");
    mask.values().forEach(updateMask::add);
    ApiRequest patch = ApiRequest.patch(ControlPlanePaths.deployedModel(name), new LinkedHashMap<>(body))
        .query("updateMask", updateMask.toString());
    return transport.send(patch, RequestOptions.none(), DeployedModel.class);
  }

  private UpdateDeployedModelRequest set(String field, String path, Object value) {
    body.put(field, value);
    mask.put(field, path);
    return this;
  }
}
