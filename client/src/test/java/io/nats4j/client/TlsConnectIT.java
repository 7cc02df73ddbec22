package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import io.nats4j.testkit.TestCertificates;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS through {@link Nats#connect(Options)} beyond {@code SecureConnectIT}: the upgrade an INFO
 * with {@code tls_required} forces on a {@code nats://} URL, its secure default trust, the TLS
 * cause a refused handshake carries, and credentials sent only after the upgrade.
 */
class TlsConnectIT {
  private static TestCertificates certificates;
  private static NatsServer server;

  @BeforeAll
  static void start() {
    certificates = TestCertificates.generate();
    server =
        NatsServer.start(ServerConfig.builder().tls(certificates).user("tls", "over-tls").build());
  }

  @AfterAll
  static void stop() {
    server.close();
    LibraryThreads.assertNoneLeaked();
  }

  private static Options.Builder options(String url) {
    return Options.builder()
        .server(url)
        .connectTimeout(Duration.ofSeconds(5))
        .credentials(Credentials.userPassword("tls", "over-tls".toCharArray()));
  }

  @Test
  void natsUrlIsUpgradedWhenInfoRequiresTls() {
    TlsOptions tls = TlsOptions.builder().trustCertificates(certificates.caCertificate()).build();
    try (Connection nc =
        Nats.connect(options("nats://localhost:" + server.port()).tls(tls).build())) {
      assertTrue(nc.serverInfo().tlsRequired());
      Subscription sub = nc.subscribe("tls.check");
      nc.publish("tls.check", "private");
      assertEquals("private", sub.next(Duration.ofSeconds(5)).dataAsString());
    }
  }

  @Test
  void withoutTlsOptionsTheJdkTrustStoreRefusesAnUnknownCa() {
    NatsException e =
        assertThrows(
            NatsException.class,
            () -> Nats.connect(options("nats://localhost:" + server.port()).build()));
    assertTrue(rootTlsCause(e) instanceof SSLException, "TLS refused: " + e);
  }

  @Test
  void hostnameMismatchCarriesTheTlsCause() {
    TlsOptions tls = TlsOptions.builder().trustCertificates(certificates.caCertificate()).build();
    NatsException e =
        assertThrows(
            NatsException.class,
            () -> Nats.connect(options("tls://127.0.0.1:" + server.port()).tls(tls).build()));
    Throwable tlsCause = rootTlsCause(e);
    assertTrue(tlsCause instanceof SSLException, "TLS refused: " + e);
    assertTrue(String.valueOf(tlsCause.getMessage()).contains("127.0.0.1"), tlsCause.getMessage());
  }

  @Test
  void authenticatesOverTheTlsConnectionEvenWithTrustAll() {
    TlsOptions trustAll = TlsOptions.builder().trustAllCertificatesInsecure().build();
    try (Connection nc =
        Nats.connect(options("tls://127.0.0.1:" + server.port()).tls(trustAll).build())) {
      nc.flush(Duration.ofSeconds(5));
      String connz = server.monitor("/connz?auth=true");
      assertTrue(connz.contains("\"authorized_user\": \"tls\""), connz);
      assertTrue(connz.contains("\"tls_version\": \"1.3\""), connz);
    }
  }

  private static Throwable rootTlsCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLException) {
        return t;
      }
    }
    return e;
  }
}
