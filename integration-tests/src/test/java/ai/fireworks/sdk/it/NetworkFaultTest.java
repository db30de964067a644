package ai.fireworks.sdk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fireworks.sdk.core.ConnectionException;
import ai.fireworks.sdk.core.DeploymentName;
import ai.fireworks.sdk.core.FireworksClient;
import ai.fireworks.sdk.core.ModelRef;
import ai.fireworks.sdk.core.RequestOptions;
import ai.fireworks.sdk.core.RequestTimeoutException;
import ai.fireworks.sdk.core.RetryPolicy;
import ai.fireworks.sdk.core.StreamException;
import ai.fireworks.sdk.deployments.Deployment;
import ai.fireworks.sdk.deployments.DeploymentsClient;
import ai.fireworks.sdk.inference.ChatCompletionChunk;
import ai.fireworks.sdk.inference.ChatRequest;
import ai.fireworks.sdk.inference.Completion;
import ai.fireworks.sdk.inference.CompletionRequest;
import ai.fireworks.sdk.inference.EventStream;
import ai.fireworks.sdk.inference.InferenceClient;
import ai.fireworks.sdk.testkit.Fault;
import ai.fireworks.sdk.testkit.FireworksEmulator;
import ai.fireworks.sdk.testkit.RecordedRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Network faults from the emulator's fault hooks (and a closed port), on the system clock with
 * short client timeouts: each call ends within its deadline with the documented exception.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NetworkFaultTest {
  static final Duration TIMEOUT = Duration.ofMillis(400);
  static final RetryPolicy FAST = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(20))
      .maxBackoff(Duration.ofMillis(50)).totalTimeout(Duration.ofSeconds(10)).build();
  /** Three attempts of at most {@link #TIMEOUT} each, short backoffs, and slack for a busy machine. */
  static final Duration DEADLINE = Duration.ofSeconds(5);
  private static final String GET_ONE = "/v1/accounts/acme/deployments/*";
  private static final String CHAT = "/inference/v1/chat/completions";

  private final FireworksEmulator emulator = FireworksEmulator.start();
  private final FireworksClient client = emulator.clientBuilder().requestTimeout(TIMEOUT).bodyIdleTimeout(TIMEOUT)
      .retryPolicy(FAST).build();
  private final DeploymentsClient deployments = DeploymentsClient.of(client);
  private final InferenceClient inference = InferenceClient.of(client);
  private final DeploymentName name = DeploymentName.parse("accounts/acme/deployments/net");
  private final ModelRef target = ModelRef.of(DeploymentsEndToEndTest.LLAMA, name);

  NetworkFaultTest() {
    deployments.create(DeploymentsEndToEndTest.LLAMA).deploymentId("net").minReplicaCount(1).submit();
    emulator.advance(Duration.ofMinutes(1)); // READY, one replica
    emulator.journal().clear();
  }

  @AfterEach
  void close() {
    client.close();
    emulator.close(); // also releases handler threads held by stalled faults
  }

  @Test
  void connectionRefusedIsRetriedThenReportedAsAConnectionException() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (FireworksClient refused = FireworksClient.builder().apiKey("k-refused").accountId("acme")
        .baseUrl("http://127.0.0.1:" + closedPort).retryPolicy(FAST).build()) {
      Bounded.Failure<ConnectionException> get = Bounded.fails(ConnectionException.class, DEADLINE,
          () -> DeploymentsClient.of(refused).get(name));
      assertTrue(get.exception.getCause() instanceof ConnectException, get.exception.toString());
      assertTrue(get.message().contains("could not connect"), get.message());

      Bounded.Failure<ConnectionException> complete = Bounded.fails(ConnectionException.class, DEADLINE,
          () -> InferenceClient.of(refused).complete(CompletionRequest.of(target, "hi")));
      assertTrue(complete.message().contains("POST /inference/v1/completions"), complete.message());

      Bounded.fails(ConnectionException.class, DEADLINE,
          () -> InferenceClient.of(refused).chatStreaming(ChatRequest.of(target, "hi")));
    }
  }

  @Test
  void aResetBeforeTheResponseIsRetriedTransparently() {
    emulator.faults().inject(Fault.dropConnection().on("GET", GET_ONE));

    Deployment d = deployments.get(name);

    assertEquals(name, d.name());
    List<RecordedRequest> gets = emulator.journal().requests("GET", "/v1/accounts/acme/deployments/net");
    assertEquals(-1, gets.get(0).status(), "the first was dropped");
    assertEquals(200, gets.get(gets.size() - 1).status());
  }

  @Test
  void resetsBeforeEveryResponseEndWithAConnectionExceptionWithinTheDeadline() {
    emulator.faults().inject(Fault.dropConnection().on("GET", GET_ONE).always());

    Bounded.Failure<ConnectionException> f = Bounded.fails(ConnectionException.class, DEADLINE,
        () -> deployments.get(name));

    assertTrue(f.message().contains("GET /v1/accounts/acme/deployments/net"), f.message());
    assertTrue(emulator.journal().requests().stream().allMatch(r -> r.status() == -1));
  }

  @Test
  void aResetMidBodyIsRetriedAndAStormOfThemEndsWithAConnectionException() {
    emulator.faults().inject(Fault.truncateStream(0).on("GET", GET_ONE));
    assertEquals(name, deployments.get(name).name());
    assertEquals(2, emulator.journal().size(), "cut once, then answered whole");

    emulator.faults().inject(Fault.truncateStream(0).on("POST", "/inference/**"));
    Completion c = inference.complete(CompletionRequest.of(target, "cut me"));
    assertEquals("[llama-v3p2-3b-instruct] cut me", c.text(), "inference is safe to repeat");

    emulator.faults().inject(Fault.truncateStream(0).on("GET", GET_ONE).always());
    Bounded.Failure<ConnectionException> f = Bounded.fails(ConnectionException.class, DEADLINE,
        () -> deployments.get(name));
    assertTrue(f.message().contains("lost the connection"), f.message());
  }

  @Test
  void aStalledStreamTripsTheIdleTimeoutAndIsNotRetried() {
    emulator.faults().inject(Fault.stallBody().on("POST", CHAT));
    List<ChatCompletionChunk> got = new ArrayList<>();

    Bounded.Failure<RequestTimeoutException> f = Bounded.fails(RequestTimeoutException.class, DEADLINE, () -> {
      try (EventStream<ChatCompletionChunk> s = inference.chatStreaming(ChatRequest.of(target, "stall after one"))) {
        for (ChatCompletionChunk c : s) {
          got.add(c);
        }
      }
    });

    assertEquals(1, got.size(), "the event before the stall arrived");
    assertTrue(f.message().contains("stalled after 1 chunk"), f.message());
    assertTrue(f.took.compareTo(TIMEOUT) >= 0, "not before the idle timeout: " + f.took);
    assertEquals(1, emulator.journal().requests("POST", CHAT).size(), "a started stream is never repeated");
  }

  @Test
  void aStalledJsonBodyTripsTheRequestTimeout() {
    emulator.faults().inject(Fault.stallBody().on("GET", GET_ONE).always());

    Bounded.Failure<RequestTimeoutException> f = Bounded.fails(RequestTimeoutException.class, DEADLINE,
        () -> deployments.get(name));

    assertTrue(f.message().startsWith("GET /v1/accounts/acme/deployments/net"), f.message());
    assertTrue(f.took.compareTo(TIMEOUT.multipliedBy(3)) >= 0, "three attempts of 400 ms each: " + f.took);
  }

  @Test
  void slowHeadersTripTheRequestTimeout() {
    emulator.faults().inject(Fault.delay(Duration.ofSeconds(20)).always());

    Bounded.Failure<RequestTimeoutException> get = Bounded.fails(RequestTimeoutException.class, DEADLINE,
        () -> deployments.get(name));
    assertTrue(get.message().startsWith("GET /v1/accounts/acme/deployments/net"), get.message());
    assertEquals(3, emulator.journal().size(), "each attempt timed out and was retried: " + emulator.journal().requests());

    Bounded.Failure<RequestTimeoutException> stream = Bounded.fails(RequestTimeoutException.class, DEADLINE,
        () -> inference.chatStreaming(ChatRequest.of(target, "slow headers"),
            RequestOptions.builder().retryPolicy(RetryPolicy.none()).build()));
    assertTrue(stream.took.compareTo(TIMEOUT) >= 0 && stream.took.compareTo(TIMEOUT.multipliedBy(3)) < 0,
        "one attempt, ended by its timeout: " + stream.took);
  }

  @Test
  void aTruncatedStreamFailsAfterItsEventsAndIsNotRetried() {
    emulator.faults().inject(Fault.truncateStream(2).on("POST", CHAT));
    List<ChatCompletionChunk> got = new ArrayList<>();

    Bounded.Failure<StreamException> f = Bounded.fails(StreamException.class, DEADLINE, () -> {
      try (EventStream<ChatCompletionChunk> s = inference.chatStreaming(ChatRequest.of(target, "one two three four"))) {
        Iterator<ChatCompletionChunk> it = s.iterator();
        while (it.hasNext()) {
          got.add(it.next());
        }
      }
    });

    assertEquals(2, got.size());
    assertTrue(f.message().contains("truncated"), f.message());
    assertEquals(1, emulator.journal().requests("POST", CHAT).size());
  }
}
