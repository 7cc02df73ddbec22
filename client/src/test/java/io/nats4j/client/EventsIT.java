package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@NatsServerTest
class EventsIT {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final NatsServer server;

  EventsIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void connectedThenClosedInOrderOnTheEventThread() {
    List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    Connection nc =
        Nats.connect(
            Options.builder()
                .server(server.clientUrl())
                .connectionListener(
                    e -> {
                      events.add(e);
                      threads.add(Thread.currentThread().getName());
                    })
                .build());
    nc.close();
    Await.until(() -> events.size() == 2, WAIT, "two events, got " + events);
    ConnectionEvent.Connected connected =
        assertInstanceOf(ConnectionEvent.Connected.class, events.get(0));
    assertEquals("nats://127.0.0.1:" + server.port(), connected.server());
    assertEquals(server.version(), connected.info().version());
    assertEquals(new ConnectionEvent.Closed(null), events.get(1));
    assertTrue(threads.stream().allMatch(t -> t.startsWith("nats4j-events-")), threads.toString());
  }

  @Test
  void listenersRunOnTheCallbackExecutorWhenGiven() throws Exception {
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "mine"));
    try {
      List<String> threads = new CopyOnWriteArrayList<>();
      Connection nc =
          Nats.connect(
              Options.builder()
                  .server(server.clientUrl())
                  .callbackExecutor(executor)
                  .connectionListener(e -> threads.add(Thread.currentThread().getName()))
                  .build());
      nc.close();
      Await.until(() -> threads.size() == 2, WAIT, "two events");
      assertEquals(List.of("mine", "mine"), threads);
    } finally {
      executor.shutdown();
    }
  }

  @Test
  void noEchoWithholdsOwnMessages() {
    try (Connection nc =
            Nats.connect(Options.builder().server(server.clientUrl()).noEcho().build());
        Connection other = Nats.connect(server.clientUrl())) {
      Subscription own = nc.subscribe("echo.test");
      nc.flush(WAIT);
      nc.publish("echo.test", "mine");
      other.publish("echo.test", "theirs");
      other.flush(WAIT);
      assertEquals("theirs", own.next(WAIT).dataAsString());
      assertThrows(NatsTimeoutException.class, () -> own.next(Duration.ofMillis(100)));
    }
  }

  @Test
  void lameDuckModeIsAnnounced() {
    try (NatsServer ldm =
        NatsServer.start(
            ServerConfig.builder()
                .lameDuck(Duration.ofSeconds(30), Duration.ofSeconds(10))
                .build())) {
      List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
      try (Connection nc =
          Nats.connect(
              Options.builder().server(ldm.clientUrl()).connectionListener(events::add).build())) {
        nc.flush(WAIT);
        ldm.lameDuck();
        Await.until(
            () -> events.stream().anyMatch(e -> e instanceof ConnectionEvent.LameDuck),
            WAIT,
            "LameDuck event, got " + events);
        assertTrue(nc.serverInfo().lameDuckMode());
        assertEquals(1, events.stream().filter(e -> e instanceof ConnectionEvent.LameDuck).count());
      }
    }
  }

  @Test
  void serverShutdownClosesWithDisconnectedThenClosed() {
    try (NatsServer doomed = NatsServer.start()) {
      List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
      Connection nc =
          Nats.connect(
              Options.builder()
                  .server(doomed.clientUrl())
                  .reconnect(ReconnectOptions.disabled())
                  .connectionListener(events::add)
                  .build());
      Subscription sub = nc.subscribe("x");
      nc.flush(WAIT);
      doomed.kill();
      Await.until(() -> events.size() == 3, WAIT, "connected, disconnected, closed: " + events);
      assertInstanceOf(ConnectionEvent.Disconnected.class, events.get(1));
      assertInstanceOf(ConnectionEvent.Closed.class, events.get(2));
      assertEquals(ConnectionStatus.CLOSED, nc.status());
      assertThrows(ConnectionClosedException.class, () -> sub.next(WAIT));
      nc.close();
    }
  }
}
