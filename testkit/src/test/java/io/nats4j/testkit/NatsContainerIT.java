package io.nats4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NatsContainer} against a real container engine, with the image scripts/docker-setup builds
 * FROM scratch (nothing is pulled). Host loopback networking: the engine here runs without a
 * bridge. Skips, with the reason, where no engine runs or the image is missing.
 */
class NatsContainerIT {

  static final String IMAGE = "nats4j/nats-server:2.15.2";

  /** Why the container tests cannot run here, or empty when they can; computed once. */
  private static Optional<String> problem;

  @BeforeEach
  void engineAndImageAvailable() {
    synchronized (NatsContainerIT.class) {
      if (problem == null) {
        problem = NatsContainer.unavailableReason(IMAGE);
      }
    }
    assumeTrue(problem.isEmpty(), problem.orElse(""));
  }

  @Test
  void serverInAContainerAnswersOnLoopbackWithJetStream() throws Exception {
    int port;
    try (NatsContainer nats = new NatsContainer(IMAGE).withHostLoopbackNetwork().withJetStream()) {
      nats.start();
      port = nats.clientPort();
      assertEquals("nats://127.0.0.1:" + port, nats.clientUrl());
      try (RawClient client = RawClient.connect("127.0.0.1", port)) {
        assertTrue(client.info.startsWith("INFO {"), client.info);
        assertTrue(client.info.contains("\"version\":\"2.15.2\""), client.info);
        assertTrue(client.info.contains("\"jetstream\":true"), client.info);
        assertTrue(client.info.contains("\"port\":" + port), client.info);
        client.handshake("{\"verbose\":false}");
        // A message to itself: subscribed and published on the same subject.
        assertEquals("through the container", client.request("me", "me", "through the container"));
      }
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(nats.monitoringUrl() + "/healthz")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode(), health.body());
    }
    assertThrows(ConnectException.class, () -> RawClient.connect("127.0.0.1", port).close());
  }

  @Test
  void serverArgumentsReachTheServer() throws IOException {
    try (NatsContainer nats =
        new NatsContainer(IMAGE)
            .withHostLoopbackNetwork()
            .withServerArgs("--name", "in-a-container")) {
      nats.start();
      try (RawClient client = RawClient.connect("127.0.0.1", nats.clientPort())) {
        assertTrue(client.info.contains("\"server_name\":\"in-a-container\""), client.info);
        assertFalse(client.info.contains("\"jetstream\":true"), client.info);
      }
    }
  }

  @Test
  void urlsBeforeStartFailClearly() {
    try (NatsContainer nats = new NatsContainer(IMAGE)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, nats::clientUrl);
      assertTrue(e.getMessage().contains("start()"), e.getMessage());
    }
  }
}
