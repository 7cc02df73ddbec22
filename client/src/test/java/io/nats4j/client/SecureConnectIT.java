package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import io.nats4j.testkit.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** TLS and every authentication method through the public API, against real servers. */
class SecureConnectIT {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  private static void roundTrip(Connection nc) {
    Subscription sub = nc.subscribe("secure");
    nc.publish("secure", "hello");
    assertEquals("hello", sub.next(WAIT).dataAsString());
  }

  /** A dialer that records every byte the client writes (the CONNECT line among them). */
  private static final class RecordingDialer implements Dialer {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @Override
    public Socket dial(String host, int port, Duration timeout) throws IOException {
      Socket socket =
          new Socket() {
            @Override
            public OutputStream getOutputStream() throws IOException {
              return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                  synchronized (written) {
                    written.write(b, off, len);
                  }
                  out.write(b, off, len);
                }
              };
            }
          };
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      return socket;
    }

    String text() {
      synchronized (written) {
        return written.toString(StandardCharsets.ISO_8859_1);
      }
    }
  }

  @Test
  void tlsWithTrustedCaAndHostnameVerification() {
    TestCertificates certs = TestCertificates.generate();
    try (NatsServer server = NatsServer.start(ServerConfig.builder().tls(certs).build())) {
      TlsOptions tls = TlsOptions.builder().trustCertificates(certs.caCertificate()).build();
      try (Connection nc =
          Nats.connect(
              Options.builder().server("tls://localhost:" + server.port()).tls(tls).build())) {
        assertTrue(nc.serverInfo().tlsRequired());
        roundTrip(nc);
      }
      // the certificate names localhost only: 127.0.0.1 must fail verification
      assertThrows(
          NatsException.class,
          () ->
              Nats.connect(
                  Options.builder().server("tls://127.0.0.1:" + server.port()).tls(tls).build()));
      // unless the expected name is given
      TlsOptions named =
          TlsOptions.builder()
              .trustCertificates(certs.caCertificate())
              .serverName("localhost")
              .build();
      try (Connection nc =
          Nats.connect(
              Options.builder().server("tls://127.0.0.1:" + server.port()).tls(named).build())) {
        roundTrip(nc);
      }
      // an unknown CA is rejected
      TestCertificates other = TestCertificates.generate();
      TlsOptions wrongCa = TlsOptions.builder().trustCertificates(other.caCertificate()).build();
      assertThrows(
          NatsException.class,
          () ->
              Nats.connect(
                  Options.builder()
                      .server("tls://localhost:" + server.port())
                      .tls(wrongCa)
                      .build()));
    }
  }

  @Test
  void mutualTlsAndHandshakeFirst() {
    TestCertificates certs = TestCertificates.generate();
    try (NatsServer server =
        NatsServer.start(
            ServerConfig.builder()
                .tls(certs)
                .verifyClientCertificates()
                .tlsHandshakeFirst()
                .build())) {
      TlsOptions tls =
          TlsOptions.builder()
              .trustCertificates(certs.caCertificate())
              .clientCertificate(certs.clientCertificate(), certs.clientKey())
              .handshakeFirst()
              .build();
      try (Connection nc =
          Nats.connect(
              Options.builder().server("tls://localhost:" + server.port()).tls(tls).build())) {
        roundTrip(nc);
      }
      TlsOptions noClientCert =
          TlsOptions.builder().trustCertificates(certs.caCertificate()).handshakeFirst().build();
      assertThrows(
          NatsException.class,
          () ->
              Nats.connect(
                  Options.builder()
                      .server("tls://localhost:" + server.port())
                      .tls(noClientCert)
                      .connectTimeout(Duration.ofSeconds(2))
                      .build()));
    }
  }

  @Test
  void tokenAuthentication() {
    try (NatsServer server = NatsServer.start(ServerConfig.builder().token("t0ken").build())) {
      try (Connection nc =
          Nats.connect(
              Options.builder()
                  .server(server.clientUrl())
                  .credentials(Credentials.token("t0ken".toCharArray()))
                  .build())) {
        roundTrip(nc);
      }
      try (Connection nc = Nats.connect("nats://t0ken@127.0.0.1:" + server.port())) {
        roundTrip(nc);
      }
      AuthenticationException e =
          assertThrows(
              AuthenticationException.class,
              () -> Nats.connect("nats://wrong@127.0.0.1:" + server.port()));
      assertFalse(e.getMessage().contains("wrong"));
    }
  }

  @Test
  void nkeyAuthenticationNeverSendsTheSeed() {
    try (NKey user = NKey.create(KeyType.USER);
        NatsServer server =
            NatsServer.start(ServerConfig.builder().nkeyUser(user.publicKey()).build())) {
      String seed = new String(user.seed());
      RecordingDialer dialer = new RecordingDialer();
      try (Connection nc =
          Nats.connect(
              Options.builder()
                  .server(server.clientUrl())
                  .dialer(dialer)
                  .credentials(Credentials.nkeySeed(seed.toCharArray()))
                  .build())) {
        roundTrip(nc);
      }
      String wire = dialer.text();
      assertTrue(wire.contains("\"nkey\":\"" + user.publicKey() + "\""), wire);
      assertTrue(wire.contains("\"sig\":"), wire);
      assertFalse(wire.contains(seed), "the seed must never be written");
      assertTrue(wire.contains("\"headers\":true") && wire.contains("\"no_responders\":true"));
      assertTrue(wire.contains("\"protocol\":1") && wire.contains("\"lang\":\"nats4j\""));

      try (NKey impostor = NKey.create(KeyType.USER)) {
        assertThrows(
            AuthenticationException.class,
            () ->
                Nats.connect(
                    Options.builder()
                        .server(server.clientUrl())
                        .credentials(Credentials.nkeySeed(impostor.seed()))
                        .build()));
      }
    }
  }

  @Test
  void credentialsSupplierIsAskedOnEveryConnect() {
    try (NatsServer server = NatsServer.start(ServerConfig.builder().user("alice", "pw").build())) {
      AtomicInteger calls = new AtomicInteger();
      Options options =
          Options.builder()
              .server(server.clientUrl())
              .credentialsSupplier(
                  () -> {
                    calls.incrementAndGet();
                    return Credentials.userPassword("alice", "pw".toCharArray());
                  })
              .build();
      try (Connection a = Nats.connect(options);
          Connection b = Nats.connect(options)) {
        roundTrip(a);
        roundTrip(b);
      }
      assertEquals(2, calls.get());
    }
  }
}
