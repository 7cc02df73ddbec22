package io.nats4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * {@link NatsContainer} against a real container engine, with the image scripts/docker-setup builds
 * FROM scratch (nothing is pulled). Host loopback networking: the engine here runs without a
 * bridge. Skips, with the reason, where no engine runs or the image is missing.
 */
class NatsContainerIT {

  static final String IMAGE = "nats4j/nats-server:2.15.2";

  /** Why the container tests cannot run here, or null when they can; computed once. */
  private static String problem;

  private static boolean checked;

  @BeforeEach
  void engineAndImageAvailable() {
    synchronized (NatsContainerIT.class) {
      if (!checked) {
        problem = findProblem();
        checked = true;
      }
    }
    assumeTrue(problem == null, problem);
  }

  private static String findProblem() {
    // A dead local socket is answered at once here; Testcontainers would probe it for a minute.
    String dockerHost = System.getenv("DOCKER_HOST");
    if (dockerHost == null || dockerHost.startsWith("unix://")) {
      Path socket = Path.of(dockerHost == null ? "/var/run/docker.sock" : dockerHost.substring(7));
      try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
        // connected: an engine listens
      } catch (IOException e) {
        return "no container engine at "
            + socket
            + " ("
            + e.getMessage()
            + "): run scripts/docker-setup (root with apt-get) or start Docker";
      }
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return "Testcontainers finds no container engine: run scripts/docker-setup or start Docker";
    }
    try {
      DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
    } catch (RuntimeException e) {
      return "image "
          + IMAGE
          + " not in the local engine (nothing is pulled): run"
          + " scripts/docker-setup";
    }
    return null;
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
