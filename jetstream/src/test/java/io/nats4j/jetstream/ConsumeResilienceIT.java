package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pull consume path under faults on one server: a restart, the consumer deleted, the server
 * frozen (SIGSTOP) past two heartbeats.
 */
class ConsumeResilienceIT extends StreamTestBase {

  ConsumeResilienceIT(NatsServer server) {
    super(server, "RES");
  }

  @BeforeEach
  void createFileStream() {
    createStream(StorageType.FILE);
  }

  private ConsumerContext durable(String name) {
    js.consumers()
        .create(
            stream,
            ConsumerConfig.builder()
                .durableName(name)
                .ackPolicy(AckPolicy.EXPLICIT)
                .ackWait(Duration.ofSeconds(2))
                .build());
    return js.consumer(stream, name);
  }

  @Test
  void consumeSurvivesAServerRestartWithEveryMessageProcessed() throws Exception {
    ConsumerContext c = durable("restart");
    publishNumbers("m", 1, 2000);
    Map<Integer, Long> lastDelivery = new ConcurrentHashMap<>();
    List<String> notRedelivered = new CopyOnWriteArrayList<>();
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch restarted = new CountDownLatch(1);
    AtomicInteger handled = new AtomicInteger();
    List<JetStreamException> terminal = new CopyOnWriteArrayList<>();
    List<Duration> missed = new CopyOnWriteArrayList<>();
    ConsumeErrorListener listener =
        new ConsumeErrorListener() {
          @Override
          public void terminated(JetStreamException error) {
            terminal.add(error);
          }

          @Override
          public void heartbeatsMissed(Duration silence) {
            missed.add(silence);
          }
        };
    ConsumeHandle h =
        c.consume(
            m -> {
              int id = Integer.parseInt(m.dataAsString());
              long delivery = m.metadata().numDelivered();
              Long before = lastDelivery.put(id, delivery);
              if (before != null && delivery <= before) {
                // handed out twice without a server redelivery
                notRedelivered.add(id + ": delivery " + delivery + " after " + before);
              }
              if (handled.incrementAndGet() == 1000) {
                halfway.countDown();
                await(restarted); // the server restarts while this handler holds a message
              }
              m.ack();
            },
            // heartbeats 20 s apart: a missed-heartbeat re-pull needs 40 s, so within the bound
            // below only the re-pull after the reconnect can bring the rest
            ConsumeOptions.builder()
                .batchSize(100)
                .expiresIn(Duration.ofSeconds(60))
                .idleHeartbeat(Duration.ofSeconds(20))
                .errorListener(listener)
                .build());
    assertTrue(halfway.await(30, TimeUnit.SECONDS), "half processed");
    long reconnects = nc.statistics().reconnects();
    server.restart();
    restarted.countDown();
    awaitReconnected(reconnects);
    publishNumbers("m", 2001, 500); // new messages after the restart flow too
    Await.until(
        () -> lastDelivery.size() == 2500,
        Duration.ofSeconds(25),
        "all 2500 processed (missed heartbeats " + missed + ")");
    assertTrue(terminal.isEmpty(), "not terminal: " + terminal);
    assertFalse(h.closed().isDone(), "still consuming");
    Await.until(() -> c.info().numAckPending() == 0, Duration.ofSeconds(30), "every ack landed");
    assertEquals(List.of(), notRedelivered, "a message twice only when the server redelivered it");
    long redelivered = lastDelivery.values().stream().filter(n -> n > 1).count();
    System.out.println(
        "ConsumeResilienceIT restart: 2500 processed, " + redelivered + " redelivered");
    h.drain().get(10, TimeUnit.SECONDS);
  }

  @Test
  void consumerDeletedWhileConsumingEndsTheConsumeOnceAndLeavesNoThread() throws Exception {
    ConsumerContext c = durable("doomed");
    publishNumbers("m", 1, 10);
    nc.defaultDispatcher(); // the connection's shared handler thread, not one of the consume's
    Set<String> threadsBefore = new HashSet<>(LibraryThreads.alive());
    Set<Integer> ids = ConcurrentHashMap.newKeySet();
    List<JetStreamException> terminal = new CopyOnWriteArrayList<>();
    ConsumeHandle h =
        c.consume(
            m -> {
              ids.add(Integer.parseInt(m.dataAsString()));
              m.ack();
            },
            ConsumeOptions.builder()
                .expiresIn(Duration.ofSeconds(2))
                .errorListener(
                    new ConsumeErrorListener() {
                      @Override
                      public void terminated(JetStreamException error) {
                        terminal.add(error);
                      }
                    })
                .build());
    Await.until(() -> ids.size() == 10, "10 processed");
    js.consumers().delete(stream, "doomed");
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> h.closed().get(15, TimeUnit.SECONDS));
    assertInstanceOf(JetStreamException.class, e.getCause());
    assertEquals(1, terminal.size(), "reported once: " + terminal);
    assertEquals(e.getCause(), terminal.get(0));
    Await.until(
        () -> threadsBefore.containsAll(LibraryThreads.alive()),
        "no thread left behind: " + LibraryThreads.alive() + " vs " + threadsBefore);
    h.drain().get(1, TimeUnit.SECONDS); // never fails
  }

  @Test
  void pausedServerIsAMissedHeartbeatEventAndConsumeRecoversAfterSigcont() {
    ConsumerContext c = durable("frozen");
    List<Duration> missed = new CopyOnWriteArrayList<>();
    Set<Integer> ids = ConcurrentHashMap.newKeySet();
    Duration heartbeat = Duration.ofMillis(500);
    try (ConsumeHandle h =
        c.consume(
            m -> {
              ids.add(Integer.parseInt(m.dataAsString()));
              m.ack();
            },
            ConsumeOptions.builder()
                .expiresIn(Duration.ofSeconds(5))
                .idleHeartbeat(heartbeat)
                .errorListener(
                    new ConsumeErrorListener() {
                      @Override
                      public void heartbeatsMissed(Duration silence) {
                        missed.add(silence);
                      }
                    })
                .build())) {
      publishNumbers("m", 1, 20);
      Await.until(() -> ids.size() == 20, "20 processed before the pause");
      server.pause();
      try {
        Await.until(() -> !missed.isEmpty(), "missed heartbeats reported while frozen");
      } finally {
        server.resume();
      }
      assertTrue(
          missed.get(0).compareTo(heartbeat.multipliedBy(2)) >= 0,
          "only after two heartbeats: " + missed.get(0));
      publishNumbers("m", 21, 20);
      Await.until(() -> ids.size() == 40, Duration.ofSeconds(30), "consume recovered");
      assertFalse(h.closed().isDone());
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
