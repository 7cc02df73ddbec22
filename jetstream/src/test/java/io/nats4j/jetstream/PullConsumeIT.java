package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.NatsServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PullConsumeIT extends StreamTestBase {
  private static final Duration WAIT = Duration.ofSeconds(10);

  PullConsumeIT(NatsServer server) {
    super(server, "PULL");
  }

  private void publish(String last, int count) {
    for (int i = 0; i < count; i++) {
      js.publishAsync(subject(last), ("m" + i).getBytes(StandardCharsets.UTF_8));
    }
    js.waitForOutstandingAcks(WAIT);
  }

  private ConsumerContext durable(String name, AckPolicy ack) {
    js.consumers()
        .create(stream, ConsumerConfig.builder().durableName(name).ackPolicy(ack).build());
    return js.consumer(stream, name);
  }

  private ConsumerContext ephemeral(ConsumerConfig.Builder b) {
    ConsumerInfo info = js.consumers().create(stream, b.build());
    return js.consumer(stream, info.name());
  }

  private static List<Long> sequences(Iterable<JsMessage> messages) {
    List<Long> out = new ArrayList<>();
    for (JsMessage m : messages) {
      out.add(m.metadata().streamSequence());
    }
    return out;
  }

  private static List<Long> range(long from, long to) {
    List<Long> out = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      out.add(i);
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(StorageType.class)
  void fetchReturnsBatchesInOrderAndEndsOnCountOrExpiry(StorageType storage) {
    createStream(storage);
    publish("a", 10);
    ConsumerContext c = durable("f", AckPolicy.EXPLICIT);

    FetchResult first = c.fetch(FetchOptions.messages(4));
    assertEquals(range(1, 4), sequences(first));
    assertEquals(FetchResult.End.COMPLETE, first.end());
    first.forEach(JsMessage::ack);

    long start = System.nanoTime();
    FetchResult rest =
        c.fetch(FetchOptions.builder().maxMessages(100).expiresIn(Duration.ofSeconds(1)).build());
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(range(5, 10), sequences(rest));
    assertEquals(FetchResult.End.EXPIRED, rest.end());
    assertTrue(ms >= 900 && ms < 1000 + Fetcherless.GRACE_MS + 500, "took " + ms + " ms");
    JsMessage m = rest.messages().get(0);
    assertEquals(stream, m.metadata().stream());
    assertEquals("f", m.metadata().consumer());
    assertEquals(1, m.metadata().numDelivered());
    assertEquals(5, m.metadata().numPending());
    assertEquals("m4", m.dataAsString());
  }

  /** The grace the fetch allows after the expiry (kept in sync with the implementation). */
  private static final class Fetcherless {
    static final long GRACE_MS = 200;
  }

  @Test
  void noWaitFetchEndsAtOnceOnAnEmptyConsumer() {
    createStream(StorageType.MEMORY);
    ConsumerContext c = durable("nw", AckPolicy.EXPLICIT);
    long start = System.nanoTime();
    FetchResult r = c.fetch(FetchOptions.builder().maxMessages(10).noWait().build());
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(r.isEmpty());
    assertEquals(FetchResult.End.NO_MESSAGES, r.end());
    assertTrue(ms < 1000, "took " + ms + " ms");

    publish("a", 3);
    FetchResult some = c.fetch(FetchOptions.builder().maxMessages(10).noWait().build());
    assertEquals(range(1, 3), sequences(some));
  }

  @Test
  void fetchByBytesStopsAtTheByteBound() {
    createStream(StorageType.MEMORY);
    byte[] payload = new byte[100];
    for (int i = 0; i < 10; i++) {
      js.publish(subject("b"), payload);
    }
    ConsumerContext c = durable("bytes", AckPolicy.EXPLICIT);
    FetchResult r =
        c.fetch(FetchOptions.builder().maxBytes(400).expiresIn(Duration.ofSeconds(2)).build());
    assertTrue(r.size() >= 1 && r.size() < 4, "got " + r.size());
    assertTrue(r.bytes() <= 400, "bytes " + r.bytes());
    assertTrue(r.bytes() > 100L * r.size(), "bytes count subject and reply too: " + r.bytes());
    assertEquals(FetchResult.End.MAX_BYTES, r.end());
  }

  @Test
  void nextReturnsOneMessageOrEmpty() {
    createStream(StorageType.MEMORY);
    ConsumerContext c = durable("n", AckPolicy.EXPLICIT);
    assertEquals(Optional.empty(), c.next(Duration.ofMillis(300)));
    publish("a", 2);
    JsMessage m = c.next(Duration.ofSeconds(2)).orElseThrow();
    assertEquals(1, m.metadata().streamSequence());
    m.ack();
  }

  @ParameterizedTest
  @EnumSource(StorageType.class)
  void consumeDeliversEveryMessageOnceDurableAndEphemeral(StorageType storage) throws Exception {
    createStream(storage);
    publish("a", 1000);
    for (ConsumerContext c :
        List.of(
            durable("d", AckPolicy.EXPLICIT),
            ephemeral(ConsumerConfig.builder().ackPolicy(AckPolicy.EXPLICIT)))) {
      ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
      CountDownLatch done = new CountDownLatch(1000);
      try (ConsumeHandle h =
          c.consume(
              m -> {
                seen.add(m.metadata().streamSequence());
                m.ack();
                done.countDown();
              },
              ConsumeOptions.builder().batchSize(100).build())) {
        assertTrue(done.await(WAIT.toSeconds(), TimeUnit.SECONDS), "got " + seen.size());
        h.drain().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(h.closed().isDone());
      }
      assertEquals(range(1, 1000), new ArrayList<>(seen));
      Await.until(() -> c.info().numAckPending() == 0, "all acks stored");
      assertEquals(0, c.info().numPending());
    }
  }

  @Test
  void consumeBoundedByBytesDeliversEverything() throws Exception {
    createStream(StorageType.MEMORY);
    publish("a", 300);
    ConsumerContext c = durable("cb", AckPolicy.EXPLICIT);
    assertEquals(range(1, 300), consumeSequences(c, ConsumeOptions.builder().maxBytes(2_000), 300));
  }

  @Test
  void consumeWithBatchOfOneDoesNotStall() throws Exception {
    createStream(StorageType.MEMORY);
    publish("a", 20);
    ConsumerContext c = durable("one", AckPolicy.EXPLICIT);
    assertEquals(range(1, 20), consumeSequences(c, ConsumeOptions.builder().batchSize(1), 20));
  }

  /**
   * Consumes until {@code count} messages came, then a moment for any extra one, and returns the
   * stream sequences in the order handled: each message once, in order, is {@code 1..count}.
   */
  private List<Long> consumeSequences(ConsumerContext c, ConsumeOptions.Builder o, int count)
      throws Exception {
    List<Long> seen = new CopyOnWriteArrayList<>();
    try (ConsumeHandle h =
        c.consume(
            m -> {
              seen.add(m.metadata().streamSequence());
              m.ack();
            },
            o.build())) {
      Await.until(() -> seen.size() >= count, WAIT, "got " + seen.size() + " of " + count);
      Await.until(() -> c.info().numAckPending() == 0, "every ack stored");
      h.drain().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
    return seen;
  }

  @Test
  void messagesIteratorReadsEverythingAndKeepsPulling() {
    createStream(StorageType.FILE);
    publish("a", 250);
    ConsumerContext c = durable("it", AckPolicy.EXPLICIT);
    List<Long> got = new ArrayList<>();
    try (ConsumerMessages it = c.messages(ConsumeOptions.builder().batchSize(50).build())) {
      while (got.size() < 250) {
        JsMessage m =
            it.next(WAIT).orElseThrow(() -> new AssertionError("stalled at " + got.size()));
        got.add(m.metadata().streamSequence());
        m.ack();
      }
      assertEquals(Optional.empty(), it.next(Duration.ofMillis(200)));
      publish("a", 1);
      assertEquals(251, it.next(WAIT).orElseThrow().metadata().streamSequence());
      it.stop();
      assertThrows(IllegalStateException.class, () -> it.next(Duration.ZERO));
    }
    assertEquals(range(1, 250), got);
  }

  @Test
  void consumeAndIteratorPullAgainAfterAServerRestart() throws Exception {
    createStream(StorageType.FILE);
    ConsumerContext c = durable("rc", AckPolicy.EXPLICIT);
    ConsumerContext it = durable("rci", AckPolicy.EXPLICIT);
    ConcurrentLinkedQueue<Long> seen = new ConcurrentLinkedQueue<>();
    ConsumeOptions o = ConsumeOptions.builder().batchSize(20).build();
    try (ConsumeHandle h =
            c.consume(
                m -> {
                  seen.add(m.metadata().streamSequence());
                  m.ack();
                },
                o);
        ConsumerMessages messages = it.messages(o)) {
      publish("a", 30);
      Await.until(() -> seen.size() == 30, WAIT, "first 30");
      for (int i = 1; i <= 30; i++) {
        assertEquals(i, messages.next(WAIT).orElseThrow().metadata().streamSequence());
      }
      long reconnects = nc.statistics().reconnects();
      server.restart(); // the server forgets the pull requests: only a new pull gets more
      awaitReconnected(reconnects);
      publish("a", 30);
      Await.until(() -> seen.size() == 60, WAIT, "60 after the restart, got " + seen.size());
      for (int i = 31; i <= 60; i++) {
        JsMessage m = messages.next(WAIT).orElseThrow(() -> new AssertionError("iterator stalled"));
        assertEquals(i, m.metadata().streamSequence());
      }
    }
    assertEquals(range(1, 60), new ArrayList<>(seen));
  }

  @Test
  void drainCompletesOnlyAfterTheLastHandlerCallReturned() throws Exception {
    createStream(StorageType.MEMORY);
    publish("a", 5);
    ConsumerContext c = durable("drain", AckPolicy.EXPLICIT);
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean inHandler = new AtomicBoolean();
    AtomicInteger handled = new AtomicInteger();
    ConsumeHandle h =
        c.consume(
            m -> {
              inHandler.set(true);
              firstStarted.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              m.ack();
              handled.incrementAndGet();
              inHandler.set(false);
            },
            ConsumeOptions.builder().batchSize(10).build());
    assertTrue(firstStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS));
    // all five were pulled in one request; wait until they sit in the client
    CompletableFuture<Void> drained = h.drain();
    AtomicBoolean handlerRunningAtCompletion = new AtomicBoolean(true);
    CompletableFuture<Void> observed =
        drained.thenRun(() -> handlerRunningAtCompletion.set(inHandler.get()));
    assertFalse(drained.isDone(), "drain completed while a handler was blocked");
    release.countDown();
    observed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertFalse(handlerRunningAtCompletion.get());
    assertEquals(5, handled.get(), "messages that had arrived were all handled");
    assertTrue(h.closed().isDone());
  }

  @Test
  void stopEndsDeliveryAtOnce() throws Exception {
    createStream(StorageType.MEMORY);
    publish("a", 50);
    ConsumerContext c = durable("stop", AckPolicy.EXPLICIT);
    AtomicInteger handled = new AtomicInteger();
    AtomicReference<ConsumeHandle> handle = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    handle.set(
        c.consume(
            m -> {
              handled.incrementAndGet();
              ConsumeHandle h;
              while ((h = handle.get()) == null) {
                Thread.onSpinWait();
              }
              h.stop();
              stopped.countDown();
            }));
    assertTrue(stopped.await(WAIT.toSeconds(), TimeUnit.SECONDS));
    handle.get().closed().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    nc.flush(WAIT);
    assertEquals(1, handled.get());
  }

  @Test
  void consumerDeletedWhileConsumingEndsTheConsumeOnce() throws Exception {
    createStream(StorageType.MEMORY);
    ConsumerContext c = durable("gone", AckPolicy.EXPLICIT);
    AtomicInteger terminated = new AtomicInteger();
    ConsumeHandle h =
        c.consume(
            JsMessage::ack,
            ConsumeOptions.builder()
                .expiresIn(Duration.ofSeconds(2))
                .errorListener(
                    new ConsumeErrorListener() {
                      @Override
                      public void terminated(JetStreamException error) {
                        terminated.incrementAndGet();
                      }
                    })
                .build());
    nc.flush(WAIT);
    js.consumers().delete(stream, "gone");
    CompletableFuture<Void> closed = h.closed();
    Exception e =
        assertThrows(Exception.class, () -> closed.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof JetStreamException, String.valueOf(e.getCause()));
    assertTrue(e.getCause().getMessage().contains("gone"), "names the consumer: " + e.getCause());
    assertEquals(1, terminated.get());
    h.stop();
  }

  @Test
  void filterSubjectsAndDeliverPolicies() throws Exception {
    createStream(StorageType.FILE);
    publish("a", 3); // 1..3
    publish("b", 3); // 4..6
    publish("c", 3); // 7..9
    ConsumerContext ac =
        ephemeral(
            ConsumerConfig.builder()
                .ackPolicy(AckPolicy.NONE)
                .filterSubjects(subject("a"), subject("c")));
    assertEquals(List.of(1L, 2L, 3L, 7L, 8L, 9L), sequences(fetchAll(ac)));

    assertEquals(
        List.of(9L),
        sequences(fetchAll(ephemeral(ConsumerConfig.builder().deliverPolicy(DeliverPolicy.LAST)))));
    assertEquals(
        List.of(3L, 6L, 9L),
        sequences(
            fetchAll(
                ephemeral(
                    ConsumerConfig.builder()
                        .deliverPolicy(DeliverPolicy.LAST_PER_SUBJECT)
                        .filterSubject(subject("*"))))));
    assertEquals(
        range(5, 9),
        sequences(
            fetchAll(
                ephemeral(
                    ConsumerConfig.builder()
                        .deliverPolicy(DeliverPolicy.BY_START_SEQUENCE)
                        .optStartSeq(5)))));
    StoredMessage seven = js.streams().getMessage(stream, 7);
    assertEquals(
        range(7, 9),
        sequences(
            fetchAll(
                ephemeral(
                    ConsumerConfig.builder()
                        .deliverPolicy(DeliverPolicy.BY_START_TIME)
                        .optStartTime(seven.time())))));
    ConsumerContext fresh = ephemeral(ConsumerConfig.builder().deliverPolicy(DeliverPolicy.NEW));
    assertTrue(fetchAll(fresh).isEmpty());
    publish("b", 1);
    assertEquals(List.of(10L), sequences(fetchAll(fresh)));
  }

  private static FetchResult fetchAll(ConsumerContext c) {
    return c.fetch(FetchOptions.builder().maxMessages(100).noWait().build());
  }

  @Test
  void badInputFailsBeforeAnythingIsSent() {
    createStream(StorageType.MEMORY);
    js.consumers()
        .create(
            stream,
            ConsumerConfig.builder()
                .durableName("pushy")
                .deliverSubject("deliver.here")
                .ackPolicy(AckPolicy.EXPLICIT)
                .build());
    ConsumerContext push = js.consumer(stream, "pushy");
    long before = nc.statistics().outMessages();
    JetStreamException e =
        assertThrows(JetStreamException.class, () -> push.fetch(FetchOptions.messages(1)));
    assertTrue(e.getMessage().contains("push consumer"), e.getMessage());
    assertTrue(e.getMessage().contains("pushy"), e.getMessage());
    assertThrows(JetStreamException.class, () -> push.consume(m -> {}));
    assertThrows(JetStreamException.class, () -> push.messages());
    assertThrows(JetStreamException.class, () -> push.next(Duration.ofSeconds(1)));
    assertEquals(before, nc.statistics().outMessages(), "nothing was sent");

    assertMessage("batchSize must be positive", () -> ConsumeOptions.builder().batchSize(0));
    assertMessage("maxBytes must be positive", () -> ConsumeOptions.builder().maxBytes(-1));
    assertMessage("maxMessages must be positive", () -> FetchOptions.builder().maxMessages(0));
    assertMessage("maxBytes must be positive", () -> FetchOptions.builder().maxBytes(0));
    assertMessage(
        "expiresIn must be at least 1000 ms",
        () -> ConsumeOptions.builder().expiresIn(Duration.ofMillis(999)));
    assertMessage(
        "must be at most half of expiresIn",
        () ->
            ConsumeOptions.builder()
                .expiresIn(Duration.ofSeconds(2))
                .idleHeartbeat(Duration.ofMillis(1500))
                .build());
    assertMessage(
        "must be at most half of expiresIn",
        () ->
            FetchOptions.builder()
                .maxMessages(1)
                .expiresIn(Duration.ofSeconds(1))
                .idleHeartbeat(Duration.ofMillis(600))
                .build());
    assertMessage("not both", () -> ConsumeOptions.builder().batchSize(10).maxBytes(100).build());
    assertMessage("needs maxMessages and/or maxBytes", () -> FetchOptions.builder().build());
    assertEquals(before, nc.statistics().outMessages(), "nothing was sent");
    assertTrue(
        durable("ok", AckPolicy.EXPLICIT)
            .fetch(FetchOptions.builder().maxMessages(1).noWait().build())
            .isEmpty(),
        "connection still usable");
  }

  private static void assertMessage(String expected, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
