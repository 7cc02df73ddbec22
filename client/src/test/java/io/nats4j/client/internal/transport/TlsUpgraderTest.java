package io.nats4j.client.internal.transport;

import static io.nats4j.client.internal.transport.TlsFixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.TlsOptions;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** Handshakes against an in-process TLS server; the *IT tests do the same against nats-server. */
class TlsUpgraderTest {

  private static final TlsOptions TRUST_TEST_CA =
      TlsOptions.builder().trustCertificates(file("ca.pem")).build();

  @Test
  void acceptsServerSignedByTrustedCaWhenHostMatches() throws Exception {
    try (LocalTlsServer server = new LocalTlsServer(false);
        SSLSocket socket =
            TlsUpgrader.upgrade(server.connectPlain(), TRUST_TEST_CA, "localhost", server.port())) {
      assertEquals("OK", readLine(socket));
      assertTrue(List.of("TLSv1.3", "TLSv1.2").contains(socket.getSession().getProtocol()));
      assertEquals(List.of("TLSv1.3", "TLSv1.2"), List.of(socket.getEnabledProtocols()));
    }
  }

  @Test
  void rejectsServerFromUnknownCa() throws Exception {
    TlsOptions otherCa = TlsOptions.builder().trustCertificates(file("other-ca.pem")).build();
    try (LocalTlsServer server = new LocalTlsServer(false)) {
      Socket plain = server.connectPlain();
      assertThrows(
          SSLHandshakeException.class,
          () -> TlsUpgrader.upgrade(plain, otherCa, "localhost", server.port()));
      assertTrue(plain.isClosed(), "the plain socket is closed after a failed handshake");
    }
  }

  @Test
  void rejectsIpAddressNotNamedInCertificate() throws Exception {
    try (LocalTlsServer server = new LocalTlsServer(false)) {
      var e =
          assertThrows(
              SSLHandshakeException.class,
              () ->
                  TlsUpgrader.upgrade(
                      server.connectPlain(), TRUST_TEST_CA, "127.0.0.1", server.port()));
      assertTrue(String.valueOf(e.getMessage()).contains("127.0.0.1"), e.getMessage());
    }
  }

  @Test
  void rejectsOtherHostName() throws Exception {
    try (LocalTlsServer server = new LocalTlsServer(false)) {
      assertThrows(
          SSLHandshakeException.class,
          () ->
              TlsUpgrader.upgrade(
                  server.connectPlain(), TRUST_TEST_CA, "nats.example.com", server.port()));
    }
  }

  @Test
  void serverNameOverrideAcceptsIpAddressConnection() throws Exception {
    TlsOptions options =
        TlsOptions.builder().trustCertificates(file("ca.pem")).serverName("localhost").build();
    try (LocalTlsServer server = new LocalTlsServer(false);
        SSLSocket socket =
            TlsUpgrader.upgrade(server.connectPlain(), options, "127.0.0.1", server.port())) {
      assertEquals("OK", readLine(socket));
    }
  }

  @Test
  void trustAllAcceptsUnknownCaAndAnyHost() throws Exception {
    TlsOptions insecure = TlsOptions.builder().trustAllCertificatesInsecure().build();
    try (LocalTlsServer server = new LocalTlsServer(false);
        SSLSocket socket =
            TlsUpgrader.upgrade(server.connectPlain(), insecure, "127.0.0.1", server.port())) {
      assertEquals("OK", readLine(socket));
    }
  }

  @Test
  void mutualTlsWithoutClientCertificateIsRejected() throws Exception {
    try (LocalTlsServer server = new LocalTlsServer(true)) {
      // TLS 1.3 reports the refusal either at the handshake or at the first read.
      assertThrows(
          IOException.class,
          () -> {
            try (SSLSocket socket =
                TlsUpgrader.upgrade(
                    server.connectPlain(), TRUST_TEST_CA, "localhost", server.port())) {
              readLine(socket);
            }
          });
      assertThrows(Exception.class, () -> server.handshake.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void mutualTlsPresentsPemClientCertificate() throws Exception {
    TlsOptions options =
        TlsOptions.builder()
            .trustCertificates(file("ca.pem"))
            .clientCertificate(file("client.pem"), file("client-key-sec1.pem"))
            .build();
    try (LocalTlsServer server = new LocalTlsServer(true)) {
      try (SSLSocket socket =
          TlsUpgrader.upgrade(server.connectPlain(), options, "localhost", server.port())) {
        assertEquals("OK", readLine(socket));
      }
      // the server reports once the client has closed
      assertEquals("CN=nats4j-client", server.handshake.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void sendsSniForHostNamesIncludingLocalhostButNotForIpAddresses() throws Exception {
    try (LocalTlsServer server = new LocalTlsServer(false);
        SSLSocket socket =
            TlsUpgrader.upgrade(server.connectPlain(), TRUST_TEST_CA, "localhost", server.port())) {
      assertEquals("OK", readLine(socket));
      assertEquals("localhost", server.requestedServerName.get(10, TimeUnit.SECONDS));
    }
    TlsOptions insecure = TlsOptions.builder().trustAllCertificatesInsecure().build();
    try (LocalTlsServer server = new LocalTlsServer(false);
        SSLSocket socket =
            TlsUpgrader.upgrade(server.connectPlain(), insecure, "127.0.0.1", server.port())) {
      assertEquals("OK", readLine(socket));
      assertEquals("none", server.requestedServerName.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void recognisesIpLiterals() {
    assertTrue(TlsUpgrader.isIpLiteral("127.0.0.1"));
    assertTrue(TlsUpgrader.isIpLiteral("::1"));
    assertFalse(TlsUpgrader.isIpLiteral("localhost"));
    assertFalse(TlsUpgrader.isIpLiteral("nats.example.com"));
  }

  private static String readLine(SSLSocket socket) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = socket.getInputStream().read()) >= 0 && c != '\n') {
      line.append((char) c);
    }
    return line.toString();
  }
}
