package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@NatsServerTest
class SubscriptionLifecycleIT {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final NatsServer server;

  SubscriptionLifecycleIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void unsubscribeStopsDelivery() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription sub = nc.subscribe("unsub");
      Subscription witness = nc.subscribe("unsub");
      nc.flush(WAIT);
      nc.publish("unsub", "1");
      assertEquals("1", sub.next(WAIT).dataAsString());
      sub.unsubscribe();
      nc.publish("unsub", "2");
      witness.next(WAIT);
      assertEquals("2", witness.next(WAIT).dataAsString());
      assertFalse(sub.isActive());
      assertThrows(IllegalStateException.class, () -> sub.next(Duration.ofMillis(10)));
      sub.unsubscribe(); // idempotent
    }
  }

  @Test
  void autoUnsubscribeAfterN() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription sub = nc.subscribe("auto");
      sub.unsubscribe(3);
      nc.flush(WAIT);
      for (int i = 0; i < 10; i++) {
        nc.publish("auto", Integer.toString(i));
      }
      nc.flush(WAIT);
      for (int i = 0; i < 3; i++) {
        assertEquals(Integer.toString(i), sub.next(WAIT).dataAsString());
      }
      assertThrows(IllegalStateException.class, () -> sub.next(Duration.ofMillis(100)));
      assertFalse(sub.isActive());
      assertEquals(3, sub.deliveredMessages());
    }
  }

  @Test
  void autoUnsubscribeOnADispatcher() throws Exception {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      AtomicInteger count = new AtomicInteger();
      CountDownLatch five = new CountDownLatch(5);
      Subscription sub =
          nc.defaultDispatcher()
              .subscribe(
                  "auto.async",
                  m -> {
                    count.incrementAndGet();
                    five.countDown();
                  });
      sub.unsubscribe(5);
      nc.flush(WAIT);
      for (int i = 0; i < 20; i++) {
        nc.publish("auto.async", "x");
      }
      assertTrue(five.await(5, TimeUnit.SECONDS));
      nc.flush(WAIT);
      Await.until(() -> !sub.isActive(), WAIT, "subscription inactive after 5 messages");
      assertEquals(5, count.get());
    }
  }

  @Test
  void drainOfASubscriptionDeliversEverythingAlreadySent() throws Exception {
    try (Connection nc = Nats.connect(server.clientUrl());
        Connection publisher = Nats.connect(server.clientUrl())) {
      List<String> got = new CopyOnWriteArrayList<>();
      CountDownLatch release = new CountDownLatch(1);
      Subscription sub =
          nc.createDispatcher("slow")
              .subscribe(
                  "drain.me",
                  m -> {
                    release.await();
                    got.add(m.dataAsString());
                  });
      nc.flush(WAIT);
      for (int i = 0; i < 1000; i++) {
        publisher.publish("drain.me", Integer.toString(i));
      }
      publisher.flush(WAIT);
      Await.until(() -> sub.deliveredMessages() == 1000, WAIT, "all 1000 reached the client");
      CompletableFuture<Void> drained = sub.drain(WAIT);
      assertFalse(drained.isDone());
      release.countDown();
      drained.get(5, TimeUnit.SECONDS);
      assertEquals(1000, got.size());
      for (int i = 0; i < 1000; i++) {
        assertEquals(Integer.toString(i), got.get(i));
      }
      publisher.publish("drain.me", "late");
      publisher.flush(WAIT);
      nc.flush(WAIT);
      assertEquals(1000, got.size());
      assertFalse(sub.isActive());
    }
  }

  @Test
  void drainOfASyncSubscriptionCompletesWhenEmptied() throws Exception {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription sub = nc.subscribe("drain.sync");
      nc.flush(WAIT);
      for (int i = 0; i < 5; i++) {
        nc.publish("drain.sync", Integer.toString(i));
      }
      nc.flush(WAIT);
      CompletableFuture<Void> drained = sub.drain(WAIT);
      List<String> got = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        got.add(sub.next(WAIT).dataAsString());
      }
      drained.get(5, TimeUnit.SECONDS);
      assertEquals(List.of("0", "1", "2", "3", "4"), got);
    }
  }

  @Test
  void drainTimesOutWithATimeoutException() throws Exception {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Subscription sub = nc.subscribe("drain.stuck");
      nc.flush(WAIT);
      nc.publish("drain.stuck", "never taken");
      nc.flush(WAIT);
      CompletableFuture<Void> drained = sub.drain(Duration.ofMillis(200));
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> drained.get(5, TimeUnit.SECONDS));
      assertInstanceOf(NatsTimeoutException.class, e.getCause());
    }
  }

  @Test
  void drainOfTheConnectionLosesNoMessageAndCloses() throws Exception {
    List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
    Connection nc =
        Nats.connect(
            Options.builder().server(server.clientUrl()).connectionListener(events::add).build());
    try (Connection publisher = Nats.connect(server.clientUrl())) {
      AtomicInteger handled = new AtomicInteger();
      nc.createDispatcher("d")
          .subscribe(
              "conn.drain",
              m -> {
                handled.incrementAndGet();
              });
      Subscription sync = nc.subscribe("conn.drain.sync");
      nc.flush(WAIT);
      for (int i = 0; i < 5000; i++) {
        publisher.publish("conn.drain", "x");
      }
      publisher.publish("conn.drain.sync", "y");
      publisher.flush(WAIT);
      Await.until(() -> nc.statistics().inMessages() == 5001, WAIT, "all messages arrived");
      CompletableFuture<Void> drained = nc.drain(WAIT);
      assertEquals("y", sync.next(WAIT).dataAsString());
      drained.get(5, TimeUnit.SECONDS);
      assertEquals(5000, handled.get());
      assertEquals(ConnectionStatus.CLOSED, nc.status());
      Await.until(
          () -> events.stream().anyMatch(e -> e instanceof ConnectionEvent.Closed),
          WAIT,
          "Closed event");
    }
  }

  @Test
  void dispatcherCloseUnsubscribesItsSubscriptions() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      Dispatcher d = nc.createDispatcher();
      Subscription s = d.subscribe("dclose", m -> {});
      d.close();
      assertFalse(s.isActive());
      assertThrows(ConnectionClosedException.class, () -> d.subscribe("x", m -> {}));
    }
  }
}
