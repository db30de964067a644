/**
 * LangChain4j models backed by Fireworks, usually a dedicated deployment ({@code model#deployment}):
 * {@link ai.fireworks.sdk.langchain4j.FireworksChatModel},
 * {@link ai.fireworks.sdk.langchain4j.FireworksStreamingChatModel},
 * {@link ai.fireworks.sdk.langchain4j.FireworksEmbeddingModel} and
 * {@link ai.fireworks.sdk.langchain4j.FireworksScoringModel}, built from a
 * {@code FireworksClient} and a {@code ModelRef}, riding out scale-from-zero cold starts on this
 * SDK's transport. The {@code internal} sub-package is implementation detail.
 */
package ai.fireworks.sdk.langchain4j;
