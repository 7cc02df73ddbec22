package io.nats4j.client.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.AuthenticationException;
import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.ConnectionStatus;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.Options;
import io.nats4j.client.ProtocolException;
import io.nats4j.client.fake.FakeNatsServer;
import io.nats4j.client.fake.FakeNatsServer.FakeConnection;
import io.nats4j.testkit.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Faults the real server will not make on demand, played by {@link FakeNatsServer}. */
class FaultInjectionTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  /** Reconnect off: these tests are about what ends a connection (ReconnectWireTest: with it). */
  private static Options options(String url, List<ConnectionEvent> events) {
    return Options.builder()
        .server(url)
        .connectTimeout(Duration.ofMillis(500))
        .connectionListener(events::add)
        .reconnect(io.nats4j.client.ReconnectOptions.disabled())
        .build();
  }

  /** INFO, then CONNECT and PING from the client, then PONG; later PINGs are not answered. */
  private static void handshake(FakeConnection c) throws IOException {
    c.sendInfo();
    c.expect("CONNECT", WAIT);
    c.expect("PING", WAIT);
    c.send("PONG\r\n");
  }

  private static ConnectionEvent.Closed awaitClosed(List<ConnectionEvent> events) {
    Await.until(
        () -> events.stream().anyMatch(e -> e instanceof ConnectionEvent.Closed),
        WAIT,
        "Closed event, got " + events);
    return (ConnectionEvent.Closed)
        events.stream().filter(e -> e instanceof ConnectionEvent.Closed).findFirst().get();
  }

  @Test
  void garbageFromTheServerClosesOnlyThatConnectionWithAProtocolError() throws IOException {
    CountDownLatch badConnected = new CountDownLatch(1);
    try (FakeNatsServer fake =
        FakeNatsServer.start(
            c -> {
              handshake(c);
              c.answerPings(true);
              // after connect returned: garbage inside the handshake would fail the connect itself
              badConnected.await();
              c.send("MSG a 1 notanumber\r\n");
            },
            FakeNatsServer.STANDARD)) {
      List<ConnectionEvent> badEvents = new CopyOnWriteArrayList<>();
      List<ConnectionEvent> goodEvents = new CopyOnWriteArrayList<>();
      Connection bad = Nats.connect(options(fake.url(), badEvents));
      badConnected.countDown();
      Connection good = Nats.connect(options(fake.url(), goodEvents));
      ConnectionEvent.Closed closed = awaitClosed(badEvents);
      assertInstanceOf(ProtocolException.class, closed.cause());
      assertTrue(
          badEvents.stream().anyMatch(e -> e instanceof ConnectionEvent.Disconnected),
          badEvents.toString());
      assertEquals(ConnectionStatus.CLOSED, bad.status());
      good.flush(WAIT);
      assertEquals(ConnectionStatus.CONNECTED, good.status());
      good.close();
      bad.close();
    }
  }

  @Test
  void silentServerTimesOutTheConnect() throws IOException {
    try (FakeNatsServer fake = FakeNatsServer.start(c -> {})) { // accepts, sends nothing
      long start = System.nanoTime();
      assertThrows(
          NatsTimeoutException.class,
          () -> Nats.connect(options(fake.url(), new CopyOnWriteArrayList<>())));
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
    }
  }

  @Test
  void infoButNoPongTimesOutTheConnect() throws IOException {
    try (FakeNatsServer fake = FakeNatsServer.start(FakeConnection::sendInfo)) { // never PONG
      NatsTimeoutException e =
          assertThrows(
              NatsTimeoutException.class,
              () -> Nats.connect(options(fake.url(), new CopyOnWriteArrayList<>())));
      assertTrue(e.getMessage().contains("PONG"), e.getMessage());
    }
  }

  @Test
  void authorizationViolationDuringTheHandshakeIsAnAuthenticationException() throws IOException {
    try (FakeNatsServer fake =
        FakeNatsServer.start(
            c -> {
              c.sendInfo();
              c.expect("CONNECT", WAIT);
              c.send("-ERR 'Authorization Violation'\r\n");
              c.hangUp();
            })) {
      AuthenticationException e =
          assertThrows(
              AuthenticationException.class,
              () -> Nats.connect(options(fake.url(), new CopyOnWriteArrayList<>())));
      assertTrue(e.getMessage().contains("Authorization Violation"), e.getMessage());
    }
  }

  @Test
  void serverThatStopsAnsweringPingsMakesTheConnectionStale() throws IOException {
    try (FakeNatsServer fake =
        FakeNatsServer.start(c -> handshake(c))) { // then swallows everything, answers nothing
      List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
      long start = System.nanoTime();
      Connection nc =
          Nats.connect(
              Options.builder()
                  .server(fake.url())
                  .pingInterval(Duration.ofMillis(100))
                  .maxPingsOut(2)
                  .connectionListener(events::add)
                  .reconnect(io.nats4j.client.ReconnectOptions.disabled())
                  .build());
      ConnectionEvent.Closed closed = awaitClosed(events);
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      assertTrue(closed.cause().getMessage().contains("stale"), closed.cause().toString());
      assertTrue(elapsedMs >= 250 && elapsedMs < 3_000, "stale after " + elapsedMs + " ms");
      nc.close();
    }
  }

  @Test
  void serverPingsAreAnswered() throws IOException {
    try (FakeNatsServer fake =
        FakeNatsServer.start(
            c -> {
              handshake(c);
              c.send("PING\r\n");
              c.expect("PONG", WAIT);
              c.answerPings(true); // before the -ERR: the test flushes as soon as it sees it
              c.send("-ERR 'answered'\r\n");
            })) {
      List<io.nats4j.client.AsyncError> errors = new CopyOnWriteArrayList<>();
      try (Connection nc =
          Nats.connect(Options.builder().server(fake.url()).errorListener(errors::add).build())) {
        Await.until(() -> !errors.isEmpty(), WAIT, "the fake saw our PONG");
        assertEquals(new io.nats4j.client.AsyncError.ServerError("answered"), errors.get(0));
        nc.flush(WAIT);
      }
    }
  }
}
