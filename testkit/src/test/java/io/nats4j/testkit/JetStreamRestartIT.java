package io.nats4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class JetStreamRestartIT {

  @Test
  void restartKeepsPortsAndJetStreamData() throws IOException {
    try (NatsServer server = NatsServer.start(ServerConfig.builder().jetStream().build())) {
      int port = server.port();
      int monitoringPort = server.monitoringPort();
      long pid = server.pid();
      try (RawClient client = RawClient.connect(server)) {
        client.handshake("{\"verbose\":false}");
        String created =
            client.request(
                "$JS.API.STREAM.CREATE.ORDERS",
                "_INBOX.create",
                "{\"name\":\"ORDERS\",\"subjects\":[\"orders.>\"],\"storage\":\"file\"}");
        assertTrue(
            created.contains("\"type\":\"io.nats.jetstream.api.v1.stream_create_response\""),
            created);
        assertTrue(client.request("orders.1", "_INBOX.ack1", "first").contains("\"seq\":1"));
        assertTrue(client.request("orders.2", "_INBOX.ack2", "second").contains("\"seq\":2"));
      }

      server.restart();

      assertEquals(port, server.port());
      assertEquals(monitoringPort, server.monitoringPort());
      assertNotEquals(pid, server.pid());
      assertTrue(Files.isDirectory(server.storeDir()));
      try (RawClient client = RawClient.connect(server)) {
        client.handshake("{\"verbose\":false}");
        String info = client.request("$JS.API.STREAM.INFO.ORDERS", "_INBOX.info", "");
        assertTrue(info.contains("\"messages\":2"), info);
      }
      assertTrue(server.monitor("/jsz?streams=true").replace(" ", "").contains("\"messages\":2"));
    }
  }
}
