package io.nats4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignalsIT {

  @Test
  void lameDuckSendsInfoWithLdmToConnectedClients() throws IOException {
    try (NatsServer server =
            NatsServer.start(
                ServerConfig.builder()
                    .lameDuck(Duration.ofSeconds(30), Duration.ofSeconds(1))
                    .build());
        RawClient client = RawClient.connect(server)) {
      client.handshake("{\"verbose\":false,\"protocol\":1}");
      server.lameDuck();
      // Other INFOs (e.g. the one confirming CONNECT) may come first; if no INFO with ldm
      // arrives, the client's read timeout fails the test.
      String info = client.readUntil("INFO ");
      while (!info.contains("\"ldm\":true")) {
        info = client.readUntil("INFO ");
      }
    }
  }

  @Test
  void pauseFreezesTheServerUntilResume() throws IOException {
    try (NatsServer server = NatsServer.start();
        RawClient client = RawClient.connect(server)) {
      client.handshake("{\"verbose\":false}");
      server.pause();
      assertTrue(server.isRunning());
      client.socketTimeout(300);
      client.send("PING\r\n");
      assertThrows(
          SocketTimeoutException.class,
          () -> System.err.println("a paused server answered: " + client.readLine()));
      server.resume();
      client.socketTimeout(10_000);
      assertEquals("PONG", client.readLine());
    }
  }

  @Test
  void stopIsGracefulAndRestartComesBackOnTheSamePort() throws IOException {
    try (NatsServer server = NatsServer.start()) {
      int port = server.port();
      server.stop();
      assertTrue(!server.isRunning());
      assertThrows(IOException.class, () -> new Socket(server.host(), port).close());
      assertTrue(server.log().contains("Server Exiting"), server.log());
      server.restart();
      try (RawClient client = RawClient.connect(server)) {
        assertEquals(port, server.port());
        client.handshake("{\"verbose\":false}");
      }
    }
  }
}
