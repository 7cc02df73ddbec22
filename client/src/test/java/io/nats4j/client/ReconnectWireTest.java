package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.fake.FakeNatsServer;
import io.nats4j.testkit.LibraryThreads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the client writes on a new connection after a reconnect, byte for byte, against the scripted
 * fake server (the real server cannot show the wire): CONNECT and PING, nothing until the PONG,
 * then every active SUB with its sid and queue group, {@code UNSUB sid remaining} for
 * auto-unsubscribe, the publishes buffered while disconnected in order, and a PING.
 */
class ReconnectWireTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private FakeNatsServer fake;

  @AfterEach
  void closeFake() {
    if (fake != null) {
      fake.close();
    }
    LibraryThreads.assertNoneLeaked();
  }

  private static Options options(String url, RecordingListener events) {
    return Options.builder()
        .server(url)
        .connectionListener(events)
        .reconnect(
            ReconnectOptions.builder()
                .waitTime(Duration.ofMillis(50))
                .jitter(Duration.ZERO, Duration.ZERO)
                .build())
        .build();
  }

  @Test
  void afterAReconnectSubsThenBufferedPublishesThenPingFollowThePong() throws Exception {
    FakeNatsServer.Script holdPong =
        c -> {
          c.sendInfo();
          c.expect("CONNECT", WAIT);
          c.expect("PING", WAIT);
          Thread.currentThread().join(); // the test sends the PONG
        };
    fake = FakeNatsServer.start(FakeNatsServer.STANDARD, holdPong);
    RecordingListener events = new RecordingListener();
    try (Connection nc = Nats.connect(options(fake.url(), events))) {
      FakeNatsServer.FakeConnection first = fake.connection(0, WAIT);
      nc.subscribe("orders.*"); // sid 1
      nc.subscribe("work", "workers"); // sid 2
      Subscription limited = nc.subscribe("limited"); // sid 3
      Subscription closedWhileDown = nc.subscribe("gone"); // sid 4
      limited.unsubscribe(5);
      nc.flush(WAIT);
      first.send("MSG limited 3 1\r\na\r\nMSG limited 3 1\r\nb\r\n");
      limited.next(WAIT);
      limited.next(WAIT);

      first.close();
      events.await(ConnectionEvent.Disconnected.class, WAIT);
      closedWhileDown.unsubscribe();
      nc.publish("orders.new", "one");
      nc.publish("orders.new", "two".getBytes());
      nc.publish("orders.new", "reply.to", "three".getBytes());

      FakeNatsServer.FakeConnection second = fake.connection(1, WAIT);
      second.awaitLogged(op -> op.verb().equals("PING"), WAIT);
      assertEquals(List.of("CONNECT", "PING"), FakeNatsServer.lines(second.log()));

      second.answerPings(true);
      second.send("PONG\r\n");
      events.await(ConnectionEvent.Resubscribed.class, WAIT);
      second.awaitLogged(op -> op.line().equals("PING"), 2, WAIT); // the one after the handshake

      assertEquals(
          List.of(
              "CONNECT",
              "PING",
              "SUB orders.* 1",
              "SUB work workers 2",
              "SUB limited 3",
              "UNSUB 3 3",
              "PUB orders.new 3",
              "PUB orders.new 3",
              "PUB orders.new reply.to 5",
              "PING"),
          FakeNatsServer.lines(second.log()));
      assertEquals(
          List.of("one", "two", "three"),
          second.log().stream()
              .filter(op -> op.verb().equals("PUB"))
              .map(FakeNatsServer.ClientOp::payloadText)
              .toList());
      assertTrue(
          second.transcript().indexOf("S PONG") < second.transcript().indexOf("C SUB orders.* 1"));
      assertEquals(3, events.await(ConnectionEvent.Resubscribed.class, WAIT).subscriptions());
    }
  }

  @Test
  void aServerThatStopsAnsweringPingsIsStaleWithinIntervalTimesMaxPingsPlusOne() {
    FakeNatsServer.Script stopsAnswering =
        c -> {
          c.answerPings(true);
          c.sendInfo();
          c.expect("CONNECT", WAIT);
          c.expect("PING", WAIT);
          c.answerPings(false);
        };
    fake = FakeNatsServer.start(stopsAnswering, FakeNatsServer.STANDARD);
    RecordingListener events = new RecordingListener();
    Duration interval = Duration.ofMillis(200);
    Options options =
        options(fake.url(), events).toBuilder().pingInterval(interval).maxPingsOut(2).build();
    try (Connection nc = Nats.connect(options)) {
      long connectedAt = System.nanoTime();

      ConnectionEvent.Disconnected lost = events.await(ConnectionEvent.Disconnected.class, WAIT);
      long staleAfter =
          (events.timeOf(ConnectionEvent.Disconnected.class, 1) - connectedAt) / 1_000_000;

      assertTrue(
          lost.cause().getMessage().toLowerCase().contains("stale"), lost.cause().toString());
      assertTrue(
          staleAfter >= 2 * interval.toMillis() && staleAfter < 3 * interval.toMillis() + 500,
          "stale after " + staleAfter + " ms");
      events.await(ConnectionEvent.Reconnected.class, WAIT);
      assertEquals(2, fake.connectionCount());
      assertEquals(
          List.of("PING", "PING"),
          fake.connection(0, WAIT).log().stream()
              .skip(2) // CONNECT, handshake PING
              .map(FakeNatsServer.ClientOp::line)
              .toList());
      nc.flush(WAIT);
    }
  }

  @Test
  void serverPingsAreAnsweredEvenWhilePublishingHeavily() throws Exception {
    fake = FakeNatsServer.start(FakeNatsServer.STANDARD);
    RecordingListener events = new RecordingListener();
    try (Connection nc = Nats.connect(options(fake.url(), events))) {
      FakeNatsServer.FakeConnection c = fake.connection(0, WAIT);
      Thread publisher =
          new Thread(
              () -> {
                byte[] payload = new byte[512];
                for (int i = 0; i < 20_000; i++) {
                  nc.publish("load", payload);
                }
              },
              "test-heavy-publisher");
      publisher.start();
      c.send("PING\r\n");
      c.awaitLogged(op -> op.verb().equals("PONG"), WAIT);
      try {
        publisher.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      nc.flush(WAIT);
    }
  }

  @Test
  void staleConnectionErrorFromTheServerStartsAReconnect() throws Exception {
    fake = FakeNatsServer.start(FakeNatsServer.STANDARD);
    RecordingListener events = new RecordingListener();
    try (Connection nc = Nats.connect(options(fake.url(), events))) {
      FakeNatsServer.FakeConnection first = fake.connection(0, WAIT);
      first.send("-ERR 'Stale Connection'\r\n");
      first.close();

      ConnectionEvent.Disconnected lost = events.await(ConnectionEvent.Disconnected.class, WAIT);
      events.await(ConnectionEvent.Reconnected.class, WAIT);

      assertTrue(lost.cause().getMessage().contains("Stale Connection"), lost.cause().toString());
      assertEquals(ConnectionStatus.CONNECTED, nc.status());
    }
  }

  @Test
  void garbageFromTheServerEndsOnlyThatConnectionAndTheClientReconnects() throws Exception {
    fake = FakeNatsServer.start(FakeNatsServer.STANDARD);
    RecordingListener events = new RecordingListener();
    try (Connection nc = Nats.connect(options(fake.url(), events))) {
      Subscription sub = nc.subscribe("x");
      nc.flush(WAIT);
      fake.connection(0, WAIT).send("MSG x 1 5\r\nhel"); // half an op, then garbage
      fake.connection(0, WAIT).send("lo!!garbage\r\n");

      ConnectionEvent.Disconnected lost = events.await(ConnectionEvent.Disconnected.class, WAIT);
      events.await(ConnectionEvent.Resubscribed.class, WAIT);

      assertTrue(lost.cause() instanceof ProtocolException, lost.cause().toString());
      fake.connection(1, WAIT).send("MSG x 1 2\r\nok\r\n");
      assertEquals("ok", sub.next(WAIT).dataAsString());
    }
  }
}
