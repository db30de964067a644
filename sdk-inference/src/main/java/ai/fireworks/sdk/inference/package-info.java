/**
 * Fireworks inference: completions and chat completions (text, or text and images for vision
 * models), embeddings and rerank over the OpenAI-compatible API, for serverless models and
 * dedicated deployments, with streaming and scale-from-zero handling.
 *
 * <pre>{@code
 * try (FireworksClient fw = FireworksClient.fromEnv()) {
 *   InferenceClient inference = InferenceClient.of(fw);
 *   ModelRef target = ModelRef.parse("fireworks/llama-v3p1-8b-instruct#my-llama", fw.requireAccountId());
 *
 *   Completion c = inference.completions(target, "Say this is a test");
 *
 *   ChatRequest chat = ChatRequest.builder().model(target)
 *       .addMessage(ChatMessage.user("Name three primes")).maxTokens(64).temperature(0.2).build();
 *   try (EventStream<ChatCompletionChunk> stream = inference.chatStreaming(chat)) {
 *     stream.forEach(chunk -> System.out.print(chunk.text()));
 *     stream.usage().ifPresent(u -> System.out.println("\n" + u.totalTokens() + " tokens"));
 *   }
 * }
 * }</pre>
 *
 * <p>Requests are built with {@link ai.fireworks.sdk.inference.CompletionRequest} and
 * {@link ai.fireworks.sdk.inference.ChatRequest}, validated as they are built, and sent as
 * snake_case JSON. Responses keep fields the SDK does not model ({@code extra()}) and the HTTP
 * headers ({@link ai.fireworks.sdk.inference.ResponseMetadata}). Cold starts (HTTP 503
 * {@code DEPLOYMENT_SCALING_UP}) are ridden out under a
 * {@link ai.fireworks.sdk.inference.ColdStartPolicy}.
 */
package ai.fireworks.sdk.inference;
