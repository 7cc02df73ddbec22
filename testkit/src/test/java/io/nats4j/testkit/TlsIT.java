package io.nats4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsIT {

  private static TestCertificates certs;
  private static NatsServer tlsServer;

  @BeforeAll
  static void startTlsServer() {
    certs = TestCertificates.generate();
    tlsServer = NatsServer.start(ServerConfig.builder().tls(certs).build());
  }

  @AfterAll
  static void stopTlsServer() {
    tlsServer.close();
  }

  @Test
  void acceptsAClientThatTrustsTheGeneratedCa() throws IOException {
    try (RawClient client = upgrade(tlsServer, certs.clientSslContext(false), "localhost", true)) {
      assertTrue(client.info.contains("\"tls_required\":true"), client.info);
      client.handshake("{\"verbose\":false}");
    }
  }

  @Test
  void rejectsAClientThatDoesNotTrustTheCa() {
    SSLContext stranger = TestCertificates.generate().clientSslContext(false);
    assertThrows(
        SSLHandshakeException.class, () -> upgrade(tlsServer, stranger, "localhost", false));
  }

  @Test
  void serverCertificateNamesLocalhostOnly() {
    assertThrows(
        SSLHandshakeException.class,
        () -> upgrade(tlsServer, certs.clientSslContext(false), "127.0.0.1", true));
  }

  @Test
  void extraSubjectAltNamesIncludeIpAddresses() throws IOException {
    TestCertificates withIp = TestCertificates.generate("localhost", "127.0.0.1");
    try (NatsServer server = NatsServer.start(ServerConfig.builder().tls(withIp).build());
        RawClient client = upgrade(server, withIp.clientSslContext(false), "127.0.0.1", true)) {
      client.handshake("{\"verbose\":false}");
    }
  }

  @Test
  void mutualTlsRejectsAClientWithoutCertificateAndAcceptsOneWith() throws IOException {
    ServerConfig config = ServerConfig.builder().tls(certs).verifyClientCertificates().build();
    try (NatsServer server = NatsServer.start(config)) {
      try (RawClient withCert = upgrade(server, certs.clientSslContext(true), "localhost", true)) {
        withCert.handshake("{\"verbose\":false}");
      }
      // With TLS 1.3 the server's rejection may only surface on the first read after the
      // handshake, so the failure is expected anywhere between handshake and PONG.
      assertThrows(
          IOException.class,
          () -> {
            try (RawClient noCert =
                upgrade(server, certs.clientSslContext(false), "localhost", true)) {
              noCert.handshake("{\"verbose\":false}");
            }
          });
    }
  }

  @Test
  @RequiresServerVersion("2.10.4")
  void handshakeFirstServerExpectsTlsBeforeInfo() throws IOException {
    ServerConfig config = ServerConfig.builder().tls(certs).tlsHandshakeFirst().build();
    try (NatsServer server = NatsServer.start(config)) {
      assertEquals(ServerBinary.version(), server.version());
      Socket plain = new Socket();
      plain.connect(new InetSocketAddress(server.host(), server.port()), 5000);
      SSLSocket tls =
          (SSLSocket)
              certs
                  .clientSslContext(false)
                  .getSocketFactory()
                  .createSocket(plain, "localhost", server.port(), true);
      tls.startHandshake();
      try (RawClient client = new RawClient(tls)) {
        assertTrue(client.info.startsWith("INFO {"), client.info);
        client.handshake("{\"verbose\":false}");
      }
    }
  }

  /** Connects in plain text, reads INFO, then upgrades to TLS as a NATS client does. */
  private static RawClient upgrade(
      NatsServer server, SSLContext context, String hostName, boolean verifyHostName)
      throws IOException {
    Socket plain = new Socket();
    plain.connect(new InetSocketAddress(server.host(), server.port()), 5000);
    plain.setSoTimeout(10_000);
    String info = readLine(plain.getInputStream());
    SSLSocket tls =
        (SSLSocket) context.getSocketFactory().createSocket(plain, hostName, server.port(), true);
    if (verifyHostName) {
      SSLParameters parameters = tls.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      tls.setSSLParameters(parameters);
    }
    try {
      tls.startHandshake();
      return RawClient.afterInfo(tls, info);
    } catch (IOException e) {
      tls.close();
      throw e;
    }
  }

  /** Reads one line byte by byte so nothing after it (the TLS handshake) is consumed. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("closed before INFO");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8).trim();
  }
}
