package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsCluster;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import io.nats4j.testkit.TestCertificates;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A TLS cluster whose certificates name only {@code localhost}: the servers announce each other as
 * {@code 127.0.0.1:port}, and a client that fails over to such a discovered address must still
 * verify the certificate against the name it was configured with.
 */
class ClusterTlsReconnectIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void failoverToADiscoveredAddressKeepsTheConfiguredTlsName() {
    TestCertificates certs = TestCertificates.generate(); // SAN DNS:localhost only, no IP
    try (NatsCluster cluster = NatsCluster.start(3, ServerConfig.builder().tls(certs).build())) {
      RecordingListener events = new RecordingListener();
      NatsServer seed = cluster.server(0);
      Options options =
          Options.builder()
              .server("tls://localhost:" + seed.port())
              .tls(TlsOptions.builder().trustCertificates(certs.caCertificate()).build())
              .connectionListener(events)
              .reconnect(
                  ReconnectOptions.builder()
                      .waitTime(Duration.ofMillis(200))
                      .jitter(Duration.ofMillis(20), Duration.ofMillis(20))
                      .build())
              .build();
      try (Connection nc = Nats.connect(options)) {
        Subscription sub = nc.subscribe("secure.events");
        nc.flush(WAIT);
        assertTrue(nc.serverInfo().connectUrls().stream().allMatch(u -> u.startsWith("127.0.0.1")));

        seed.kill();
        events.await(ConnectionEvent.Resubscribed.class, WAIT);

        String now = nc.connectedUrl();
        assertTrue(now.startsWith("tls://127.0.0.1:"), now);
        nc.publish("secure.events", "over tls");
        assertEquals("over tls", sub.next(WAIT).dataAsString());
      }
    }
  }
}
