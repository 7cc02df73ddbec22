package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Reconnecting to one real server that is killed and restarted on the same port. */
class ReconnectIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  /** Starts a server of this class's tests; {@link ReconnectOverWebSocketIT} adds WebSocket. */
  NatsServer startServer(io.nats4j.testkit.ServerConfig config) {
    return NatsServer.start(config);
  }

  private static ReconnectOptions.Builder fastReconnect() {
    return ReconnectOptions.builder()
        .maxAttempts(-1)
        .waitTime(Duration.ofMillis(100))
        .jitter(Duration.ofMillis(20), Duration.ofMillis(20));
  }

  private static Options.Builder options(NatsServer server, RecordingListener events) {
    return Options.builder()
        .server(server.clientUrl())
        .connectionListener(events)
        .reconnect(fastReconnect().build());
  }

  @Test
  void messagesPublishedAfterTheDisconnectArriveOnceAndInOrderAfterARestart() throws Exception {
    try (NatsServer server = startServer(io.nats4j.testkit.ServerConfig.defaults())) {
      RecordingListener events = new RecordingListener();
      try (Connection nc = Nats.connect(options(server, events).build())) {
        Subscription sub = nc.subscribe("orders");
        sub.setPendingLimits(0, 0); // this test reads only at the end: nothing may be dropped
        nc.flush(WAIT);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong firstAfterDisconnect = new AtomicLong(-1);
        AtomicLong published = new AtomicLong();
        CountDownLatch reconnected = new CountDownLatch(1);
        Thread publisher =
            new Thread(
                () -> {
                  long i = 0;
                  while (!stop.get()) {
                    boolean disconnected = events.count(ConnectionEvent.Disconnected.class) > 0;
                    try {
                      nc.publish("orders", Long.toString(i).getBytes());
                    } catch (BufferFullException full) {
                      awaitQuietly(reconnected); // nothing was written: publish i again later
                      continue;
                    }
                    if (disconnected) {
                      firstAfterDisconnect.compareAndSet(-1, i);
                    }
                    published.set(++i);
                    if (i % 1_000 == 0) {
                      try {
                        nc.flush(Duration.ofMillis(200)); // paces the publisher
                      } catch (NatsException disconnectedMeanwhile) {
                        // the PING died with the old socket, or waits for the next one: go on
                      }
                    }
                  }
                },
                "test-publisher");
        publisher.start();
        Await.until(() -> published.get() > 1_000, WAIT, "publishing is under way");

        server.kill(); // mid-publish
        events.await(ConnectionEvent.Disconnected.class, WAIT);
        Await.until(() -> firstAfterDisconnect.get() >= 0, WAIT, "published after disconnect");
        server.restart();
        events.await(ConnectionEvent.Resubscribed.class, WAIT);
        reconnected.countDown();
        Await.until(
            () -> published.get() > firstAfterDisconnect.get() + 1_000, WAIT, "publishing again");
        stop.set(true);
        publisher.join(10_000);
        nc.flush(WAIT);

        long first = firstAfterDisconnect.get();
        long last = published.get() - 1;
        List<Long> received = new ArrayList<>();
        while (true) {
          try {
            received.add(Long.parseLong(sub.next(Duration.ofMillis(500)).dataAsString()));
          } catch (NatsTimeoutException drained) {
            break;
          }
        }
        for (int i = 1; i < received.size(); i++) {
          assertTrue(received.get(i) > received.get(i - 1), "in order, no duplicates at " + i);
        }
        List<Long> afterDisconnect = received.stream().filter(n -> n >= first).toList();
        assertEquals(last - first + 1, afterDisconnect.size(), "every message after the loss");
        assertEquals(first, afterDisconnect.get(0));
        assertEquals(last, afterDisconnect.get(afterDisconnect.size() - 1));
        assertEquals(1, events.count(ConnectionEvent.Reconnected.class));
        assertEquals(
            List.of("Connected", "Disconnected", "Reconnected", "Resubscribed"), events.types());
        assertEquals(1, nc.statistics().reconnects());
        assertEquals(ConnectionStatus.CONNECTED, nc.status());
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aFullReconnectBufferRejectsPublishesAndKeepsWhatItHolds() {
    try (NatsServer server = startServer(io.nats4j.testkit.ServerConfig.defaults())) {
      RecordingListener events = new RecordingListener();
      Options options =
          options(server, events).reconnect(fastReconnect().bufferBytes(4096).build()).build();
      try (Connection nc = Nats.connect(options)) {
        Subscription sub = nc.subscribe("buffered");
        nc.flush(WAIT);
        server.kill();
        events.await(ConnectionEvent.Disconnected.class, WAIT);

        int accepted = 0;
        BufferFullException full = null;
        while (full == null) {
          try {
            nc.publish("buffered", ("m" + accepted + "-".repeat(90)).getBytes());
            accepted++;
          } catch (BufferFullException e) {
            full = e;
          }
        }
        // exactly what fits: the buffer was empty at the loss (flushed), each PUB counts whole
        int fits = 0;
        for (long used = 0; ; fits++) {
          String payload = "m" + fits + "-".repeat(90);
          used += ("PUB buffered " + payload.length() + "\r\n" + payload + "\r\n").length();
          if (used > 4096) {
            break;
          }
        }
        assertEquals(fits, accepted);
        assertTrue(full.getMessage().contains("reconnect buffer"), full.getMessage());

        server.restart();
        events.await(ConnectionEvent.Resubscribed.class, WAIT);
        nc.flush(WAIT);
        for (int i = 0; i < accepted; i++) {
          assertTrue(sub.next(WAIT).dataAsString().startsWith("m" + i + "-"));
        }
        assertThrows(NatsTimeoutException.class, () -> sub.next(Duration.ofMillis(300)));
        nc.publish("buffered", "after".getBytes());
        assertEquals("after", sub.next(WAIT).dataAsString());
      }
    }
  }

  @Test
  void aZeroReconnectBufferFailsPublishesFastWhileDisconnected() {
    try (NatsServer server = startServer(io.nats4j.testkit.ServerConfig.defaults())) {
      RecordingListener events = new RecordingListener();
      Options options =
          options(server, events).reconnect(fastReconnect().bufferBytes(0).build()).build();
      try (Connection nc = Nats.connect(options)) {
        Subscription sub = nc.subscribe("nobuffer");
        server.kill();
        events.await(ConnectionEvent.Disconnected.class, WAIT);

        assertThrows(BufferFullException.class, () -> nc.publish("nobuffer", "lost?"));

        server.restart();
        events.await(ConnectionEvent.Resubscribed.class, WAIT);
        nc.publish("nobuffer", "works");
        assertEquals("works", sub.next(WAIT).dataAsString());
      }
    }
  }

  @Test
  void closeDuringABackoffWaitReturnsAtOnce() {
    try (NatsServer server = startServer(io.nats4j.testkit.ServerConfig.defaults())) {
      RecordingListener events = new RecordingListener();
      Options options =
          options(server, events)
              .reconnect(
                  ReconnectOptions.builder().maxAttempts(-1).waitTime(Duration.ofHours(1)).build())
              .build();
      Connection nc = Nats.connect(options);
      server.kill();
      events.await(ConnectionEvent.Disconnected.class, WAIT);
      Await.until(
          () ->
              Thread.getAllStackTraces().keySet().stream()
                  .anyMatch(
                      t ->
                          t.getName().startsWith("nats4j-reconnect-")
                              && t.getState() == Thread.State.TIMED_WAITING),
          WAIT,
          "the reconnect thread waits out its backoff");
      assertEquals(ConnectionStatus.RECONNECTING, nc.status());

      long start = System.nanoTime();
      nc.close();
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertTrue(millis < 1_000, "close took " + millis + " ms");
      assertEquals(ConnectionStatus.CLOSED, nc.status());
      events.await(ConnectionEvent.Closed.class, WAIT);
      LibraryThreads.assertNoneLeaked();
    }
  }

  @Test
  void givesUpAfterMaxAttemptsAndCloses() {
    try (NatsServer server = startServer(io.nats4j.testkit.ServerConfig.defaults())) {
      RecordingListener events = new RecordingListener();
      Options options =
          options(server, events)
              .reconnect(
                  ReconnectOptions.builder()
                      .maxAttempts(3)
                      .waitTime(Duration.ofMillis(20))
                      .jitter(Duration.ZERO, Duration.ZERO)
                      .build())
              .build();
      Connection nc = Nats.connect(options);
      server.kill();

      ConnectionEvent.Closed closed = events.await(ConnectionEvent.Closed.class, WAIT);

      assertNotNull(closed.cause());
      assertEquals(ConnectionStatus.CLOSED, nc.status());
      assertEquals(List.of("Connected", "Disconnected", "Closed"), events.types());
      assertThrows(ConnectionClosedException.class, () -> nc.publish("x", "y"));
    }
  }

  @Test
  void pendingRequestsKeepTheirFuturesAcrossAReconnect() throws Exception {
    try (NatsServer server = startServer(io.nats4j.testkit.ServerConfig.defaults())) {
      RecordingListener events = new RecordingListener();
      try (Connection nc = Nats.connect(options(server, events).build())) {
        Dispatcher responder = nc.createDispatcher();
        responder.subscribe("svc.echo", m -> nc.publish(m.replyTo(), m.data()));
        nc.flush(WAIT); // the responder and the reply inbox are known to the server
        nc.request("svc.echo", "warm-up".getBytes(), WAIT);
        server.kill();
        events.await(ConnectionEvent.Disconnected.class, WAIT);

        CompletableFuture<Message> reply =
            nc.requestAsync("svc.echo", "while-down".getBytes(), Duration.ofSeconds(20));
        server.restart();

        assertEquals("while-down", reply.get(20, TimeUnit.SECONDS).dataAsString());
      }
    }
  }

  @Test
  void aSyncRequestMadeWhileDownGoesOutAfterTheRestartAndTheNextOnesToo() throws Exception {
    try (NatsServer server = startServer(io.nats4j.testkit.ServerConfig.defaults())) {
      RecordingListener events = new RecordingListener();
      try (Connection nc = Nats.connect(options(server, events).build())) {
        nc.createDispatcher().subscribe("svc.echo", m -> m.respond(m.data()));
        nc.flush(WAIT);
        assertEquals("before", nc.request("svc.echo", "before".getBytes(), WAIT).dataAsString());
        server.kill();
        events.await(ConnectionEvent.Disconnected.class, WAIT);

        CompletableFuture<Message> reply =
            CompletableFuture.supplyAsync(
                () -> nc.request("svc.echo", "while-down".getBytes(), Duration.ofSeconds(20)));
        server.restart();

        assertEquals("while-down", reply.get(20, TimeUnit.SECONDS).dataAsString());
        events.await(ConnectionEvent.Reconnected.class, WAIT);
        for (int i = 0; i < 20; i++) { // the new transport's writer idle: callers write again
          assertEquals(
              "after" + i, nc.request("svc.echo", ("after" + i).getBytes(), WAIT).dataAsString());
        }
      }
    }
  }

  @Test
  void pendingRequestsFailAtOnceOnDisconnectWhenAsked() throws Exception {
    try (NatsServer server = startServer(io.nats4j.testkit.ServerConfig.defaults())) {
      RecordingListener events = new RecordingListener();
      Options options =
          options(server, events)
              .reconnect(fastReconnect().failPendingRequestsOnDisconnect().build())
              .build();
      try (Connection nc = Nats.connect(options)) {
        Subscription silent = nc.subscribe("svc.silent");
        nc.flush(WAIT);
        CompletableFuture<Message> reply =
            nc.requestAsync("svc.silent", "hello".getBytes(), Duration.ofMinutes(5));
        silent.next(WAIT); // the request reached the server

        server.kill();

        ExecutionException e =
            assertThrows(ExecutionException.class, () -> reply.get(10, TimeUnit.SECONDS));
        assertInstanceOf(DisconnectedException.class, e.getCause());
      }
    }
  }

  @Test
  void retriesAFailedInitialConnectWhenAsked() {
    NatsServer server = startServer(io.nats4j.testkit.ServerConfig.defaults());
    try (server) {
      server.stop();
      RecordingListener events = new RecordingListener();
      Options options =
          options(server, events).reconnect(fastReconnect().retryOnFailedConnect().build()).build();
      assertThrows(
          NatsException.class,
          () -> Nats.connect(options.toBuilder().reconnect(fastReconnect().build()).build()));

      try (Connection nc = Nats.connect(options)) {
        assertEquals(ConnectionStatus.RECONNECTING, nc.status());
        Subscription sub = nc.subscribe("early");
        nc.publish("early", "buffered before the first connection");
        server.restart();

        events.await(ConnectionEvent.Connected.class, WAIT);
        assertEquals("buffered before the first connection", sub.next(WAIT).dataAsString());
        assertEquals(ConnectionStatus.CONNECTED, nc.status());
        assertEquals(0, events.count(ConnectionEvent.Reconnected.class));
      }
    }
  }

  @Test
  void forceReconnectMovesToANewConnectionAndKeepsSubscriptions() {
    try (NatsServer server = startServer(io.nats4j.testkit.ServerConfig.defaults())) {
      RecordingListener events = new RecordingListener();
      try (Connection nc = Nats.connect(options(server, events).build())) {
        Subscription sub = nc.subscribe("kept");
        nc.subscribe("kept.queue", "workers");
        long clientIdBefore = nc.serverInfo().clientId();

        nc.forceReconnect();

        assertEquals(2, events.await(ConnectionEvent.Resubscribed.class, WAIT).subscriptions());
        assertTrue(nc.serverInfo().clientId() != clientIdBefore, "a new server-side client");
        nc.publish("kept", "still here");
        assertEquals("still here", sub.next(WAIT).dataAsString());
      }
    }
  }

  @Test
  void theSameAuthErrorTwiceInARowClosesTheConnection() {
    ServerPasswords passwords = new ServerPasswords();
    try (NatsServer server = startServer(passwords.config())) {
      RecordingListener events = new RecordingListener();
      Options options = options(server, events).credentialsSupplier(passwords::credentials).build();
      Connection nc = Nats.connect(options);
      passwords.useWrongPassword(true);

      nc.forceReconnect();
      ConnectionEvent.Closed closed = events.await(ConnectionEvent.Closed.class, WAIT);

      assertInstanceOf(AuthenticationException.class, closed.cause());
      assertEquals(2, passwords.calls.get() - 1, "two refused attempts after the first connect");
      assertTrue(!closed.cause().getMessage().contains(ServerPasswords.WRONG));
    }
  }

  @Test
  void repeatedAuthErrorsCanBeRetriedUntilTheCredentialsWork() {
    ServerPasswords passwords = new ServerPasswords();
    try (NatsServer server = startServer(passwords.config())) {
      RecordingListener events = new RecordingListener();
      Options options =
          options(server, events)
              .reconnect(fastReconnect().retryOnRepeatedAuthError().build())
              .credentialsSupplier(passwords::credentials)
              .build();
      try (Connection nc = Nats.connect(options)) {
        passwords.useWrongPassword(true);
        nc.forceReconnect();
        Await.until(() -> passwords.calls.get() >= 5, WAIT, "several refused attempts");
        assertEquals(ConnectionStatus.RECONNECTING, nc.status());

        passwords.useWrongPassword(false);
        events.await(ConnectionEvent.Reconnected.class, WAIT);
        assertEquals(ConnectionStatus.CONNECTED, nc.status());
      }
    }
  }

  @Test
  void drainWhileReconnectingEndsWithinItsTimeoutAndCloses() throws Exception {
    try (NatsServer server = startServer(io.nats4j.testkit.ServerConfig.defaults())) {
      RecordingListener events = new RecordingListener();
      Connection nc = Nats.connect(options(server, events).build());
      nc.subscribe("draining");
      server.kill();
      events.await(ConnectionEvent.Disconnected.class, WAIT);

      long start = System.nanoTime();
      CompletableFuture<Void> drained = nc.drain(Duration.ofMillis(500));
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> drained.get(5, TimeUnit.SECONDS));

      assertInstanceOf(NatsTimeoutException.class, e.getCause());
      assertTrue((System.nanoTime() - start) / 1_000_000 < 3_000);
      events.await(ConnectionEvent.Closed.class, WAIT);
      assertEquals(ConnectionStatus.CLOSED, nc.status());
      LibraryThreads.assertNoneLeaked();
    }
  }

  /** A server with one user, and a credentials supplier that can be switched to a bad password. */
  private static final class ServerPasswords {
    static final String WRONG = "not-the-password";
    final AtomicInteger calls = new AtomicInteger();
    private volatile boolean wrong;

    io.nats4j.testkit.ServerConfig config() {
      return io.nats4j.testkit.ServerConfig.builder().user("app", "s3cret").build();
    }

    void useWrongPassword(boolean wrong) {
      this.wrong = wrong;
    }

    Credentials credentials() {
      calls.incrementAndGet();
      return Credentials.userPassword("app", (wrong ? WRONG : "s3cret").toCharArray());
    }
  }
}
