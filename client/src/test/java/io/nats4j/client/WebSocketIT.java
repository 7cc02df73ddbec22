package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsCluster;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import io.nats4j.testkit.ServerConfig;
import io.nats4j.testkit.TestCertificates;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What only WebSocket has, against the real server's {@code websocket {}} listener: compression,
 * close codes, wss with the same TlsOptions, upgrade headers, the cookie-JWT mode, discovery. The
 * everyday features over WebSocket are the {@code *OverWebSocketIT} reruns of the TCP tests.
 */
class WebSocketIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static TestCertificates certificates;

  @BeforeAll
  static void certificates() {
    certificates = TestCertificates.generate();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  /** A dialer whose sockets count the bytes read from and written to the server. */
  private static Dialer counting(AtomicLong bytesRead, AtomicLong bytesWritten) {
    return (host, port, timeout) -> {
      Socket socket =
          new Socket() {
            @Override
            public InputStream getInputStream() throws IOException {
              return new FilterInputStream(super.getInputStream()) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                  int n = super.read(b, off, len);
                  bytesRead.addAndGet(Math.max(n, 0));
                  return n;
                }
              };
            }

            @Override
            public OutputStream getOutputStream() throws IOException {
              return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                  out.write(b, off, len);
                  bytesWritten.addAndGet(len);
                }
              };
            }
          };
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      return socket;
    };
  }

  /** Bytes read and written for one 256 KiB message published to and received from the server. */
  private static long[] wireBytesForALargeMessage(NatsServer server, WebSocketOptions ws) {
    AtomicLong read = new AtomicLong();
    AtomicLong written = new AtomicLong();
    byte[] payload = new byte[256 * 1024];
    Arrays.fill(payload, (byte) 'a');
    try (Connection nc =
        Nats.connect(
            Options.builder()
                .server(server.websocketUrl())
                .dialer(counting(read, written))
                .webSocket(ws)
                .build())) {
      Subscription sub = nc.subscribe("big");
      nc.publish("big", payload);
      assertArrayEquals(payload, sub.next(WAIT).data());
    }
    return new long[] {read.get(), written.get()};
  }

  @Test
  void compressionIsUsedWhereBothSidesAgreeAndNotOtherwise() {
    try (NatsServer server =
        NatsServer.start(ServerConfig.builder().websocketCompression().build())) {
      long small = 32 * 1024;
      long large = 256 * 1024;
      long[] both =
          wireBytesForALargeMessage(
              server, WebSocketOptions.builder().compressOutbound(true).build());
      assertTrue(both[0] < small && both[1] < small, Arrays.toString(both));
      long[] fromServer = wireBytesForALargeMessage(server, WebSocketOptions.defaults());
      assertTrue(fromServer[0] < small && fromServer[1] > large, Arrays.toString(fromServer));
      long[] none =
          wireBytesForALargeMessage(server, WebSocketOptions.builder().compression(false).build());
      assertTrue(none[0] > large && none[1] > large, Arrays.toString(none));
    }
  }

  @Test
  void compressedBurstsStayWithinWhatTheServerInflates() throws InterruptedException {
    // the server inflates a compressed message into at most max_payload bytes
    try (NatsServer server =
        NatsServer.start(
            ServerConfig.builder().websocketCompression().maxPayload(8 * 1024).build())) {
      int count = 100_000;
      Options compressing =
          Options.builder()
              .server(server.websocketUrl())
              .webSocket(WebSocketOptions.builder().compressOutbound(true).build())
              .build();
      try (Connection sub = Nats.connect(server.websocketUrl());
          Connection pub = Nats.connect(compressing)) {
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(count);
        sub.defaultDispatcher().subscribe("burst", m -> all.countDown()).setPendingLimits(0, 0);
        sub.flush(WAIT);
        byte[] payload = new byte[16];
        for (int i = 0; i < count; i++) {
          pub.publish("burst", payload);
        }
        pub.flush(WAIT);
        assertTrue(
            all.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS),
            all.getCount() + " messages missing");
      }
    }
  }

  @Test
  void aGracefulShutdownIsAGoingAwayCloseThenTheClientReconnects() {
    try (NatsServer server = NatsServer.start(ServerConfig.builder().websocket().build())) {
      RecordingListener events = new RecordingListener();
      try (Connection nc =
          Nats.connect(
              Options.builder()
                  .server(server.websocketUrl())
                  .connectionListener(events)
                  .reconnect(
                      ReconnectOptions.builder()
                          .maxAttempts(-1)
                          .waitTime(Duration.ofMillis(50))
                          .build())
                  .build())) {
        Subscription sub = nc.subscribe("after");
        nc.flush(WAIT);
        server.restart();

        ConnectionEvent.Disconnected lost = events.await(ConnectionEvent.Disconnected.class, WAIT);
        WebSocketClosedException closed =
            assertInstanceOf(WebSocketClosedException.class, lost.cause());
        assertEquals(1001, closed.closeCode(), closed.getMessage());
        events.await(ConnectionEvent.Reconnected.class, WAIT);
        nc.publish("after", "still here");
        assertEquals("still here", sub.next(WAIT).dataAsString());
        assertTrue(nc.connectedUrl().startsWith("ws://"), nc.connectedUrl());
      }
    }
  }

  @Test
  void wssVerifiesTheServerNameAndPresentsTheClientCertificate() {
    try (NatsServer server =
        NatsServer.start(
            ServerConfig.builder()
                .websocketTls(certificates)
                .websocketVerifyClientCertificates()
                .build())) {
      TlsOptions mutual =
          TlsOptions.builder()
              .trustCertificates(certificates.caCertificate())
              .clientCertificate(certificates.clientCertificate(), certificates.clientKey())
              .build();
      try (Connection nc =
          Nats.connect(Options.builder().server(server.websocketUrl()).tls(mutual).build())) {
        Subscription sub = nc.subscribe("secure");
        nc.publish("secure", "over wss");
        assertEquals("over wss", sub.next(WAIT).dataAsString());
        assertTrue(nc.connectedUrl().startsWith("wss://localhost:"), nc.connectedUrl());
      }

      String byAddress = "wss://127.0.0.1:" + server.websocketPort();
      assertThrows(
          NatsException.class,
          () -> Nats.connect(Options.builder().server(byAddress).tls(mutual).build()),
          "the certificate names localhost only");
      TlsOptions noClientCertificate =
          TlsOptions.builder().trustCertificates(certificates.caCertificate()).build();
      assertThrows(
          NatsException.class,
          () ->
              Nats.connect(
                  Options.builder()
                      .server(server.websocketUrl())
                      .tls(noClientCertificate)
                      .build()));
    }
  }

  @Test
  @RequiresServerVersion("2.11.0") // the websocket block's token_cookie (nats-server #5131)
  void upgradeHeadersReachTheServer() {
    try (NatsServer server =
        NatsServer.start(
            ServerConfig.builder()
                .token("s3cret")
                .websocketOption("token_cookie: \"tok\"")
                .build())) {
      Options.Builder options = Options.builder().server(server.websocketUrl());
      assertThrows(AuthenticationException.class, () -> Nats.connect(options.build()));
      WebSocketOptions cookie =
          WebSocketOptions.builder().header("Cookie", "tok=s3cret").path("/any/path").build();
      try (Connection nc = Nats.connect(options.webSocket(cookie).build())) {
        nc.flush(WAIT);
      }
    }
  }

  @Test
  void theJwtCanTravelAsACookie() {
    try (OperatorFixture operator = OperatorFixture.start(b -> b.websocketJwtCookie("jwt"));
        NKey user = NKey.create(KeyType.USER)) {
      Credentials creds = Credentials.creds(operator.userCreds(user, "cookie-user"));
      Options.Builder options =
          Options.builder().server(operator.server().websocketUrl()).credentials(creds);
      try (Connection nc =
          Nats.connect(
              options.webSocket(WebSocketOptions.builder().jwtCookie("jwt").build()).build())) {
        nc.flush(WAIT);
      }
      // the JWT is left out of CONNECT: under a cookie name the server does not read, no JWT
      assertThrows(
          AuthenticationException.class,
          () ->
              Nats.connect(
                  options
                      .webSocket(WebSocketOptions.builder().jwtCookie("other").build())
                      .build()));
    }
  }

  @Test
  void discoveryAddsOnlyWebSocketServersAndReconnectsOverWebSocket() {
    try (NatsCluster cluster =
        NatsCluster.start(2, ServerConfig.builder().clientsOverWebSocket().build())) {
      RecordingListener events = new RecordingListener();
      NatsServer first = cluster.server(0);
      NatsServer second = cluster.server(1);
      try (Connection nc =
          Nats.connect(
              Options.builder()
                  .server(first.websocketUrl())
                  .connectionListener(events)
                  .reconnect(
                      ReconnectOptions.builder()
                          .maxAttempts(-1)
                          .waitTime(Duration.ofMillis(50))
                          .build())
                  .build())) {
        String secondUrl = "ws://127.0.0.1:" + second.websocketPort();
        // to a ws client the server announces its ws listeners' addresses, never the TCP ones
        io.nats4j.testkit.Await.until(
            () -> nc.serverInfo().connectUrls().contains("127.0.0.1:" + second.websocketPort()),
            WAIT,
            "the second node's websocket address in connect_urls");
        assertTrue(
            !nc.serverInfo().connectUrls().contains("127.0.0.1:" + second.port()),
            nc.serverInfo().connectUrls().toString());

        first.stop();
        events.await(ConnectionEvent.Reconnected.class, WAIT);
        assertEquals(secondUrl, nc.connectedUrl());
      }
    }
  }
}
