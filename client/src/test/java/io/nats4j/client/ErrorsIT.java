package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@NatsServerTest
class ErrorsIT {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final NatsServer server;

  ErrorsIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void exactlyMaxPayloadIsAcceptedAndOneMoreIsRejectedWithHeadersCounted() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      int max = (int) nc.serverInfo().maxPayload();
      Subscription sub = nc.subscribe("max");
      nc.flush(WAIT);
      byte[] exact = new byte[max];
      exact[max - 1] = 7;
      nc.publish("max", exact);
      assertArrayEquals(exact, sub.next(WAIT).data());

      assertThrows(MaxPayloadException.class, () -> nc.publish("max", new byte[max + 1]));

      Headers headers = new Headers().add("K", "v");
      int headerBytes = "NATS/1.0\r\nK: v\r\n\r\n".length();
      byte[] withHeaders = new byte[max - headerBytes];
      nc.publish("max", null, headers, withHeaders);
      assertEquals(withHeaders.length, sub.next(WAIT).data().length);
      MaxPayloadException e =
          assertThrows(
              MaxPayloadException.class,
              () -> nc.publish("max", null, headers, new byte[max - headerBytes + 1]));
      assertTrue(e.getMessage().contains(Integer.toString(max)), e.getMessage());
      assertThrows(MaxPayloadException.class, () -> nc.request("max", new byte[max + 1], WAIT));

      nc.publish("max", "still usable");
      assertEquals("still usable", sub.next(WAIT).dataAsString());
      assertEquals(ConnectionStatus.CONNECTED, nc.status());
    }
  }

  @Test
  void invalidSubjectsAreRejectedBeforeWritingAndTheConnectionStaysUsable() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription sub = nc.subscribe("ok");
      nc.flush(WAIT);
      for (String bad :
          List.of("", "a b", "a\r\nPUB x 1", "a\tb", "a..b", ".a", "a.", "a.*", "a.>", "a\0b")) {
        assertThrows(IllegalArgumentException.class, () -> nc.publish(bad, "x"), bad);
      }
      assertThrows(
          IllegalArgumentException.class, () -> nc.publish("ok", "bad reply", new byte[0]));
      assertThrows(IllegalArgumentException.class, () -> nc.subscribe("a b"));
      assertThrows(IllegalArgumentException.class, () -> nc.subscribe("a.>.b"));
      assertThrows(IllegalArgumentException.class, () -> nc.subscribe("ok", "bad queue"));
      assertThrows(IllegalArgumentException.class, () -> nc.request("a b", new byte[0], WAIT));
      nc.publish("ok", "fine");
      assertEquals("fine", sub.next(WAIT).dataAsString());
      nc.flush(WAIT);
      assertEquals(ConnectionStatus.CONNECTED, nc.status());
    }
  }

  @Test
  void slowConsumerDropsOverTheLimitReportsOnceAndLeavesOthersAlone() {
    List<AsyncError> errors = new CopyOnWriteArrayList<>();
    Options options =
        Options.builder().server(server.clientUrl()).errorListener(errors::add).build();
    try (Connection nc = Nats.connect(options)) {
      Subscription slow = nc.subscribe("flood");
      slow.setPendingLimits(10, 0);
      Subscription other = nc.subscribe("flood");
      nc.flush(WAIT);
      for (int i = 0; i < 100; i++) {
        nc.publish("flood", Integer.toString(i));
      }
      nc.flush(WAIT);
      Await.until(() -> other.pendingMessages() == 100, WAIT, "other got all 100");
      assertEquals(10, slow.pendingMessages());
      assertEquals(90, slow.droppedMessages());
      assertEquals(100, slow.deliveredMessages());
      Await.until(() -> !errors.isEmpty(), WAIT, "slow consumer reported");
      nc.flush(WAIT);
      assertEquals(1, errors.size(), errors.toString());
      AsyncError.SlowConsumer sc = assertInstanceOf(AsyncError.SlowConsumer.class, errors.get(0));
      assertEquals(slow, sc.subscription());
      for (int i = 0; i < 10; i++) {
        assertEquals(Integer.toString(i), slow.next(WAIT).dataAsString());
      }
      assertEquals(90, nc.statistics().droppedMessages());

      // a new episode after it caught up reports again
      for (int i = 0; i < 11; i++) {
        nc.publish("flood", "again");
      }
      nc.flush(WAIT);
      Await.until(() -> errors.size() == 2, WAIT, "second episode reported");
    }
  }

  @Test
  void slowConsumerByBytes() {
    List<AsyncError> errors = new CopyOnWriteArrayList<>();
    Options options =
        Options.builder()
            .server(server.clientUrl())
            .pendingLimits(0, 1000)
            .errorListener(errors::add)
            .build();
    try (Connection nc = Nats.connect(options)) {
      Subscription sub = nc.subscribe("bytes");
      nc.flush(WAIT);
      for (int i = 0; i < 20; i++) {
        nc.publish("bytes", new byte[100]);
      }
      nc.flush(WAIT);
      Await.until(() -> sub.deliveredMessages() == 20, WAIT, "all delivered");
      assertEquals(10, sub.pendingMessages());
      assertEquals(1000, sub.pendingBytes());
      assertEquals(10, sub.droppedMessages());
      Await.until(() -> errors.size() == 1, WAIT, "one slow consumer event");
    }
  }

  @Test
  void requestAfterCloseFailsWithConnectionClosed() {
    Connection nc = Nats.connect(server.clientUrl());
    nc.close();
    assertThrows(ConnectionClosedException.class, () -> nc.request("x", new byte[0], WAIT));
    assertThrows(ConnectionClosedException.class, () -> nc.flush(WAIT));
  }

  @Test
  void connectingToNothingFailsWithTheCause() {
    NatsException e = assertThrows(NatsException.class, () -> Nats.connect("nats://127.0.0.1:1"));
    assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
  }
}
