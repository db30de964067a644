package ai.fireworks.sdk.inference.internal;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.ErrorDetails;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.NotFoundException;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RetryPolicy;
import ai.fireworks.sdk.core.internal.ApiRequest;
import ai.fireworks.sdk.core.internal.Futures;
import ai.fireworks.sdk.core.internal.HttpTransport;
import ai.fireworks.sdk.core.internal.Paths;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Tells a mistyped deployment from one that is briefly not routable. On the first 404 "not
 * deployed" of a call that targets a deployment, one control-plane GET of that deployment decides:
 * if it does not exist, cannot be read by the caller's key in another account (403 or 404), or is
 * FAILED, DELETING or DELETED, the call fails at once with a {@link Missing} naming the deployment
 * and why; otherwise (it exists, the GET failed some other way, or the key cannot read its own
 * account) the 404 stands and {@link ColdStartRetry} rides the transient window as before. Thread-safe.
 */
public final class DeploymentCheck {
  private static final Set<String> DEAD_STATES = Set.of("FAILED", "DELETING", "DELETED");
  private static final RequestOptions ONE_GET = RequestOptions.builder().retryPolicy(RetryPolicy.none()).build();

  private final HttpTransport transport;
  private final Optional<AccountId> ownAccount;

  public DeploymentCheck(HttpTransport transport, Optional<AccountId> ownAccount) {
    this.transport = transport;
    this.ownAccount = ownAccount;
  }

  /**
   * {@code attempt}, checking the deployment of {@code target} after its first not-routable 404
   * (at most one GET per call, and none when the 404 window is disabled or no deployment is named).
   */
  public <T> Supplier<CompletableFuture<T>> guard(Supplier<CompletableFuture<T>> attempt, ModelRef target,
      boolean windowEnabled) {
    Optional<DeploymentName> deployment = target.deployment();
    if (deployment.isEmpty() || !windowEnabled) {
      return attempt;
    }
    AtomicBoolean checked = new AtomicBoolean();
    return () -> attempt.get().exceptionallyCompose(e -> {
      Throwable cause = Futures.unwrap(e);
      if (cause instanceof NotFoundException && ColdStartRetry.isNotRoutableYet((ApiException) cause)
          && checked.compareAndSet(false, true)) {
        return check(deployment.get(), (NotFoundException) cause).thenCompose(f -> CompletableFuture.<T>failedFuture(f));
      }
      return CompletableFuture.failedFuture(cause);
    });
  }

  /** Completes with the failure to report: {@code notRoutable} itself, or a {@link Missing} when the deployment cannot serve. */
  private CompletableFuture<ApiException> check(DeploymentName deployment, NotFoundException notRoutable) {
    String path = "/v1/accounts/" + Paths.encode(deployment.account().toString()) + "/deployments/"
        + Paths.encode(deployment.id());
    return transport.send(ApiRequest.get(path), ONE_GET, JsonNode.class).handle((d, e) -> {
      if (e == null) {
        String state = d.path("state").asText("");
        if (!DEAD_STATES.contains(state)) {
          return notRoutable;
        }
        String status = d.path("status").path("message").asText("");
        return missing(deployment, notRoutable, "it is " + state + (status.isEmpty() ? "" : " (" + status + ")"));
      }
      Throwable cause = Futures.unwrap(e);
      int status = cause instanceof ApiException ? ((ApiException) cause).statusCode() : 0;
      boolean ownAccount = this.ownAccount.filter(deployment.account()::equals).isPresent();
      if (status == 404) {
        return missing(deployment, notRoutable, "it does not exist (check the id and the account)");
      }
      if (status == 403 && !ownAccount) {
        return missing(deployment, notRoutable, "this API key cannot read account " + deployment.account()
            + " (check the account in the model identifier)");
      }
      return notRoutable; // 401, 5xx, network, or a key without control-plane access: the window decides
    });
  }

  private static Missing missing(DeploymentName deployment, NotFoundException notRoutable, String why) {
    Missing m = new Missing(ErrorDetails.builder().statusCode(404)
        .errorCode(notRoutable.errorCode()).message("deployment " + deployment + " cannot serve requests: " + why)
        .requestId(notRoutable.requestId()).headers(notRoutable.headers()).body(notRoutable.body())
        .retryAfter(Optional.empty()).build());
    m.initCause(notRoutable);
    return m;
  }

  /**
   * The deployment a call targets cannot serve it, so there is no point waiting. A
   * {@link NotFoundException} to callers; {@link ColdStartRetry} never retries it.
   */
  public static final class Missing extends NotFoundException {
    private static final long serialVersionUID = 1L;

    Missing(ErrorDetails details) {
      super(details);
    }
  }
}
