package ai.fireworks.sdk.examples;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.ChatCompletionChunk;
import ai.fireworks.sdk.inference.ChatMessage;
import ai.fireworks.sdk.inference.ChatRequest;
import ai.fireworks.sdk.inference.EventStream;
import ai.fireworks.sdk.inference.InferenceClient;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Streaming chat to a dedicated deployment: the reply is printed piece by piece as the server
 * sends it (server-sent events), and the token usage arrives with the last chunk. The stream is
 * {@link AutoCloseable}: close it to stop early and release the connection.
 */
public final class StreamingChat {
  private StreamingChat() {}

  public static void main(String[] args) {
    try (Examples.Connection connection = Examples.connect(System.getenv(), System.out)) {
      run(connection.client(), System.out);
    }
  }

  /** Creates a deployment, streams one chat reply from it, and deletes it. */
  public static void run(FireworksClient fw, PrintStream out) {
    DeploymentsClient deployments = DeploymentsClient.of(fw);
    Deployment d = deployments.create(ModelName.parse("llama-v3p2-3b-instruct"))
        .deploymentId(Examples.uniqueId("streaming"))
        .minReplicaCount(1)
        .maxReplicaCount(1)
        .submitAndWait(Examples.waitOptions(Duration.ofMinutes(30), out));
    out.println("Deployment " + d.name() + " is " + d.state());
    try {
      InferenceClient inference = InferenceClient.of(fw).withColdStart(Examples.coldStart(out));
      ChatRequest request = ChatRequest.builder()
          .model(ModelRef.of(d.baseModel(), d.name()))
          .addMessage(ChatMessage.system("You are a concise assistant."))
          .addMessage(ChatMessage.user("Name three uses of a dedicated deployment."))
          .maxTokens(128)
          .build();
      out.print("Assistant: ");
      int chunks = 0;
      try (EventStream<ChatCompletionChunk> stream = inference.chatStreaming(request)) {
        for (ChatCompletionChunk chunk : stream) {
          out.print(chunk.text());
          out.flush();
          chunks++;
        }
        out.println();
        int received = chunks;
        out.println("(" + received + " chunks" + stream.usage()
            .map(u -> ", " + u.promptTokens() + " prompt + " + u.completionTokens() + " completion tokens")
            .orElse("") + ")");
      }
    } finally {
      deployments.delete(d.name());
      out.println("Deleted " + d.name());
    }
  }
}
