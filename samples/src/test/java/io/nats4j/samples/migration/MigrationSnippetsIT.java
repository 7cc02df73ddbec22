package io.nats4j.samples.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import io.nats4j.testkit.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the snippets of docs/MIGRATING-FROM-JNATS.md against a real server, in the guide's order.
 */
class MigrationSnippetsIT {
  private static NatsServer server;

  @BeforeAll
  static void start() {
    server = NatsServer.start(ServerConfig.builder().jetStream().build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theGuidesSnippetsRun(@TempDir Path dir) throws Exception {
    Path photo = Files.write(dir.resolve("cat.jpg"), new byte[300_000]);
    Path copy = dir.resolve("copy.jpg");
    JnatsMigration.tls(server.clientUrl(), TestCertificates.generate().caCertificate());
    try (Connection nc = Nats.connect(JnatsMigration.listeners(server.clientUrl()))) {
      JnatsMigration.lastError(nc);
      JnatsMigration.subscribe(nc);
      JnatsMigration.request(nc);
      JnatsMigration.jetStream(nc);
      try (JetStream js = JetStream.of(nc)) {
        for (int i = 0; i < 12; i++) { // the fetch of 10 is complete at once
          js.publish("orders.more", new byte[] {1});
        }
        JnatsMigration.consume(js);
        JnatsMigration.keyValue(js);
        JnatsMigration.objectStore(js, photo, copy);
        JnatsMigration.exceptions(nc, js);
      }
    }
    assertEquals(300_000, Files.size(copy));
    // a creds file that is not there is said before anything is dialed
    Path creds = dir.resolve("missing.creds");
    assertThrows(
        IllegalArgumentException.class, () -> JnatsMigration.connect(server.clientUrl(), creds));
  }
}
