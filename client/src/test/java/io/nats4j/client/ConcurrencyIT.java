package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@NatsServerTest
class ConcurrencyIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final NatsServer server;

  ConcurrencyIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void concurrentPublishersKeepTheirOwnOrderAndLoseNothing() throws Exception {
    int threads = 4;
    int perThread = 25_000;
    try (Connection publisher = Nats.connect(server.clientUrl());
        Connection subscriber = Nats.connect(server.clientUrl())) {
      int[] next = new int[threads];
      AtomicInteger outOfOrder = new AtomicInteger();
      CountDownLatch all = new CountDownLatch(threads * perThread);
      Subscription sub =
          subscriber
              .createDispatcher("check")
              .subscribe(
                  "conc.>",
                  m -> {
                    int t = m.subject().charAt(5) - '0';
                    int seq = Integer.parseInt(m.dataAsString());
                    if (seq != next[t]) {
                      outOfOrder.incrementAndGet();
                    }
                    next[t] = seq + 1;
                    all.countDown();
                  });
      sub.setPendingLimits(0, 0);
      subscriber.flush(WAIT);
      List<CompletableFuture<Void>> publishers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String subject = "conc." + t;
        publishers.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    publisher.publish(subject, Integer.toString(i));
                  }
                }));
      }
      CompletableFuture.allOf(publishers.toArray(CompletableFuture[]::new))
          .get(30, TimeUnit.SECONDS);
      publisher.flush(WAIT);
      assertTrue(all.await(30, TimeUnit.SECONDS), "received " + sub.deliveredMessages());
      assertEquals(0, outOfOrder.get());
      assertEquals(threads * perThread, publisher.statistics().outMessages());
    }
  }

  @Test
  void concurrentRequestersEachGetTheirOwnReply() throws Exception {
    try (Connection responder = Nats.connect(server.clientUrl());
        Connection requester = Nats.connect(server.clientUrl())) {
      responder.createDispatcher("r").subscribe("conc.echo", m -> m.respond(m.data()));
      responder.flush(WAIT);
      List<CompletableFuture<Void>> workers = new ArrayList<>();
      AtomicInteger wrong = new AtomicInteger();
      for (int t = 0; t < 4; t++) {
        int id = t;
        workers.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < 500; i++) {
                    String body = id + ":" + i;
                    Message reply = requester.request("conc.echo", body.getBytes(), WAIT);
                    if (!reply.dataAsString().equals(body)) {
                      wrong.incrementAndGet();
                    }
                  }
                }));
      }
      CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      assertEquals(0, wrong.get());
    }
  }

  @Test
  void secondSeedIsUsedWhenTheFirstIsUnreachable() {
    try (Connection nc = Nats.connect("nats://127.0.0.1:1," + server.clientUrl())) {
      assertEquals("nats://127.0.0.1:" + server.port(), nc.connectedUrl());
      nc.flush(WAIT);
    }
  }

  @Test
  void closeFromInsideAHandlerIsAllowed() throws Exception {
    Connection nc = Nats.connect(server.clientUrl());
    CountDownLatch closed = new CountDownLatch(1);
    nc.createDispatcher("closer")
        .subscribe(
            "close.me",
            m -> {
              nc.close();
              closed.countDown();
            });
    nc.flush(WAIT);
    nc.publish("close.me", "now");
    assertTrue(closed.await(10, TimeUnit.SECONDS));
    assertEquals(ConnectionStatus.CLOSED, nc.status());
  }

  @Test
  void hundredConnectCloseCyclesLeaveNoThreadBehind() throws Exception {
    for (int i = 0; i < 100; i++) {
      try (Connection nc = Nats.connect(server.clientUrl())) {
        nc.defaultDispatcher().subscribe("cycle", m -> m.respond("ok"));
        nc.createDispatcher("extra").subscribe("cycle.other", m -> {});
        Subscription sync = nc.subscribe("cycle.sync");
        nc.publish("cycle.sync", "x");
        assertEquals("ok", nc.request("cycle", new byte[0], WAIT).dataAsString());
        assertEquals("x", sync.next(WAIT).dataAsString());
      }
    }
    LibraryThreads.assertNoneLeaked();
  }
}
