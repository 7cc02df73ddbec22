package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.NatsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderedConsumerIT extends StreamTestBase {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final List<String> resets = new CopyOnWriteArrayList<>();
  private final ConsumeErrorListener listener =
      new ConsumeErrorListener() {
        @Override
        public void orderedReset(String reason, long next) {
          resets.add(reason + " @" + next);
        }
      };

  OrderedConsumerIT(NatsServer server) {
    super(server, "ORD");
  }

  @BeforeEach
  void clearResets() {
    resets.clear();
  }

  private void publish(String last, int count) {
    for (int i = 0; i < count; i++) {
      js.publish(subject(last), ("m" + i).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }

  private ConsumeOptions options() {
    return ConsumeOptions.builder()
        .batchSize(20)
        .expiresIn(Duration.ofSeconds(2))
        .errorListener(listener)
        .build();
  }

  /**
   * Heartbeats far longer than {@link #WAIT}: a missed-heartbeat reset cannot come in time, so only
   * the reaction to the reconnect itself can recover within the tests' bound.
   */
  private ConsumeOptions slowHeartbeatOptions() {
    return ConsumeOptions.builder()
        .batchSize(20)
        .expiresIn(Duration.ofSeconds(120))
        .idleHeartbeat(Duration.ofSeconds(60))
        .errorListener(listener)
        .build();
  }

  @ParameterizedTest
  @EnumSource(StorageType.class)
  void consumesInOrderSkippingADeletedMessage(StorageType storage) {
    createStream(storage);
    publish("a", 10);
    js.streams().deleteMessage(stream, 5);
    OrderedConsumer oc = js.orderedConsumer(stream, OrderedConsumerConfig.builder().build());
    assertNull(oc.currentInfo());
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    try (ConsumeHandle h = oc.consume(m -> seen.add(m.metadata().streamSequence()), options())) {
      assertEquals(9, oc.currentInfo().numPending());
      Await.until(() -> seen.size() >= 9, WAIT, "9 messages");
      publish("a", 2);
      Await.until(() -> seen.size() >= 11, WAIT, "11 messages");
    }
    List<Long> expected = range(1, 12);
    expected.remove(4);
    assertEquals(expected, seen);
  }

  @Test
  void emptyRangeIsVisibleAtOnceAndMessagesCannotBeAcked() throws Exception {
    createStream(StorageType.MEMORY);
    OrderedConsumer oc =
        js.orderedConsumer(
            stream, OrderedConsumerConfig.builder().filterSubjects(subject("x")).build());
    List<JsMessage> seen = new CopyOnWriteArrayList<>();
    try (ConsumeHandle h = oc.consume(seen::add, options())) {
      ConsumerInfo info = oc.currentInfo();
      assertNotNull(info);
      assertEquals(0, info.numPending());
      assertEquals(AckPolicy.NONE, info.config().ackPolicy());
      assertTrue(info.config().memStorage());
      assertEquals(1, info.config().numReplicas());
      publish("y", 1);
      publish("x", 1);
      Await.until(() -> seen.size() == 1, WAIT, "one message");
      JsMessage m = seen.get(0);
      assertEquals(subject("x"), m.subject());
      IllegalStateException e = assertThrows(IllegalStateException.class, m::ack);
      assertTrue(e.getMessage().contains("ack policy is none"), e.getMessage());
      assertThrows(IllegalStateException.class, () -> oc.messages(), "one read at a time");
    }
  }

  @Test
  void survivesAServerRestartWithTheExactSequence() {
    createStream(StorageType.FILE);
    publish("a", 50);
    OrderedConsumer oc = js.orderedConsumer(stream, OrderedConsumerConfig.builder().build());
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    try (ConsumeHandle h =
        oc.consume(m -> seen.add(m.metadata().streamSequence()), slowHeartbeatOptions())) {
      Await.until(() -> seen.size() >= 50, WAIT, "first 50");
      String before = oc.currentInfo().name();
      long reconnects = nc.statistics().reconnects();
      server.restart();
      awaitReconnected(reconnects);
      publish("a", 50);
      Await.until(() -> seen.size() >= 100, WAIT, "100 messages, got " + seen.size());
      assertFalse(before.equals(oc.currentInfo().name()), "the consumer was recreated");
    }
    assertEquals(range(1, 100), seen);
    assertTrue(resets.stream().anyMatch(r -> r.startsWith("reconnected @")), resets.toString());
  }

  @Test
  void survivesAForcedReconnectWithTheExactSequence() {
    createStream(StorageType.MEMORY);
    publish("a", 30);
    OrderedConsumer oc = js.orderedConsumer(stream, OrderedConsumerConfig.builder().build());
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    try (ConsumeHandle h =
        oc.consume(m -> seen.add(m.metadata().streamSequence()), slowHeartbeatOptions())) {
      Await.until(() -> seen.size() >= 30, WAIT, "first 30");
      nc.forceReconnect();
      publish("a", 30);
      Await.until(() -> seen.size() >= 60, WAIT, "60 messages, got " + seen.size());
    }
    assertEquals(range(1, 60), seen);
    // The old consumer may still deliver a few of the new messages before the Reconnected event
    // reaches it (the server kept its pull), so the reset point is 31 or later; the sequence above
    // is what must be exact.
    assertTrue(resets.stream().anyMatch(r -> r.startsWith("reconnected @")), resets.toString());
  }

  @Test
  void recreatesWhenItsServerConsumerIsDeleted() {
    createStream(StorageType.MEMORY);
    publish("a", 20);
    OrderedConsumer oc = js.orderedConsumer(stream, OrderedConsumerConfig.builder().build());
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    try (ConsumeHandle h = oc.consume(m -> seen.add(m.metadata().streamSequence()), options())) {
      Await.until(() -> seen.size() >= 20, WAIT, "first 20");
      js.consumers().delete(stream, oc.currentInfo().name());
      publish("a", 20);
      Await.until(() -> seen.size() >= 40, WAIT, "40 messages, got " + seen.size());
    }
    assertEquals(range(1, 40), seen);
    assertTrue(resets.stream().anyMatch(r -> r.endsWith("@21")), resets.toString());
  }

  @Test
  void messagesIteratorSurvivesRestartAndReconnect() {
    createStream(StorageType.FILE);
    publish("a", 10);
    OrderedConsumer oc = js.orderedConsumer(stream, OrderedConsumerConfig.builder().build());
    List<Long> seen = new ArrayList<>();
    try (ConsumerMessages it = oc.messages(slowHeartbeatOptions())) {
      while (seen.size() < 10) {
        seen.add(it.next(WAIT).orElseThrow().metadata().streamSequence());
      }
      nc.forceReconnect();
      publish("a", 10);
      while (seen.size() < 20) {
        seen.add(it.next(WAIT).orElseThrow().metadata().streamSequence());
      }
      long reconnects = nc.statistics().reconnects();
      server.restart();
      awaitReconnected(reconnects);
      publish("a", 10);
      while (seen.size() < 30) {
        seen.add(it.next(WAIT).orElseThrow().metadata().streamSequence());
      }
      assertEquals(Optional.empty(), it.next(Duration.ofMillis(300)));
    }
    assertEquals(range(1, 30), seen);
  }

  @Test
  void fetchAndNextContinueWhereTheLastReadStopped() {
    createStream(StorageType.MEMORY);
    publish("a", 7);
    publish("b", 3);
    OrderedConsumer oc =
        js.orderedConsumer(
            stream,
            OrderedConsumerConfig.builder().filterSubjects(subject("a")).headersOnly(true).build());
    FetchResult first = oc.fetch(FetchOptions.messages(4));
    assertEquals(4, first.size());
    assertEquals(0, first.messages().get(0).data().length, "headers only");
    assertEquals("2", first.messages().get(0).headers().first("Nats-Msg-Size"));
    assertEquals(5, oc.next(Duration.ofSeconds(2)).orElseThrow().metadata().streamSequence());
    FetchResult rest = oc.fetch(FetchOptions.builder().maxMessages(10).noWait().build());
    assertEquals(
        List.of(6L, 7L), rest.messages().stream().map(m -> m.metadata().streamSequence()).toList());
    js.consumers().delete(stream, oc.currentInfo().name());
    publish("a", 1);
    // the consumer is gone: the same call goes on with a new one from the last delivered sequence
    assertEquals(
        List.of(11L),
        oc.fetch(FetchOptions.messages(1)).messages().stream()
            .map(m -> m.metadata().streamSequence())
            .toList());
    publish("a", 1);
    assertEquals(12, oc.next(Duration.ofSeconds(2)).orElseThrow().metadata().streamSequence());
  }

  @Test
  void startsWhereTheConfigSays() {
    createStream(StorageType.MEMORY);
    publish("a", 5);
    OrderedConsumer bySeq =
        js.orderedConsumer(stream, OrderedConsumerConfig.builder().startSequence(4).build());
    assertEquals(
        List.of(4L, 5L),
        bySeq.fetch(FetchOptions.builder().maxMessages(10).noWait().build()).messages().stream()
            .map(m -> m.metadata().streamSequence())
            .toList());
    OrderedConsumer last =
        js.orderedConsumer(
            stream, OrderedConsumerConfig.builder().deliverPolicy(DeliverPolicy.LAST).build());
    assertEquals(5, last.next(Duration.ofSeconds(2)).orElseThrow().metadata().streamSequence());
  }

  @Test
  void fetchAndNextGoOnAfterTheServerRemovedTheirIdleConsumer() {
    createStream(StorageType.MEMORY);
    publish("a", 3);
    OrderedConsumer oc =
        js.orderedConsumer(
            stream,
            OrderedConsumerConfig.builder().inactiveThreshold(Duration.ofMillis(500)).build());
    assertEquals(1, oc.fetch(FetchOptions.messages(1)).messages().size());
    awaitNoConsumer("the idle ordered consumer removed by its inactive threshold");
    // a periodic poller: every call works, none throws because the server forgot the consumer
    FetchResult second = oc.fetch(FetchOptions.builder().maxMessages(1).expiresIn(WAIT).build());
    assertEquals(
        List.of(2L), second.messages().stream().map(m -> m.metadata().streamSequence()).toList());
    awaitNoConsumer("removed again");
    assertEquals(3, oc.next(WAIT).orElseThrow().metadata().streamSequence());
    awaitNoConsumer("removed once more");
    publish("a", 1);
    assertEquals(4, oc.next(WAIT).orElseThrow().metadata().streamSequence());
  }

  /**
   * During an election nothing may answer the create of the fetch's server consumer: fetch and next
   * report it as a {@link JetStreamException} (their contract; a poller catching it asks again)
   * after their expiry, and the next call goes on where the read stopped. A paused server stands
   * for the election.
   */
  @Test
  void fetchAndNextReportAnUnansweredConsumerCreateAsAJetStreamExceptionAndGoOn() {
    createStream(StorageType.MEMORY);
    publish("a", 1);
    try (JetStream quick =
        JetStream.of(
            nc, JetStreamOptions.builder().requestTimeout(Duration.ofMillis(500)).build())) {
      OrderedConsumer oc = quick.orderedConsumer(stream, OrderedConsumerConfig.builder().build());
      assertEquals(1, oc.next(WAIT).orElseThrow().metadata().streamSequence());
      // an empty expiry lets the server consumer go: the next call creates one
      assertTrue(oc.next(Duration.ofMillis(300)).isEmpty());
      server.pause();
      try {
        JetStreamException fetch =
            assertThrows(
                JetStreamException.class,
                () ->
                    oc.fetch(
                        FetchOptions.builder()
                            .maxMessages(10)
                            .expiresIn(Duration.ofSeconds(1))
                            .build()));
        assertTrue(fetch.getMessage().contains("could not be created"), fetch.getMessage());
        assertThrows(JetStreamException.class, () -> oc.next(Duration.ofSeconds(1)));
      } finally {
        server.resume();
      }
      publish("a", 2);
      FetchResult rest = oc.fetch(FetchOptions.builder().maxMessages(2).expiresIn(WAIT).build());
      assertEquals(
          List.of(2L, 3L),
          rest.messages().stream().map(m -> m.metadata().streamSequence()).toList());
    }
  }

  @Test
  void aFetchConsumerReplacedBeforeItsFirstMessageStillStartsWhereTheFirstOneDid() {
    createStream(StorageType.MEMORY);
    publish("a", 5);
    OrderedConsumer oc =
        js.orderedConsumer(
            stream, OrderedConsumerConfig.builder().deliverPolicy(DeliverPolicy.NEW).build());
    assertTrue(oc.fetch(FetchOptions.builder().maxMessages(10).noWait().build()).isEmpty());
    js.consumers().delete(stream, oc.currentInfo().name());
    publish("a", 3); // published after the ordered read began: NEW means these are wanted
    FetchResult r = oc.fetch(FetchOptions.builder().maxMessages(10).expiresIn(WAIT).build());
    assertEquals(
        List.of(6L, 7L, 8L),
        r.messages().stream().map(m -> m.metadata().streamSequence()).toList());
  }

  @Test
  void anIteratorReplacedBeforeItsFirstMessageStillStartsWhereTheFirstOneDid() {
    createStream(StorageType.MEMORY);
    publish("a", 5);
    OrderedConsumer oc =
        js.orderedConsumer(
            stream, OrderedConsumerConfig.builder().deliverPolicy(DeliverPolicy.NEW).build());
    try (ConsumerMessages it = oc.messages(options())) {
      js.consumers().delete(stream, oc.currentInfo().name());
      publish("a", 3);
      List<Long> seen = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        seen.add(it.next(WAIT).orElseThrow().metadata().streamSequence());
      }
      assertEquals(List.of(6L, 7L, 8L), seen);
    }
    assertFalse(resets.isEmpty(), "the deleted consumer was replaced");
  }

  @Test
  void anIteratorStoppedWhileItRecreatesLeavesNoConsumerBehind() throws Exception {
    createStream(StorageType.MEMORY);
    publish("a", 1);
    OrderedConsumer oc = js.orderedConsumer(stream, OrderedConsumerConfig.builder().build());
    AtomicLong sentAtReset = new AtomicLong();
    ConsumeOptions options =
        ConsumeOptions.builder()
            .expiresIn(Duration.ofSeconds(2))
            .idleHeartbeat(Duration.ofMillis(500))
            .errorListener(
                new ConsumeErrorListener() {
                  @Override
                  public void orderedReset(String reason, long next) {
                    // called on the reading thread, just before it asks for the next consumer
                    sentAtReset.compareAndSet(0, nc.statistics().outMessages());
                  }
                })
            .build();
    ConsumerMessages it = oc.messages(options);
    assertEquals(1, it.next(WAIT).orElseThrow().metadata().streamSequence());
    CompletableFuture<Object> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return it.next(WAIT);
              } catch (RuntimeException e) {
                return e;
              }
            });
    server.pause(); // heartbeats stop: the reader resets and asks for a new consumer, unanswered
    try {
      Await.until(
          () -> sentAtReset.get() > 0 && nc.statistics().outMessages() > sentAtReset.get(),
          WAIT,
          "the new consumer requested while the server is paused");
      it.stop(); // during the re-creation
    } finally {
      server.resume();
    }
    Object outcome = reader.get(30, TimeUnit.SECONDS);
    assertTrue(outcome instanceof IllegalStateException, String.valueOf(outcome));
    awaitNoConsumer("the consumer created for the stopped iterator deleted");
  }

  private void awaitNoConsumer(String what) {
    Await.until(() -> js.consumers().names(stream).isEmpty(), WAIT, what);
  }
}
