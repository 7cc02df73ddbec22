package io.nats4j.client.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Credentials;
import io.nats4j.client.TlsOptions;
import io.nats4j.client.internal.auth.AuthFields;
import io.nats4j.client.internal.auth.Authenticator;
import io.nats4j.client.internal.auth.RawNatsHandshake;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import io.nats4j.testkit.TestCertificates;
import java.io.IOException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TLS against the real nats-server: trust, hostname verification, mutual TLS, TLS first. */
class TlsIT {

  private static TestCertificates certificates;
  private static NatsServer tlsServer;

  @BeforeAll
  static void startServer() {
    certificates = TestCertificates.generate(); // server certificate names DNS:localhost only
    tlsServer =
        NatsServer.start(
            ServerConfig.builder().tls(certificates).user("tls-user", "tls-pass").build());
  }

  @AfterAll
  static void stopServer() {
    tlsServer.close();
  }

  private static TlsOptions.Builder trustingTestCa() {
    return TlsOptions.builder().trustCertificates(certificates.caCertificate());
  }

  @Test
  void acceptedWithTheCaAndHostLocalhost() throws IOException {
    assertEquals("PONG", connectAfterInfo(tlsServer, trustingTestCa().build(), "localhost"));
  }

  @Test
  void acceptedWithTrustStoreOrGivenSslContext() throws IOException {
    TlsOptions viaStore = TlsOptions.builder().trustStore(certificates.trustStore()).build();
    assertEquals("PONG", connectAfterInfo(tlsServer, viaStore, "localhost"));
    TlsOptions viaContext =
        TlsOptions.builder().sslContext(certificates.clientSslContext(false)).build();
    assertEquals("PONG", connectAfterInfo(tlsServer, viaContext, "localhost"));
  }

  @Test
  void rejectedWithAnUnknownCa() {
    TestCertificates other = TestCertificates.generate();
    TlsOptions options = TlsOptions.builder().trustCertificates(other.caCertificate()).build();
    assertThrows(
        SSLHandshakeException.class, () -> connectAfterInfo(tlsServer, options, "localhost"));
  }

  @Test
  void rejectedWithTheJdkDefaultTrustStore() {
    TlsOptions options = TlsOptions.builder().build();
    assertThrows(
        SSLHandshakeException.class, () -> connectAfterInfo(tlsServer, options, "localhost"));
  }

  @Test
  void hostnameMismatchRejectedForIpAddress() {
    var e =
        assertThrows(
            SSLHandshakeException.class,
            () -> connectAfterInfo(tlsServer, trustingTestCa().build(), "127.0.0.1"));
    assertTrue(String.valueOf(e.getMessage()).contains("127.0.0.1"), e.getMessage());
  }

  @Test
  void serverNameOverrideAcceptsIpAddressConnection() throws IOException {
    TlsOptions options = trustingTestCa().serverName("localhost").build();
    assertEquals("PONG", connectAfterInfo(tlsServer, options, "127.0.0.1"));
  }

  @Test
  void trustAllAcceptsAnyCertificate() throws IOException {
    TlsOptions options = TlsOptions.builder().trustAllCertificatesInsecure().build();
    assertEquals("PONG", connectAfterInfo(tlsServer, options, "127.0.0.1"));
  }

  @Test
  void mutualTlsRejectsMissingClientCertificateAndAcceptsPemOrKeyStore() throws IOException {
    try (NatsServer server =
        NatsServer.start(
            ServerConfig.builder().tls(certificates).verifyClientCertificates().build())) {
      // TLS 1.3 may finish the client side of the handshake before the server refuses: the
      // refusal then arrives as an alert on the first read. Either way there is no PONG.
      assertThrows(
          IOException.class, () -> connectAfterInfo(server, trustingTestCa().build(), "localhost"));

      TlsOptions pem =
          trustingTestCa()
              .clientCertificate(certificates.clientCertificate(), certificates.clientKey())
              .build();
      assertEquals("PONG", connectAfterInfo(server, pem, "localhost"));

      TlsOptions keyStore =
          trustingTestCa()
              .keyStore(certificates.clientKeyStore(), certificates.clientKeyStorePassword())
              .build();
      assertEquals("PONG", connectAfterInfo(server, keyStore, "localhost"));
    }
  }

  @Test
  void handshakeFirstServerWorksWithTlsBeforeInfo() throws IOException {
    try (NatsServer server =
        NatsServer.start(ServerConfig.builder().tls(certificates).tlsHandshakeFirst().build())) {
      TlsOptions options = trustingTestCa().handshakeFirst().build();
      try (RawNatsHandshake raw = new RawNatsHandshake(server.host(), server.port())) {
        raw.useSocket(TlsUpgrader.upgrade(raw.socket(), options, "localhost", server.port()));
        String info = raw.readInfo();
        assertTrue(info.contains("\"tls_required\":true"), info);
        assertEquals("PONG", raw.connect(AuthFields.NONE, true));
      }
    }
  }

  @Test
  void handshakeFirstAgainstAServerThatSendsInfoFirstFailsFast() {
    TlsOptions options = trustingTestCa().handshakeFirst().build();
    long start = System.nanoTime();
    assertThrows(
        SSLException.class,
        () -> {
          try (RawNatsHandshake raw = new RawNatsHandshake(tlsServer.host(), tlsServer.port())) {
            TlsUpgrader.upgrade(raw.socket(), options, "localhost", tlsServer.port());
          }
        });
    // the plain-text INFO is not a TLS record: the client fails at once, not at a timeout
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "failed fast");
  }

  /** The usual order: INFO in clear text, then the TLS upgrade, CONNECT and PING. */
  private static String connectAfterInfo(NatsServer server, TlsOptions options, String host)
      throws IOException {
    try (RawNatsHandshake raw = new RawNatsHandshake(server.host(), server.port())) {
      String info = raw.readInfo();
      assertTrue(info.contains("\"tls_required\":true"), info);
      raw.useSocket(TlsUpgrader.upgrade(raw.socket(), options, host, server.port()));
      AuthFields fields =
          server == tlsServer
              ? Authenticator.fieldsFor(
                  Credentials.userPassword("tls-user", "tls-pass".toCharArray()), null)
              : AuthFields.NONE;
      return raw.connect(fields, true);
    }
  }
}
