package ai.fireworks.sdk.langchain4j;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.inference.ColdStartPolicy;
import ai.fireworks.sdk.inference.ColdStartWait;
import ai.fireworks.sdk.inference.InferenceClient;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What every Fireworks LangChain4j model is built from: the SDK client, the model to query (usually
 * {@code model#deployment}) and how cold starts are ridden out. Not thread-safe.
 *
 * @param <B> the concrete builder
 */
public abstract class FireworksModelBuilder<B extends FireworksModelBuilder<B>> {
  private static final System.Logger LOG = System.getLogger("ai.fireworks.sdk.langchain4j");

  private FireworksClient client;
  private InferenceClient inference;
  private ModelRef target;
  private ColdStartPolicy coldStart;
  private Consumer<? super ColdStartWait> onColdStart = w -> { };

  FireworksModelBuilder() {}

  abstract B self();

  /** The SDK client to send requests with (its transport, retries and executor). Either this or {@link #inferenceClient}. */
  public B client(FireworksClient client) {
    this.client = Objects.requireNonNull(client, "client");
    return self();
  }

  /**
   * The SDK's inference service to send requests with, for example one bound to a deployment with
   * {@code InferenceClient.on}. Either this or {@link #client}.
   */
  public B inferenceClient(InferenceClient inference) {
    this.inference = Objects.requireNonNull(inference, "inferenceClient");
    return self();
  }

  /**
   * The model to query, such as {@code ModelRef.parse("accounts/fireworks/models/llama-v3p1-8b-instruct#accounts/acme/deployments/my-llama")}.
   * Required, unless the {@link #inferenceClient} is bound to a deployment (its base model is then queried).
   */
  public B target(ModelRef target) {
    this.target = Objects.requireNonNull(target, "target");
    return self();
  }

  /**
   * How a deployment scaled to zero is waited for; default: the inference client's policy
   * ({@link ColdStartPolicy#defaults()}, up to 10 minutes, for a client from {@link #client}).
   */
  public B coldStartPolicy(ColdStartPolicy policy) {
    this.coldStart = Objects.requireNonNull(policy, "coldStartPolicy");
    return self();
  }

  /**
   * Called at the start of each cold-start wait, for example to show "warming up the deployment",
   * on the client's executor, after the policy's own {@code onWait}. Each wait is also logged at
   * INFO on logger {@code ai.fireworks.sdk.langchain4j}. Default: nothing.
   */
  public B onColdStart(Consumer<? super ColdStartWait> callback) {
    this.onColdStart = Objects.requireNonNull(callback, "onColdStart");
    return self();
  }

  /** The inference client to use, with the cold-start policy and its reporting applied. */
  InferenceClient inference() {
    if ((client == null) == (inference == null)) {
      throw new IllegalArgumentException("exactly one of client and inferenceClient must be set, "
          + (client == null ? "neither was" : "both were"));
    }
    InferenceClient base = inference != null ? inference : InferenceClient.of(client);
    ColdStartPolicy policy = coldStart != null ? coldStart : base.coldStartPolicy();
    Consumer<ColdStartWait> own = policy.onWait();
    Consumer<? super ColdStartWait> callback = onColdStart;
    return base.withColdStart(policy.withOnWait(w -> {
      own.accept(w);
      LOG.log(Level.INFO, "Warming up the deployment: {0}", w);
      callback.accept(w);
    }));
  }

  /** The model to query. */
  ModelRef target(InferenceClient inference) {
    if (target != null) {
      return target;
    }
    return inference.deployment().map(ModelRef::of).orElseThrow(() -> new IllegalArgumentException(
        "target is required (such as ModelRef.parse(\"<model>#<deployment>\")), was not set"));
  }

  /** The client's account, for short model names in requests; null when only an inference client was given. */
  AccountId account() {
    return client == null ? null : client.accountId().orElse(null);
  }
}
