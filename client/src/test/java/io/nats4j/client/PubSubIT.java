package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@NatsServerTest
class PubSubIT {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final NatsServer server;

  PubSubIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void connectsAndExposesServerInfo() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      assertEquals(ConnectionStatus.CONNECTED, nc.status());
      ServerInfo info = nc.serverInfo();
      assertEquals(server.version(), info.version());
      assertTrue(info.headers());
      assertEquals(1024 * 1024, info.maxPayload());
      assertFalse(info.serverId().isEmpty());
      assertEquals(server.clientUrl(), nc.connectedUrl());
      nc.flush(WAIT);
    }
  }

  @Test
  void closeMovesToClosedAndRejectsPublishing() {
    Connection nc = Nats.connect(server.clientUrl());
    nc.close();
    assertEquals(ConnectionStatus.CLOSED, nc.status());
    assertThrows(ConnectionClosedException.class, () -> nc.publish("a", "b"));
    assertThrows(ConnectionClosedException.class, () -> nc.subscribe("a"));
    nc.close(); // idempotent
  }

  @Test
  void publishedMessagesReachSyncSubscriberInOrder() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription sub = nc.subscribe("orders.new");
      nc.flush(WAIT);
      for (int i = 0; i < 100; i++) {
        nc.publish("orders.new", "order-" + i);
      }
      for (int i = 0; i < 100; i++) {
        Message m = sub.next(WAIT);
        assertEquals("orders.new", m.subject());
        assertEquals("order-" + i, m.dataAsString());
        assertNull(m.replyTo());
        assertFalse(m.hasHeaders());
        assertEquals(0, m.statusCode());
        assertTrue(m.headers().isEmpty());
        assertEquals(sub, m.subscription());
      }
      assertThrows(NatsTimeoutException.class, () -> sub.next(Duration.ofMillis(50)));
    }
  }

  @Test
  void wildcardsMatchOneTokenOrTheRest() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription star = nc.subscribe("sensors.*.temp");
      Subscription tail = nc.subscribe("sensors.>");
      nc.flush(WAIT);
      nc.publish("sensors.a.temp", "1");
      nc.publish("sensors.b.humidity", "2");
      nc.publish("sensors.c.temp.raw", "3");
      nc.flush(WAIT);
      assertEquals("sensors.a.temp", star.next(WAIT).subject());
      assertThrows(NatsTimeoutException.class, () -> star.next(Duration.ofMillis(100)));
      List<String> got = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        got.add(tail.next(WAIT).subject());
      }
      assertEquals(List.of("sensors.a.temp", "sensors.b.humidity", "sensors.c.temp.raw"), got);
    }
  }

  @Test
  void queueGroupDeliversEachMessageToOneMember() throws Exception {
    try (Connection nc = Nats.connect(server.clientUrl());
        Connection publisher = Nats.connect(server.clientUrl())) {
      int total = 200;
      CountDownLatch all = new CountDownLatch(total);
      Set<String> seen = ConcurrentHashMap.newKeySet();
      AtomicInteger duplicates = new AtomicInteger();
      AtomicInteger first = new AtomicInteger();
      AtomicInteger second = new AtomicInteger();
      Dispatcher d1 = nc.createDispatcher("q1");
      Dispatcher d2 = nc.createDispatcher("q2");
      d1.subscribe(
          "jobs",
          "workers",
          m -> {
            first.incrementAndGet();
            if (!seen.add(m.dataAsString())) {
              duplicates.incrementAndGet();
            }
            all.countDown();
          });
      d2.subscribe(
          "jobs",
          "workers",
          m -> {
            second.incrementAndGet();
            if (!seen.add(m.dataAsString())) {
              duplicates.incrementAndGet();
            }
            all.countDown();
          });
      nc.flush(WAIT);
      for (int i = 0; i < total; i++) {
        publisher.publish("jobs", "job-" + i);
      }
      assertTrue(all.await(5, TimeUnit.SECONDS));
      publisher.flush(WAIT);
      nc.flush(WAIT);
      assertEquals(0, duplicates.get());
      assertEquals(total, first.get() + second.get());
      assertTrue(first.get() > 0 && second.get() > 0, first + " / " + second);
    }
  }

  @Test
  void headersRoundTripMultiValuedWithCasePreserved() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription sub = nc.subscribe("with.headers");
      nc.flush(WAIT);
      Headers headers = new Headers().add("X-Trace", "a", "b").add("x-trace", "lower");
      headers.put("Content-Type", "text/plain");
      nc.publish("with.headers", "reply.here", headers, "body".getBytes(StandardCharsets.UTF_8));
      Message m = sub.next(WAIT);
      assertTrue(m.hasHeaders());
      assertEquals("reply.here", m.replyTo());
      assertEquals(List.of("a", "b"), m.headers().get("X-Trace"));
      assertEquals(List.of("lower"), m.headers().get("x-trace"));
      assertEquals("text/plain", m.headers().first("Content-Type"));
      assertNull(m.headers().first("content-type"));
      assertEquals("body", m.dataAsString());
      assertThrows(UnsupportedOperationException.class, () -> m.headers().add("A", "b"));
    }
  }

  @Test
  void publishMessageBuiltWithBuilder() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription sub = nc.subscribe("built");
      nc.flush(WAIT);
      nc.publish(
          Message.builder("built")
              .replyTo("r")
              .headers(new Headers().add("K", "v"))
              .data("x")
              .build());
      Message m = sub.next(WAIT);
      assertEquals("v", m.headers().first("K"));
      assertEquals("r", m.replyTo());
      assertEquals("x", m.dataAsString());
    }
  }

  @Test
  void dispatcherHandlersReceiveMessages() throws Exception {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      CountDownLatch got = new CountDownLatch(10);
      List<String> bodies = new ArrayList<>();
      nc.defaultDispatcher()
          .subscribe(
              "async",
              m -> {
                bodies.add(m.dataAsString());
                got.countDown();
              });
      nc.flush(WAIT);
      for (int i = 0; i < 10; i++) {
        nc.publish("async", Integer.toString(i));
      }
      assertTrue(got.await(5, TimeUnit.SECONDS));
      assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), bodies);
      assertThrows(IllegalStateException.class, () -> nc.defaultDispatcher().close());
    }
  }

  @Test
  void largePayloadsOfOneMebibyteArriveIntact() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription sub = nc.subscribe("big");
      nc.flush(WAIT);
      byte[] payload = new byte[1024 * 1024];
      for (int i = 0; i < payload.length; i++) {
        payload[i] = (byte) (i * 31);
      }
      for (int i = 0; i < 3; i++) {
        nc.publish("big", payload);
      }
      for (int i = 0; i < 3; i++) {
        assertArrayEquals(payload, sub.next(WAIT).data());
      }
    }
  }

  @Test
  void tenThousandSubscriptionsOnOneConnection() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      List<Subscription> subs = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        subs.add(nc.subscribe("many." + i));
      }
      nc.flush(WAIT);
      for (int i = 0; i < 10_000; i++) {
        nc.publish("many." + i, Integer.toString(i));
      }
      for (int i = 0; i < 10_000; i++) {
        assertEquals(Integer.toString(i), subs.get(i).next(WAIT).dataAsString());
      }
    }
  }

  @Test
  void statisticsCountBothDirections() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription sub = nc.subscribe("stats");
      nc.flush(WAIT);
      nc.publish("stats", new byte[10]);
      nc.publish("stats", new byte[20]);
      sub.next(WAIT);
      sub.next(WAIT);
      nc.flush(WAIT);
      Statistics s = nc.statistics();
      assertEquals(2, s.outMessages());
      assertEquals(30, s.outBytes());
      assertEquals(2, s.inMessages());
      assertEquals(30, s.inBytes());
      assertEquals(0, s.reconnects());
    }
  }

  @Test
  void flushReturnsOnlyOnceTheServerHasProcessedEverythingPublishedBefore() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription sub = nc.subscribe("flush.guarantee");
      nc.flush(WAIT);
      int count = 20_000;
      for (int i = 0; i < count; i++) {
        nc.publish("flush.guarantee", new byte[100]);
      }
      nc.flush(WAIT);
      // the server sent every message to this connection before the PONG, and the reader queues
      // messages before it completes a PONG: all must be here without waiting
      assertEquals(count, sub.pendingMessages());
    }
  }

  @Test
  void flushAndRtt() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      nc.flush(WAIT);
      Duration rtt = nc.rtt();
      assertNotNull(rtt);
      assertTrue(rtt.toMillis() < 1000, rtt.toString());
    }
  }
}
