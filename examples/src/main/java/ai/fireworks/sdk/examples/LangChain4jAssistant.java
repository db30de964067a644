package ai.fireworks.sdk.examples;

import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelName;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.langchain4j.FireworksChatModel;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.service.AiServices;
import java.io.PrintStream;
import java.time.Duration;

/**
 * LangChain4j on a dedicated deployment: an {@link AiServices} assistant with one tool, whose
 * chat model is the deployment ({@code model#deployment}). The deployment is scaled to zero first,
 * so the first question shows the cold start being ridden out ("warming up") before the model
 * calls the tool and answers with its result.
 */
public final class LangChain4jAssistant {
  private LangChain4jAssistant() {}

  /** What the application asks; LangChain4j implements it. */
  interface Assistant {
    String chat(String question);
  }

  /** The tool the model may call. */
  static final class SupportDesk {
    private final PrintStream out;

    SupportDesk(PrintStream out) {
      this.out = out;
    }

    @Tool("Counts the open support tickets of a customer")
    int openTickets(@P(name = "customer", value = "the customer's id") String customer) {
      out.println("Tool openTickets(" + customer + ") called");
      return 3;
    }
  }

  public static void main(String[] args) {
    try (Examples.Connection connection = Examples.connect(System.getenv(), System.out)) {
      run(connection.client(), System.out);
    }
  }

  /** Creates a deployment, scales it to zero, asks the assistant one question, and deletes it. */
  public static void run(FireworksClient fw, PrintStream out) {
    DeploymentsClient deployments = DeploymentsClient.of(fw);
    Deployment d = deployments.create(ModelName.parse("llama-v3p2-3b-instruct"))
        .deploymentId(Examples.uniqueId("lc4j"))
        .minReplicaCount(0)
        .maxReplicaCount(1)
        .submitAndWait(Examples.waitOptions(Duration.ofMinutes(30), out));
    out.println("Deployment " + d.name() + " is " + d.state());
    try {
      deployments.scale(d.name(), 0);
      out.println("Scaled to zero; the first question wakes it up");

      FireworksChatModel model = FireworksChatModel.builder()
          .client(fw)
          .target(ModelRef.of(d.baseModel(), d.name()))
          .coldStartPolicy(Examples.quietColdStart())
          .onColdStart(w -> out.println("   ... warming up the deployment: " + w))
          .build();
      Assistant assistant = AiServices.builder(Assistant.class)
          .chatModel(model)
          .tools(new SupportDesk(out))
          .build();

      out.println("Assistant: " + assistant.chat("Use open tickets to tell me how many tickets customer acme has."));
    } finally {
      deployments.delete(d.name());
      out.println("Deleted " + d.name());
    }
  }
}
