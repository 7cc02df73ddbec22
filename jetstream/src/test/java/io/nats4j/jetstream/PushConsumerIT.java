package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.Nats;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Push consumers through the public API, against the real server. */
class PushConsumerIT extends StreamTestBase {

  PushConsumerIT(NatsServer server) {
    super(server, "PUSHAPI");
  }

  @BeforeEach
  void createMemoryStream() {
    createStream(StorageType.MEMORY);
  }

  private void createPush(String name, ConsumerConfig.Builder config) {
    js.consumers()
        .create(
            stream,
            config.durableName(name).deliverSubject("deliver." + stream + "." + name).build());
  }

  private static int idOf(JsMessage m) {
    return Integer.parseInt(m.dataAsString());
  }

  @Test
  void consumeWithExplicitAcksProcessesEveryMessageOnceWithItsMetadata() throws Exception {
    createPush(
        "acks",
        ConsumerConfig.builder()
            .ackPolicy(AckPolicy.EXPLICIT)
            .idleHeartbeat(Duration.ofSeconds(1))
            .flowControl(true));
    PushConsumer pc = js.pushConsumer(stream, "acks");
    assertEquals("acks", pc.name());
    assertEquals(stream, pc.stream());
    publishNumbers("m", 1, 500);
    List<Integer> ids = new CopyOnWriteArrayList<>();
    List<Long> streamSeqs = new CopyOnWriteArrayList<>();
    ConsumeHandle h =
        pc.consume(
            m -> {
              ids.add(idOf(m));
              streamSeqs.add(m.metadata().streamSequence());
              assertEquals(stream, m.metadata().stream());
              assertEquals("acks", m.metadata().consumer());
              m.ack();
            });
    Await.until(() -> ids.size() >= 500, "500 handled");
    Await.until(() -> pc.info().numAckPending() == 0, "every ack reached the server");
    ConsumerInfo after = pc.info();
    assertEquals(500, after.delivered().streamSeq());
    assertEquals(0, after.numRedelivered());
    assertEquals(500, ids.size(), "no redelivery");
    for (int i = 0; i < 500; i++) {
      assertEquals(i + 1, ids.get(i));
      assertEquals(i + 1, streamSeqs.get(i));
    }
    h.drain().get(10, TimeUnit.SECONDS);
    assertTrue(h.closed().isDone());
  }

  @Test
  void pushConsumerOnAPullConsumerIsAClearErrorAndTheConnectionStaysUsable() {
    js.consumers().create(stream, ConsumerConfig.builder().durableName("puller").build());
    JetStreamException e =
        assertThrows(JetStreamException.class, () -> js.pushConsumer(stream, "puller"));
    assertTrue(e.getMessage().contains("is a pull consumer"), e.getMessage());
    assertTrue(e.getMessage().contains("JetStream.consumer(stream, name)"), e.getMessage());
    assertEquals(0, js.consumers().info(stream, "puller").numPending());
  }

  @Test
  void pullCallsOnAPushConsumerAreAClearError() {
    createPush("pushed", ConsumerConfig.builder().ackPolicy(AckPolicy.NONE));
    ConsumerContext c = js.consumer(stream, "pushed");
    JetStreamException e = assertThrows(JetStreamException.class, () -> c.consume(m -> {}));
    assertTrue(e.getMessage().contains("is a push consumer"), e.getMessage());
    assertThrows(JetStreamException.class, () -> c.fetch(FetchOptions.messages(1)));
    assertThrows(JetStreamException.class, () -> c.messages());
    assertFalse(js.consumers().info(stream, "pushed").pushBound(), "nothing subscribed");
  }

  @Test
  void consumeSurvivesAServerRestartWithEveryMessageProcessed() throws Exception {
    String fileStream = stream + "F";
    js.streams()
        .create(
            StreamConfig.builder(fileStream)
                .subjects(subject + "f")
                .storage(StorageType.FILE)
                .build());
    js.consumers()
        .create(
            fileStream,
            ConsumerConfig.builder()
                .durableName("durable")
                .deliverSubject("deliver." + fileStream)
                .ackPolicy(AckPolicy.EXPLICIT)
                .ackWait(Duration.ofSeconds(2))
                .idleHeartbeat(Duration.ofMillis(500))
                .flowControl(true)
                .build());
    for (int i = 1; i <= 1000; i++) {
      js.publishAsync(subject + "f", Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
    }
    js.waitForOutstandingAcks(Duration.ofSeconds(30));
    Set<Integer> ids = ConcurrentHashMap.newKeySet();
    CountDownLatch halfway = new CountDownLatch(1);
    CountDownLatch restarted = new CountDownLatch(1);
    List<JetStreamException> terminal = new CopyOnWriteArrayList<>();
    ConsumeHandle h =
        js.pushConsumer(fileStream, "durable")
            .consume(
                m -> {
                  ids.add(idOf(m));
                  if (ids.size() == 500) {
                    halfway.countDown();
                    try {
                      restarted.await(60, TimeUnit.SECONDS); // held across the restart
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                  m.ack();
                },
                PushConsumeOptions.builder()
                    .errorListener(
                        new ConsumeErrorListener() {
                          @Override
                          public void terminated(JetStreamException error) {
                            terminal.add(error);
                          }
                        })
                    .build());
    assertTrue(halfway.await(30, TimeUnit.SECONDS));
    long reconnects = nc.statistics().reconnects();
    server.restart();
    restarted.countDown();
    awaitReconnected(reconnects);
    for (int i = 1001; i <= 1200; i++) {
      js.publishAsync(subject + "f", Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
    }
    js.waitForOutstandingAcks(Duration.ofSeconds(30));
    Await.until(() -> ids.size() == 1200, Duration.ofSeconds(60), "all 1200 processed");
    assertTrue(terminal.isEmpty(), "not terminal: " + terminal);
    assertFalse(h.closed().isDone());
    h.stop();
    js.streams().delete(fileStream);
  }

  @Test
  void closingTheConnectionEndsConsumeAndIteratorWithATerminalError() throws Exception {
    createPush("closing", ConsumerConfig.builder().ackPolicy(AckPolicy.NONE));
    createPush("closing2", ConsumerConfig.builder().ackPolicy(AckPolicy.NONE));
    Connection own = Nats.connect(server.clientUrl());
    JetStream ownJs = JetStream.of(own);
    List<JetStreamException> terminal = new CopyOnWriteArrayList<>();
    ConsumeHandle h =
        ownJs
            .pushConsumer(stream, "closing")
            .consume(
                m -> {},
                PushConsumeOptions.builder()
                    .errorListener(
                        new ConsumeErrorListener() {
                          @Override
                          public void terminated(JetStreamException error) {
                            terminal.add(error);
                          }
                        })
                    .build());
    ConsumerMessages it = ownJs.pushConsumer(stream, "closing2").messages();
    own.close();
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> h.closed().get(10, TimeUnit.SECONDS));
    assertTrue(
        e.getCause().getMessage().contains("connection was closed"), e.getCause().getMessage());
    assertEquals(1, terminal.size());
    JetStreamException next =
        assertThrows(JetStreamException.class, () -> it.next(Duration.ofSeconds(5)));
    assertTrue(next.getMessage().contains("connection was closed"), next.getMessage());
    ownJs.close();
  }

  @Test
  void missingConsumerIsTheServersNotFoundError() {
    JetStreamApiException e =
        assertThrows(JetStreamApiException.class, () -> js.pushConsumer(stream, "nobody"));
    assertEquals(JetStreamApiException.CONSUMER_NOT_FOUND, e.errorCode());
    assertThrows(IllegalArgumentException.class, () -> js.pushConsumer(stream, "bad.name"));
  }

  @Test
  void secondSubscriberOfAConsumerWithoutDeliverGroupIsRefused() {
    createPush("single", ConsumerConfig.builder().ackPolicy(AckPolicy.NONE));
    PushConsumer pc = js.pushConsumer(stream, "single");
    try (ConsumeHandle first = pc.consume(m -> {})) {
      nc.flush(Duration.ofSeconds(5));
      Await.until(() -> pc.info().pushBound(), "the server sees the subscriber");
      JetStreamException e = assertThrows(JetStreamException.class, () -> pc.consume(m -> {}));
      assertTrue(e.getMessage().contains("already has a subscriber"), e.getMessage());
      assertThrows(JetStreamException.class, pc::messages);
    }
  }

  @Test
  void deliverGroupMembersShareTheMessages() {
    createPush("shared", ConsumerConfig.builder().ackPolicy(AckPolicy.EXPLICIT).deliverGroup("g"));
    PushConsumer pc = js.pushConsumer(stream, "shared");
    List<Integer> a = new CopyOnWriteArrayList<>();
    List<Integer> b = new CopyOnWriteArrayList<>();
    Dispatcher second = nc.createDispatcher("second");
    try (ConsumeHandle ha =
            pc.consume(
                m -> {
                  a.add(idOf(m));
                  m.ack();
                });
        ConsumeHandle hb =
            pc.consume(
                m -> {
                  b.add(idOf(m));
                  m.ack();
                },
                PushConsumeOptions.builder().dispatcher(second).build())) {
      nc.flush(Duration.ofSeconds(5));
      publishNumbers("m", 1, 300);
      Await.until(() -> a.size() + b.size() >= 300, "300 handled by the group");
      Set<Integer> all = new HashSet<>(a);
      all.addAll(b);
      assertEquals(300, all.size());
      assertEquals(300, a.size() + b.size(), "none twice");
      assertFalse(a.isEmpty());
      assertFalse(b.isEmpty());
    } finally {
      second.close();
    }
  }

  @Test
  void handlerFailureIsReportedAndTheNextMessageFollows() {
    createPush("fails", ConsumerConfig.builder().ackPolicy(AckPolicy.NONE));
    List<Integer> failed = new CopyOnWriteArrayList<>();
    List<Integer> handled = new CopyOnWriteArrayList<>();
    ConsumeErrorListener listener =
        new ConsumeErrorListener() {
          @Override
          public void handlerFailed(JsMessage message, Throwable error) {
            failed.add(idOf(message));
          }
        };
    try (ConsumeHandle h =
        js.pushConsumer(stream, "fails")
            .consume(
                m -> {
                  handled.add(idOf(m));
                  if (idOf(m) % 2 == 0) {
                    throw new IllegalStateException("even");
                  }
                },
                PushConsumeOptions.builder().errorListener(listener).build())) {
      publishNumbers("m", 1, 10);
      // the listener runs after the handler threw: wait for the reports, not for the handler calls
      Await.until(() -> failed.size() >= 5, "5 failures reported, got " + failed);
      assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), handled, "each message once, in order");
      assertEquals(List.of(2, 4, 6, 8, 10), failed);
    }
  }

  @Test
  void missedHeartbeatsAreReportedOnTheConnectionsEventsThread() {
    createPush(
        "hbthread",
        ConsumerConfig.builder().ackPolicy(AckPolicy.NONE).idleHeartbeat(Duration.ofMillis(500)));
    List<String> threads = new CopyOnWriteArrayList<>();
    ConsumeErrorListener listener =
        new ConsumeErrorListener() {
          @Override
          public void heartbeatsMissed(Duration silence) {
            threads.add(Thread.currentThread().getName());
          }
        };
    try (ConsumeHandle h =
        js.pushConsumer(stream, "hbthread")
            .consume(m -> {}, PushConsumeOptions.builder().errorListener(listener).build())) {
      server.pause();
      try {
        Await.until(() -> !threads.isEmpty(), "missed heartbeats reported while paused");
      } finally {
        server.resume();
      }
    }
    // user callbacks run on the connection's own threads (docs/THREADING.md), never on a timer
    assertTrue(threads.get(0).startsWith("nats4j-events-"), threads.toString());
  }

  @Test
  void messagesIteratorReadsAndAcksAndEndsWhenStopped() {
    createPush(
        "iter",
        ConsumerConfig.builder()
            .ackPolicy(AckPolicy.EXPLICIT)
            .idleHeartbeat(Duration.ofSeconds(1)));
    publishNumbers("m", 1, 50);
    List<Integer> ids = new ArrayList<>();
    ConsumerMessages it = js.pushConsumer(stream, "iter").messages();
    Optional<JsMessage> m;
    while (ids.size() < 50 && (m = it.next(Duration.ofSeconds(5))).isPresent()) {
      ids.add(idOf(m.get()));
      m.get().ack();
    }
    assertEquals(50, ids.size());
    assertTrue(it.next(Duration.ofMillis(100)).isEmpty(), "nothing more");
    it.close();
    assertThrows(IllegalStateException.class, () -> it.next(Duration.ZERO));
    Await.until(
        () -> js.consumers().info(stream, "iter").numAckPending() == 0, "all acked on the server");
  }

  @Test
  void consumerDeletedWhileConsumingIsTerminalAndLeavesNoThread() throws Exception {
    createPush(
        "doomed",
        ConsumerConfig.builder().ackPolicy(AckPolicy.NONE).idleHeartbeat(Duration.ofMillis(300)));
    List<String> events = new CopyOnWriteArrayList<>();
    ConsumeErrorListener listener =
        new ConsumeErrorListener() {
          @Override
          public void heartbeatsMissed(Duration silence) {
            events.add("missed");
          }

          @Override
          public void terminated(JetStreamException error) {
            events.add("terminated: " + error.getMessage());
          }
        };
    Dispatcher own = nc.createDispatcher("doomed");
    List<Integer> ids = new CopyOnWriteArrayList<>();
    ConsumeHandle h =
        js.pushConsumer(stream, "doomed")
            .consume(
                m -> ids.add(idOf(m)),
                PushConsumeOptions.builder().dispatcher(own).errorListener(listener).build());
    publishNumbers("m", 1, 5);
    Await.until(() -> ids.size() == 5, "5 handled");
    js.consumers().delete(stream, "doomed");
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> h.closed().get(10, TimeUnit.SECONDS));
    assertInstanceOf(JetStreamException.class, e.getCause());
    assertEquals("missed", events.get(0));
    assertEquals(2, events.size(), "one terminal report: " + events);
    assertTrue(events.get(1).contains("no longer exists"), events.get(1));
    h.drain().get(1, TimeUnit.SECONDS); // never fails, even after a terminal error
    own.close();
    Await.until(
        () -> LibraryThreads.alive().stream().noneMatch(t -> t.contains("doomed")),
        "the consume's dispatcher thread ended");
  }
}
