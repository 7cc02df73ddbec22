package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.fake.FakeNatsServer;
import io.nats4j.testkit.LibraryThreads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Handshake faults the real server does not produce on demand, against the scripted fake: a server
 * that says nothing, one that never answers the handshake PING, garbage instead of INFO, and half
 * an INFO.
 */
class FakeServerHandshakeTest {
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration LONG_TIMEOUT = Duration.ofSeconds(10);

  private FakeNatsServer fake;

  @AfterEach
  void closeFakeAndCheckThreads() {
    if (fake != null) {
      fake.close();
    }
    LibraryThreads.assertNoneLeaked();
  }

  private static Options options(String url) {
    return Options.builder()
        .server(url)
        .connectTimeout(CONNECT_TIMEOUT)
        .reconnect(ReconnectOptions.disabled())
        .build();
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void aServerThatSendsNothingTimesOutWithATypedTimeout() {
    fake = FakeNatsServer.start(c -> {});
    long start = System.nanoTime();

    NatsTimeoutException e =
        assertThrows(NatsTimeoutException.class, () -> Nats.connect(options(fake.url())));

    long elapsed = millisSince(start);
    assertTrue(e.getMessage().contains("INFO"), e.getMessage());
    assertTrue(elapsed >= 450 && elapsed < 2_000, "timed out after " + elapsed + " ms");
    assertEquals(List.of(), fake.connection(0, WAIT).log());
  }

  @Test
  void aServerThatNeverAnswersTheHandshakePingTimesOut() {
    fake = FakeNatsServer.start(FakeNatsServer.FakeConnection::sendInfo);
    long start = System.nanoTime();

    NatsTimeoutException e =
        assertThrows(NatsTimeoutException.class, () -> Nats.connect(options(fake.url())));

    long elapsed = millisSince(start);
    assertTrue(e.getMessage().contains("PONG"), e.getMessage());
    assertTrue(elapsed >= 450 && elapsed < 2_000, "timed out after " + elapsed + " ms");
    FakeNatsServer.FakeConnection c = fake.connection(0, WAIT);
    c.awaitLogged(op -> op.verb().equals("PING"), WAIT);
    assertEquals(List.of("CONNECT", "PING"), FakeNatsServer.lines(c.log()));
  }

  @Test
  void garbageInsteadOfInfoIsAProtocolError() {
    fake = FakeNatsServer.start(c -> c.send("HELLO THERE\r\n"));

    assertThrows(ProtocolException.class, () -> Nats.connect(options(fake.url())));
  }

  @Test
  void halfAnInfoThenCloseFailsFastWithoutWaitingForTheTimeout() {
    fake =
        FakeNatsServer.start(
            c -> {
              c.send("INFO {\"server_id\":\"x\",\"ver");
              c.close();
            });
    // a long timeout, so that "did not wait for it" keeps a wide margin on a loaded machine
    Options options = options(fake.url()).toBuilder().connectTimeout(LONG_TIMEOUT).build();
    long start = System.nanoTime();

    NatsException e = assertThrows(NatsException.class, () -> Nats.connect(options));

    long elapsed = millisSince(start);
    assertTrue(elapsed < LONG_TIMEOUT.toMillis() / 2, "failed after " + elapsed + " ms: " + e);
  }

  @Test
  void theHandshakeSendsConnectThenPingAndNothingBeforeThePong() {
    fake =
        FakeNatsServer.start(
            c -> {
              c.sendInfo();
              c.expect("CONNECT", WAIT);
              c.expect("PING", WAIT);
              // before the PONG: once it has the PONG the client may flush at once
              c.answerPings(true);
              c.send("PONG\r\n");
            });

    try (Connection nc = Nats.connect(options(fake.url()))) {
      FakeNatsServer.FakeConnection c = fake.connection(0, WAIT);
      String connect = c.log().get(0).line();
      assertTrue(connect.contains("\"protocol\":1"), connect);
      assertTrue(connect.contains("\"headers\":true"), connect);
      assertTrue(connect.contains("\"verbose\":false"), connect);
      nc.publish("after.pong", new byte[] {1});
      nc.flush(WAIT);
      assertEquals(
          List.of(
              "S INFO", "C CONNECT", "C PING", "S PONG", "C PUB after.pong 1", "C PING", "S PONG"),
          c.transcript());
    }
  }
}
