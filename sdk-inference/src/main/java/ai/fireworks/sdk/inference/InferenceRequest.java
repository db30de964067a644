package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.AccountId;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link CompletionRequest} and {@link ChatRequest} share: the {@code model} and the sampling
 * parameters of Fireworks' OpenAI-compatible inference API, plus {@link #extra()} fields the SDK
 * does not model. Builders check every value when it is set and throw
 * {@link IllegalArgumentException} naming the field, the value and the rule, so nothing invalid
 * is ever sent. A parameter that was not set is not sent, and the server's default applies.
 * Immutable; thread-safe.
 */
public abstract sealed class InferenceRequest permits CompletionRequest, ChatRequest {
  private static final Set<String> RESERVED = Set.of("model", "stream");
  private static final List<String> EFFORTS = List.of("low", "medium", "high", "none");
  /** Least {@code thinking.budget_tokens} the service accepts. */
  private static final int MIN_THINKING_BUDGET = 1024;

  private final Object model;
  private final Map<String, Object> params;
  private final Map<String, Object> extra;

  InferenceRequest(Builder<?, ?> b) {
    this.model = b.model;
    this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
    this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(b.extra));
  }

  /**
   * The model identifier as given: a {@link ModelRef}'s wire form, or the string passed to
   * {@link Builder#model(String)} (resolved against the client's account when sent). Empty when a
   * deployment-bound client ({@link InferenceClient#on}) supplies the target.
   */
  public Optional<String> model() {
    return Optional.ofNullable(model).map(Object::toString);
  }

  /** Resolves the model against {@code account} (may be null); throws IllegalArgumentException if invalid. */
  Optional<ModelRef> resolveModel(AccountId account) {
    return resolve(model, account);
  }

  /**
   * Resolves a model held as given to a builder (a {@link ModelRef}, an identifier string, or null)
   * against {@code account} (may be null); throws IllegalArgumentException if invalid.
   */
  static Optional<ModelRef> resolve(Object model, AccountId account) {
    if (model instanceof ModelRef) {
      return Optional.of((ModelRef) model);
    }
    return model == null ? Optional.empty() : Optional.of(ModelRef.parse((String) model, account));
  }

  /** {@code identifier} stripped, for a builder's {@code model(String)}; throws if blank. */
  static String identifier(String identifier) {
    if (Objects.requireNonNull(identifier, "model").isBlank()) {
      throw new IllegalArgumentException("model must not be blank");
    }
    return identifier.strip();
  }

  /** {@code max_tokens}: most tokens to generate. */
  public Optional<Integer> maxTokens() {
    return param("max_tokens", Integer.class);
  }

  /** {@code max_completion_tokens}: the newer name of {@code max_tokens}; never set together with it. */
  public Optional<Integer> maxCompletionTokens() {
    return param("max_completion_tokens", Integer.class);
  }

  /** {@code temperature}, 0 to 2. */
  public Optional<Double> temperature() {
    return param("temperature", Double.class);
  }

  /** {@code top_p}, 0 to 1. */
  public Optional<Double> topP() {
    return param("top_p", Double.class);
  }

  /** {@code top_k}, 0 to 100. */
  public Optional<Integer> topK() {
    return param("top_k", Integer.class);
  }

  /** {@code n}: number of choices, 1 to 128. */
  public Optional<Integer> n() {
    return param("n", Integer.class);
  }

  /** {@code stop}: up to 4 stop sequences; empty if none were set. */
  public List<String> stop() {
    Object s = params.get("stop");
    if (s instanceof String) {
      return List.of((String) s);
    }
    @SuppressWarnings("unchecked")
    List<String> list = s == null ? List.of() : (List<String>) s;
    return list;
  }

  /** {@code seed} for reproducible sampling. */
  public Optional<Long> seed() {
    return param("seed", Long.class);
  }

  /** {@code response_format}. */
  public Optional<ResponseFormat> responseFormat() {
    return param("response_format", ResponseFormat.class);
  }

  /**
   * Any modeled parameter by its wire name, such as {@code "logprobs"} (a {@code Boolean} or an
   * {@code Integer}), {@code "reasoning_effort"} (a {@code String}, {@code Integer} or
   * {@code Boolean}) or {@code "user"}. Does not look at {@link #extra()}.
   */
  public Optional<Object> param(String wireName) {
    return Optional.ofNullable(params.get(wireName));
  }

  /** Fields the SDK does not model, by wire name, sent after (and overriding) the modeled ones. */
  public Map<String, Object> extra() {
    return extra;
  }

  /**
   * The JSON body this request sends, with the model as given (the client replaces it with the
   * resolved, deployment-bound identifier) and without {@code stream}. A fresh copy on each call.
   */
  public ObjectNode toJson() {
    return Json.MAPPER.valueToTree(body(model == null ? null : model.toString(), false));
  }

  /**
   * The body as sent, field by field (serialized once, by the transport, with no tree in between):
   * {@code model} when not null, the concrete request's fields, the parameters, the extras, and
   * {@code "stream": true} when {@code stream}.
   */
  Map<String, Object> body(String model, boolean stream) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (model != null) {
      body.put("model", model);
    }
    writeSpecific(body);
    body.putAll(params);
    body.putAll(extra);
    if (stream) {
      body.put("stream", true);
    }
    return body;
  }

  /** Puts the fields of the concrete request (prompt, messages, tools). */
  abstract void writeSpecific(Map<String, Object> body);

  private <T> Optional<T> param(String key, Class<T> type) {
    return Optional.ofNullable(params.get(key)).filter(type::isInstance).map(type::cast);
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && toJson().equals(((InferenceRequest) o).toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  /** The JSON body (see {@link #toJson()}); requests hold no secrets. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + toJson();
  }

  /**
   * Gathers the shared parameters. Every setter validates its value at once. Not thread-safe.
   *
   * @param <B> the concrete builder
   * @param <R> the request it builds
   */
  public abstract static sealed class Builder<B extends Builder<B, R>, R extends InferenceRequest>
      permits CompletionRequest.Builder, ChatRequest.Builder {
    private Object model;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();

    Builder() {}

    Builder(InferenceRequest r) {
      this.model = r.model;
      this.params.putAll(r.params);
      this.extra.putAll(r.extra);
    }

    abstract B self();

    /**
     * Builds the request.
     *
     * @return an immutable request
     * @throws IllegalArgumentException if a required field is missing, or fields the service
     *     refuses together are set (modeled or extra): {@code max_tokens} with
     *     {@code max_completion_tokens}, or {@code thinking} with {@code reasoning_effort}; or
     *     {@code thinking.budget_tokens} is below 1024
     */
    public abstract R build();

    /** The model to query: a model, {@code model#deployment}, a deployment or a deployed model. */
    public B model(ModelRef model) {
      this.model = Objects.requireNonNull(model, "model");
      return self();
    }

    /**
     * The model as a string in any form {@link ModelRef#parse(String, AccountId)} accepts; short
     * forms are resolved against the client's account when the request is sent.
     *
     * @throws IllegalArgumentException if {@code identifier} is blank
     */
    public B model(String identifier) {
      this.model = identifier(identifier);
      return self();
    }

    /**
     * {@code max_tokens}: most tokens to generate; at least 0. With 0 and {@link #echo echo} the
     * server only scores the prompt. With the default context-length behaviour the server may
     * lower it to fit. Cannot be combined with {@link #maxCompletionTokens} ({@link #build} refuses).
     *
     * @throws IllegalArgumentException if negative
     */
    public B maxTokens(int maxTokens) {
      return set("max_tokens", notNegative("maxTokens", maxTokens));
    }

    /**
     * {@code max_completion_tokens}: the newer name of {@code max_tokens}, with the same rule: at
     * least 0. Cannot be combined with {@link #maxTokens} ({@link #build} refuses).
     *
     * @throws IllegalArgumentException if negative
     */
    public B maxCompletionTokens(int maxCompletionTokens) {
      return set("max_completion_tokens", notNegative("maxCompletionTokens", maxCompletionTokens));
    }

    /** {@code temperature}: sampling temperature, 0 (greedy) to 2. */
    public B temperature(double temperature) {
      return set("temperature", range("temperature", temperature, 0, 2));
    }

    /** {@code top_p}: nucleus sampling mass, 0 to 1. */
    public B topP(double topP) {
      return set("top_p", range("topP", topP, 0, 1));
    }

    /** {@code top_k}: sample among the k most likely tokens, 0 to 100 (0 disables). */
    public B topK(int topK) {
      if (topK < 0 || topK > 100) {
        throw new IllegalArgumentException("topK must be between 0 and 100, was " + topK);
      }
      return set("top_k", topK);
    }

    /** {@code min_p}: minimum probability relative to the top token, 0 to 1. */
    public B minP(double minP) {
      return set("min_p", range("minP", minP, 0, 1));
    }

    /** {@code n}: number of choices to generate, 1 to 128. */
    public B n(int n) {
      if (n < 1 || n > 128) {
        throw new IllegalArgumentException("n must be between 1 and 128, was " + n);
      }
      return set("n", n);
    }

    /** {@code stop}: one stop sequence. */
    public B stop(String stop) {
      return stop(List.of(Objects.requireNonNull(stop, "stop")));
    }

    /** {@code stop}: up to 4 non-empty stop sequences; an empty list removes the parameter. */
    public B stop(List<String> stop) {
      List<String> s = List.copyOf(Objects.requireNonNull(stop, "stop"));
      if (s.size() > 4) {
        throw new IllegalArgumentException("stop allows at most 4 sequences, was " + s.size() + ": " + s);
      }
      if (s.stream().anyMatch(String::isEmpty)) {
        throw new IllegalArgumentException("stop sequences must not be empty, was " + s);
      }
      if (s.isEmpty()) {
        params.remove("stop");
        return self();
      }
      return set("stop", s.size() == 1 ? s.get(0) : s);
    }

    /** {@code seed}: makes sampling repeatable for the same request and model. */
    public B seed(long seed) {
      return set("seed", seed);
    }

    /** {@code logprobs}: whether to return the log probability of each generated token. */
    public B logprobs(boolean logprobs) {
      return set("logprobs", logprobs);
    }

    /** {@code logprobs} as a count (legacy completions format): the sampled token plus up to 5 alternatives, 0 to 5. */
    public B logprobs(int alternatives) {
      if (alternatives < 0 || alternatives > 5) {
        throw new IllegalArgumentException("logprobs must be between 0 and 5, was " + alternatives);
      }
      return set("logprobs", alternatives);
    }

    /** {@code top_logprobs}: alternatives to return per token, 0 to 5. */
    public B topLogprobs(int topLogprobs) {
      if (topLogprobs < 0 || topLogprobs > 5) {
        throw new IllegalArgumentException("topLogprobs must be between 0 and 5, was " + topLogprobs);
      }
      return set("top_logprobs", topLogprobs);
    }

    /** {@code echo}: return the prompt in front of the generated text. */
    public B echo(boolean echo) {
      return set("echo", echo);
    }

    /** {@code frequency_penalty}: penalise tokens by how often they occurred, -2 to 2. */
    public B frequencyPenalty(double penalty) {
      return set("frequency_penalty", range("frequencyPenalty", penalty, -2, 2));
    }

    /** {@code presence_penalty}: penalise tokens that occurred at all, -2 to 2. */
    public B presencePenalty(double penalty) {
      return set("presence_penalty", range("presencePenalty", penalty, -2, 2));
    }

    /** {@code repetition_penalty}: multiplicative penalty on repeated tokens, 0 to 2 (1 means none). */
    public B repetitionPenalty(double penalty) {
      return set("repetition_penalty", range("repetitionPenalty", penalty, 0, 2));
    }

    /** {@code response_format}: JSON mode, JSON schema, grammar or text. */
    public B responseFormat(ResponseFormat format) {
      return set("response_format", Objects.requireNonNull(format, "responseFormat"));
    }

    /** {@code user}: an end-user id; also used for session affinity when enabled. */
    public B user(String user) {
      return set("user", nonBlank("user", user));
    }

    /** {@code prompt_cache_key}: requests with the same key go to the same replica, so its prompt cache hits. */
    public B promptCacheKey(String key) {
      return set("prompt_cache_key", nonBlank("promptCacheKey", key));
    }

    /**
     * {@code context_length_exceeded_behavior}: {@code "truncate"} (the server's default: lower
     * {@code max_tokens} to fit) or {@code "error"}.
     */
    public B contextLengthExceededBehavior(String behavior) {
      Objects.requireNonNull(behavior, "contextLengthExceededBehavior");
      if (!behavior.equals("truncate") && !behavior.equals("error")) {
        throw new IllegalArgumentException("contextLengthExceededBehavior must be \"truncate\" or \"error\", was \""
            + behavior + "\"");
      }
      return set("context_length_exceeded_behavior", behavior);
    }

    /** {@code perf_metrics_in_response}: add {@code perf_metrics} to the body (the final chunk when streaming). */
    public B perfMetricsInResponse(boolean perfMetrics) {
      return set("perf_metrics_in_response", perfMetrics);
    }

    /**
     * {@code reasoning_effort} for reasoning models: {@code "low"}, {@code "medium"},
     * {@code "high"} or {@code "none"}. A value the service adds later can be sent with
     * {@code putExtra("reasoning_effort", value)}. Cannot be combined with {@link #thinking}
     * ({@link #build} refuses).
     *
     * @throws IllegalArgumentException for any other string
     */
    public B reasoningEffort(String effort) {
      if (!EFFORTS.contains(Objects.requireNonNull(effort, "reasoningEffort"))) {
        throw new IllegalArgumentException("reasoningEffort must be one of \"low\", \"medium\", \"high\" or \"none\", was \""
            + effort + "\" (putExtra(\"reasoning_effort\", ...) sends a value this SDK does not know)");
      }
      return set("reasoning_effort", effort);
    }

    /** {@code reasoning_effort} as a token budget; at least 0. */
    public B reasoningEffort(int budgetTokens) {
      return set("reasoning_effort", notNegative("reasoningEffort", budgetTokens));
    }

    /** {@code reasoning_effort} as on/off. */
    public B reasoningEffort(boolean enabled) {
      return set("reasoning_effort", enabled);
    }

    /**
     * {@code thinking}: {@code {"type": "enabled", "budget_tokens": budgetTokens}}, extended
     * thinking with a budget of at least 1024 tokens. Cannot be combined with
     * {@code reasoning_effort} ({@link #build} refuses). Send {@code {"type": "disabled"}} with
     * {@link #putExtra}.
     *
     * @throws IllegalArgumentException if {@code budgetTokens} is below 1024
     */
    public B thinking(int budgetTokens) {
      checkThinkingBudget(budgetTokens);
      Map<String, Object> thinking = new LinkedHashMap<>();
      thinking.put("type", "enabled");
      thinking.put("budget_tokens", budgetTokens);
      return set("thinking", Collections.unmodifiableMap(thinking));
    }

    /**
     * Adds a field the SDK does not model, such as {@code "mirostat_target"} or
     * {@code "logit_bias"}. It is serialized with the SDK's JSON mapper (use maps, lists, strings,
     * numbers, booleans or Jackson nodes) and overrides a modeled field of the same name.
     *
     * @throws IllegalArgumentException for {@code model} (use {@link #model}) and {@code stream}
     *     (use the client's {@code *Streaming} methods), or a blank name
     */
    public B putExtra(String name, Object value) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || RESERVED.contains(name)) {
        throw new IllegalArgumentException("extra field name '" + name + "' is not allowed: "
            + (name.isBlank() ? "it is blank" : "the SDK sets '" + name + "' itself"));
      }
      extra.put(name, value);
      return self();
    }

    /** Removes a parameter set earlier, modeled (by wire name, such as {@code "top_k"}) or extra. */
    public B remove(String wireName) {
      params.remove(wireName);
      extra.remove(wireName);
      return self();
    }

    boolean hasExtra(String name) {
      return extra.containsKey(name);
    }

    /**
     * Refuses what the service refuses together, counting extras (which override modeled
     * fields): {@code max_tokens} with {@code max_completion_tokens}, {@code thinking} with
     * {@code reasoning_effort}, and a {@code thinking.budget_tokens} below 1024.
     */
    void checkCombinations() {
      exclusive("max_tokens", "max_completion_tokens", "max_completion_tokens is another name for max_tokens");
      exclusive("thinking", "reasoning_effort", "they are two ways to control reasoning");
      Object thinking = sent("thinking");
      if (thinking != null) {
        JsonNode budget = Json.MAPPER.valueToTree(thinking).get("budget_tokens");
        if (budget != null && !(budget.isIntegralNumber() && budget.canConvertToInt())) {
          throw new IllegalArgumentException("thinking.budget_tokens must be an integer of at least " + MIN_THINKING_BUDGET
              + ", was " + budget);
        }
        if (budget != null) {
          checkThinkingBudget(budget.intValue());
        }
      }
    }

    private void exclusive(String a, String b, String why) {
      Object va = sent(a);
      Object vb = sent(b);
      if (va != null && vb != null) {
        throw new IllegalArgumentException(a + " (" + Json.MAPPER.valueToTree(va) + ") and " + b + " ("
            + Json.MAPPER.valueToTree(vb) + ") cannot be combined: " + why + "; set only one");
      }
    }

    /** The value sent for {@code wireName}: the extra if there is one, else the modeled one; null if none. */
    private Object sent(String wireName) {
      return extra.containsKey(wireName) ? extra.get(wireName) : params.get(wireName);
    }

    boolean hasModel() {
      return model != null;
    }

    private B set(String wireName, Object value) {
      params.put(wireName, value);
      return self();
    }

    private static double range(String field, double v, double min, double max) {
      if (!(v >= min && v <= max)) {
        throw new IllegalArgumentException(field + " must be between " + fmt(min) + " and " + fmt(max) + ", was " + v);
      }
      return v;
    }

    private static String fmt(double d) {
      return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static int notNegative(String field, int value) {
      if (value < 0) {
        throw new IllegalArgumentException(field + " must not be negative, was " + value);
      }
      return value;
    }

    private static void checkThinkingBudget(int budgetTokens) {
      if (budgetTokens < MIN_THINKING_BUDGET) {
        throw new IllegalArgumentException("thinking.budget_tokens must be at least " + MIN_THINKING_BUDGET + ", was "
            + budgetTokens);
      }
    }

    private static String nonBlank(String field, String value) {
      if (Objects.requireNonNull(value, field).isBlank()) {
        throw new IllegalArgumentException(field + " must not be blank");
      }
      return value;
    }
  }
}
