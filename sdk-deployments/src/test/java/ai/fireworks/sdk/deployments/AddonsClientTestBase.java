package ai.fireworks.sdk.deployments;

import ai.fireworks.sdk.core.FireworksClient;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** An {@link AddonsClient} for account "acme" talking to a fresh MockWebServer, with default timing. */
abstract class AddonsClientTestBase {
  @StartStop final MockWebServer server = new MockWebServer();
  FireworksClient fw;
  AddonsClient addons;

  @BeforeEach
  void setUpClient() {
    fw = FireworksClient.builder().apiKey("fw-test-key").accountId("acme").baseUrl(server.url("/").toString()).build();
    addons = AddonsClient.of(fw);
  }

  @AfterEach
  void closeClient() {
    fw.close();
  }
}
