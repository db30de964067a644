package ai.fireworks.sdk.inference;

import ai.fireworks.sdk.core.ModelRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A chat completion request ({@code POST /inference/v1/chat/completions}): messages, optional
 * tools, and sampling parameters. Build with
 * {@code ChatRequest.builder().model(ref).addMessage(ChatMessage.user("Hi")).build()}; copy with
 * {@link #toBuilder()}. The model must have a chat template ("conversation config"); otherwise
 * the server answers 404 and a {@link CompletionRequest} must be used. Immutable; thread-safe.
 */
public final class ChatRequest extends InferenceRequest {
  private final List<ChatMessage> messages;
  private final List<Tool> tools;
  private final ToolChoice toolChoice;
  private final Boolean parallelToolCalls;

  private ChatRequest(Builder b) {
    super(b);
    this.messages = List.copyOf(b.messages);
    this.tools = List.copyOf(b.tools);
    this.toolChoice = b.toolChoice;
    this.parallelToolCalls = b.parallelToolCalls;
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A request with one user message on {@code model} and the server's default parameters. */
  public static ChatRequest of(ModelRef model, String userMessage) {
    return builder().model(model).addMessage(ChatMessage.user(userMessage)).build();
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The conversation so far, oldest first. */
  public List<ChatMessage> messages() {
    return messages;
  }

  /** Tools the model may call. */
  public List<Tool> tools() {
    return tools;
  }

  /** {@code tool_choice}, if set. */
  public Optional<ToolChoice> toolChoice() {
    return Optional.ofNullable(toolChoice);
  }

  /** {@code parallel_tool_calls}, if set. */
  public Optional<Boolean> parallelToolCalls() {
    return Optional.ofNullable(parallelToolCalls);
  }

  @Override
  void writeSpecific(Map<String, Object> body) {
    if (!messages.isEmpty()) {
      body.put("messages", messages);
    }
    if (!tools.isEmpty()) {
      body.put("tools", tools);
    }
    if (toolChoice != null) {
      body.put("tool_choice", toolChoice);
    }
    if (parallelToolCalls != null) {
      body.put("parallel_tool_calls", parallelToolCalls);
    }
  }

  /** Refuses what the service would: more than 30 images, or base64 images totalling 10 MB or more. */
  static void checkImages(List<ChatMessage> messages) {
    int images = 0;
    long base64 = 0;
    for (ChatMessage m : messages) {
      for (Image i : m.images()) {
        images++;
        base64 += i.base64Length();
      }
    }
    if (images > Image.MAX_PER_REQUEST) {
      throw new IllegalArgumentException("messages carry " + images + " images, more than the " + Image.MAX_PER_REQUEST
          + " one request may carry (URLs and data URIs alike); split the conversation");
    }
    if (base64 >= Image.MAX_BASE64_BYTES_PER_REQUEST) {
      throw new IllegalArgumentException("the base64 images of messages total " + base64 + " bytes; they must total "
          + "less than " + Image.MAX_BASE64_BYTES_PER_REQUEST + " (10 MB): send fewer or smaller images, or https URLs");
    }
  }

  /** Builds a {@link ChatRequest}. Not thread-safe. */
  public static final class Builder extends InferenceRequest.Builder<Builder, ChatRequest> {
    private final List<ChatMessage> messages = new ArrayList<>();
    private final List<Tool> tools = new ArrayList<>();
    private ToolChoice toolChoice;
    private Boolean parallelToolCalls;

    private Builder() {}

    private Builder(ChatRequest r) {
      super(r);
      messages.addAll(r.messages);
      tools.addAll(r.tools);
      toolChoice = r.toolChoice;
      parallelToolCalls = r.parallelToolCalls;
    }

    @Override
    Builder self() {
      return this;
    }

    /** Appends a message. At least one is required. */
    public Builder addMessage(ChatMessage message) {
      messages.add(Objects.requireNonNull(message, "message"));
      return this;
    }

    /** Appends messages in order. */
    public Builder addMessages(ChatMessage... messages) {
      for (ChatMessage m : messages) {
        addMessage(m);
      }
      return this;
    }

    /** Replaces the messages. */
    public Builder messages(List<ChatMessage> messages) {
      this.messages.clear();
      messages.forEach(this::addMessage);
      return this;
    }

    /** Offers a tool to the model. */
    public Builder addTool(Tool tool) {
      tools.add(Objects.requireNonNull(tool, "tool"));
      return this;
    }

    /** Replaces the tools. */
    public Builder tools(List<Tool> tools) {
      this.tools.clear();
      tools.forEach(this::addTool);
      return this;
    }

    /** {@code tool_choice}: whether and which tool the model must call. */
    public Builder toolChoice(ToolChoice choice) {
      this.toolChoice = Objects.requireNonNull(choice, "toolChoice");
      return this;
    }

    /** {@code parallel_tool_calls}: whether the model may call several tools in one turn. */
    public Builder parallelToolCalls(boolean parallel) {
      this.parallelToolCalls = parallel;
      return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalArgumentException if there are no messages, the messages carry more than
     *     {@value Image#MAX_PER_REQUEST} images or base64 images totalling
     *     {@value Image#MAX_BASE64_BYTES_PER_REQUEST} bytes or more, or {@code tool_choice} names a
     *     function that is not among the tools, or fields the service refuses together are set
     *     (see {@link InferenceRequest.Builder#build()})
     */
    @Override
    public ChatRequest build() {
      if (messages.isEmpty() && !hasExtra("messages")) {
        throw new IllegalArgumentException("messages must contain at least one message, was empty");
      }
      checkImages(messages);
      checkCombinations();
      if (toolChoice != null && toolChoice.functionName().isPresent() && !tools.isEmpty()) {
        String name = toolChoice.functionName().get();
        if (tools.stream().noneMatch(t -> t.function().name().equals(name))) {
          throw new IllegalArgumentException("toolChoice names function '" + name + "', which is not among the tools "
              + tools.stream().map(t -> t.function().name()).collect(Collectors.toList()));
        }
      }
      return new ChatRequest(this);
    }
  }
}
