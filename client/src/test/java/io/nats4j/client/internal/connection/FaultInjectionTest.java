package io.nats4j.client.internal.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.AuthenticationException;
import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.Options;
import io.nats4j.client.ProtocolException;
import io.nats4j.client.Status;
import io.nats4j.testkit.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Faults the real server will not make on demand, played by {@link FakeServer}. */
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
    AtomicInteger peers = new AtomicInteger();
    try (FakeServer fake =
        new FakeServer(
            peer -> {
              peer.handshake();
              if (peers.incrementAndGet() == 1) {
                peer.send("MSG a 1 notanumber\r\n");
              }
              peer.answerPings();
            })) {
      List<ConnectionEvent> badEvents = new CopyOnWriteArrayList<>();
      List<ConnectionEvent> goodEvents = new CopyOnWriteArrayList<>();
      Connection bad = Nats.connect(options(fake.url(), badEvents));
      Connection good = Nats.connect(options(fake.url(), goodEvents));
      ConnectionEvent.Closed closed = awaitClosed(badEvents);
      assertInstanceOf(ProtocolException.class, closed.cause());
      assertTrue(
          badEvents.stream().anyMatch(e -> e instanceof ConnectionEvent.Disconnected),
          badEvents.toString());
      assertEquals(Status.CLOSED, bad.status());
      good.flush(WAIT);
      assertEquals(Status.CONNECTED, good.status());
      good.close();
      bad.close();
    }
  }

  @Test
  void silentServerTimesOutTheConnect() throws IOException {
    try (FakeServer fake = new FakeServer(peer -> peer.readLine())) {
      long start = System.nanoTime();
      assertThrows(
          NatsTimeoutException.class,
          () -> Nats.connect(options(fake.url(), new CopyOnWriteArrayList<>())));
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
    }
  }

  @Test
  void infoButNoPongTimesOutTheConnect() throws IOException {
    try (FakeServer fake =
        new FakeServer(
            peer -> {
              peer.send(FakeServer.INFO);
              peer.readLine();
              peer.readLine();
              peer.readLine();
            })) {
      NatsTimeoutException e =
          assertThrows(
              NatsTimeoutException.class,
              () -> Nats.connect(options(fake.url(), new CopyOnWriteArrayList<>())));
      assertTrue(e.getMessage().contains("PONG"), e.getMessage());
    }
  }

  @Test
  void authorizationViolationDuringTheHandshakeIsAnAuthenticationException() throws IOException {
    try (FakeServer fake =
        new FakeServer(
            peer -> {
              peer.send(FakeServer.INFO);
              peer.readLine();
              peer.send("-ERR 'Authorization Violation'\r\n");
              peer.close();
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
    try (FakeServer fake =
        new FakeServer(
            peer -> {
              peer.handshake();
              while (peer.readLine() != null) {
                // swallow everything, answer nothing
              }
            })) {
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
    try (FakeServer fake =
        new FakeServer(
            peer -> {
              peer.handshake();
              peer.send("PING\r\n");
              peer.expect("PONG");
              peer.send("-ERR 'answered'\r\n");
              peer.answerPings();
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
