package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.fake.FakeNatsServer;
import io.nats4j.client.fake.FakeNatsServer.FakeConnection;
import io.nats4j.testkit.Await;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A size the server announces in {@code MSG}/{@code HMSG} is bounded by its own {@code
 * max_payload}: a frame declaring more is a protocol error at once, not an allocation followed by
 * reading later ops as payload until the keep-alive gives up minutes later. (The real server never
 * sends such a frame, so the fake plays it.)
 */
class OversizedFrameTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private static void handshake(FakeConnection c) throws IOException {
    c.sendInfo(); // max_payload 1048576
    c.expect("CONNECT", WAIT);
    c.expect("PING", WAIT);
    c.send("PONG\r\n");
    c.answerPings(true);
  }

  private static ConnectionEvent.Closed closedAfter(String frame) throws IOException {
    CountDownLatch connected = new CountDownLatch(1);
    try (FakeNatsServer fake =
        FakeNatsServer.start(
            c -> {
              handshake(c);
              connected.await();
              c.send(frame);
              c.send("PING\r\nPING\r\n");
            })) {
      List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
      try (Connection nc =
          Nats.connect(
              Options.builder()
                  .server(fake.url())
                  .connectionListener(events::add)
                  .reconnect(ReconnectOptions.disabled())
                  .build())) {
        nc.subscribe("foo");
        connected.countDown();
        Await.until(
            () -> events.stream().anyMatch(e -> e instanceof ConnectionEvent.Closed),
            WAIT,
            "the connection closes at once, got " + events);
        return events.stream()
            .filter(ConnectionEvent.Closed.class::isInstance)
            .map(ConnectionEvent.Closed.class::cast)
            .findFirst()
            .orElseThrow();
      }
    }
  }

  @Test
  void aMessageDeclaringFarMoreThanMaxPayloadIsAProtocolErrorAtOnce() throws IOException {
    ConnectionEvent.Closed closed = closedAfter("MSG foo 1 67108864\r\n");
    assertInstanceOf(ProtocolException.class, closed.cause(), closed.toString());
    assertTrue(closed.cause().getMessage().contains("exceeds"), closed.cause().getMessage());
  }

  @Test
  void aHeaderMessageDeclaringFarMoreThanMaxPayloadIsAProtocolErrorAtOnce() throws IOException {
    ConnectionEvent.Closed closed = closedAfter("HMSG foo 1 12 33554432\r\nNATS/1.0\r\n\r\n");
    assertTrue(closed.cause().getMessage().contains("exceeds"), closed.cause().getMessage());
  }
}
