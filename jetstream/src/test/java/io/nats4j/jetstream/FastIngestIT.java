package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Message;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.internal.batch.FastBatchReply;
import io.nats4j.jetstream.internal.batch.FlowMessage;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@RequiresServerVersion("2.14.0")
class FastIngestIT extends StreamTestBase {
  /**
   * Messages in the big ingest: 1,000,000 by default; {@code -Dnats4j.it.fastIngestMessages=N}
   * scales it.
   */
  private static final int BIG = Integer.getInteger("nats4j.it.fastIngestMessages", 1_000_000);

  FastIngestIT(NatsServer server) {
    super(server, "FAST");
  }

  private void createStream(boolean allowBatched) {
    js.streams()
        .create(
            StreamConfig.builder(stream)
                .subjects(subject + ".>")
                .allowBatched(allowBatched)
                .storage(StorageType.FILE)
                .build());
  }

  @Test
  void aMillionSmallMessagesAreEachStoredOnceInOrder() {
    createStream(true);
    long start = System.nanoTime();
    PubAck ack;
    try (FastPublisher batch = js.fastPublisher()) {
      for (int i = 1; i < BIG; i++) {
        assertEquals(i, batch.add(subject("m"), payload(i)));
      }
      ack = batch.commit(subject("m"), null, payload(BIG));
    }
    long publishMs = (System.nanoTime() - start) / 1_000_000;

    assertEquals(BIG, ack.count());
    assertEquals(BIG, ack.seq());
    StreamState state = js.streams().info(stream).state();
    assertEquals(BIG, state.messages());
    assertEquals(1, state.firstSeq());
    assertEquals(BIG, state.lastSeq());
    // Every stream sequence holds the message with that batch sequence: once each, in order.
    OrderedConsumer oc = js.orderedConsumer(stream, OrderedConsumerConfig.builder().build());
    try (ConsumerMessages it = oc.messages()) {
      for (int i = 1; i <= BIG; i++) {
        Optional<JsMessage> m = it.next(Duration.ofSeconds(10));
        assertTrue(m.isPresent(), "message " + i);
        assertEquals(i, m.get().metadata().streamSequence());
        assertEquals(i, ByteBuffer.wrap(m.get().data()).getInt(), "payload at " + i);
      }
    }
    System.err.printf("FastIngestIT: %,d messages of 8 B published in %,d ms%n", BIG, publishMs);
  }

  @Test
  void addAllIsAStreamingSinkThatEndsWithAnEndOfBatchCommit() {
    createStream(true);
    Iterator<Message> rows =
        IntStream.rangeClosed(1, 25_000)
            .mapToObj(i -> Message.builder(subject("row")).data(payload(i)).build())
            .iterator();
    PubAck ack =
        js.fastPublisher(FastPublishOptions.builder().flow(100).maxOutstandingAcks(1).build())
            .addAll(rows);
    assertEquals(25_000, ack.count());
    assertEquals(25_000, js.streams().info(stream).state().messages());
    assertEquals(25_000, ByteBuffer.wrap(js.streams().getMessage(stream, 25_000).data()).getInt());
  }

  @Test
  void aBatchCommittedByItsFirstMessageAndABadSubjectLeaveNoGap() {
    createStream(true);
    PubAck single = js.fastPublisher().commit(subject("one"), null, payload(1));
    assertEquals(1, single.seq());
    FastPublisher batch = js.fastPublisher();
    batch.add(subject("m"), payload(1));
    assertThrows(IllegalArgumentException.class, () -> batch.add("bad subject", payload(2)));
    batch.add(subject("m"), payload(2));
    PubAck ack = batch.commit();
    assertEquals(2, ack.count());
    assertEquals(3, js.streams().info(stream).state().messages());
  }

  @Test
  void aStreamWithoutAllowBatchedRefusesTheBatch() {
    createStream(false);
    FastPublisher batch = js.fastPublisher();
    JetStreamApiException e =
        assertThrows(JetStreamApiException.class, () -> batch.add(subject("m"), payload(1)));
    assertEquals(JetStreamApiException.BATCH_PUBLISH_DISABLED, e.errorCode(), e.getMessage());
    assertEquals(0, js.streams().info(stream).state().messages());
    batch.close();
    // the connection is still usable
    assertEquals(1, js.publish(subject("m"), payload(1)).seq());
  }

  @Test
  void aRefusedMessageEndsTheBatchInGapModeFailAndIsReported() {
    createStream(true);
    List<FastPublishEvent> events = new ArrayList<>();
    FastPublisher batch =
        js.fastPublisher(FastPublishOptions.builder().flow(10).listener(events::add).build());
    for (int i = 1; i <= 20; i++) {
      batch.add(subject("m"), payload(i));
    }
    batch.add(
        subject("m"),
        null,
        payload(21),
        PublishOptions.builder().expectedLastSubjectSequence(3).build());
    JetStreamException e =
        assertThrows(
            JetStreamException.class,
            () -> {
              for (int i = 22; i <= 200; i++) {
                batch.add(subject("m"), payload(i));
              }
              batch.commit();
            });
    assertInstanceOf(JetStreamApiException.class, e.getCause(), e.getMessage());
    assertEquals(
        JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE,
        ((JetStreamApiException) e.getCause()).errorCode());
    assertEquals(20, js.streams().info(stream).state().messages());
    FastPublishEvent.Refused refused = (FastPublishEvent.Refused) events.get(0);
    assertEquals(21, refused.sequence());
  }

  /**
   * A message the stream never sees (its subject is outside the stream; a plain subscriber keeps it
   * from being a no-responders publish) is a gap in the batch.
   */
  @Test
  void aGapIsReportedAndToleratedInGapModeOk() {
    createStream(true);
    Subscription elsewhere = nc.subscribe("elsewhere.x");
    try {
      List<FastPublishEvent> events = new ArrayList<>();
      FastPublisher batch =
          js.fastPublisher(
              FastPublishOptions.builder()
                  .gapMode(FastPublishOptions.GapMode.OK)
                  .listener(events::add)
                  .build());
      batch.add(subject("m"), payload(1));
      batch.add("elsewhere.x", payload(2));
      batch.add(subject("m"), payload(3));
      PubAck ack = batch.commit();
      assertEquals(3, ack.count());
      assertEquals(2, js.streams().info(stream).state().messages());
      assertEquals(List.of(new FastPublishEvent.Gap(2, 3)), events);
    } finally {
      elsewhere.unsubscribe();
    }
  }

  @Test
  void aGapEndsTheBatchInGapModeFail() {
    createStream(true);
    Subscription elsewhere = nc.subscribe("elsewhere.y");
    try {
      List<FastPublishEvent> events = new ArrayList<>();
      FastPublisher batch =
          js.fastPublisher(FastPublishOptions.builder().listener(events::add).build());
      batch.add(subject("m"), payload(1));
      batch.add("elsewhere.y", payload(2));
      batch.add(subject("m"), payload(3));
      JetStreamException e = assertThrows(JetStreamException.class, batch::commit);
      assertTrue(e.getMessage().contains("after 1 of"), e.getMessage());
      assertEquals(1, js.streams().info(stream).state().messages());
      assertEquals(List.of(new FastPublishEvent.Gap(2, 3)), events);
    } finally {
      elsewhere.unsubscribe();
    }
  }

  @Test
  void theServerReportsAGapOnTheBatchInbox() {
    createStream(true);
    String inbox = nc.createInbox();
    String base = FastBatchReply.base(inbox, 10, true);
    Subscription sub = subscribe(inbox);
    try {
      nc.publish(
          subject("m"),
          FastBatchReply.format(base, 1, FastBatchReply.Operation.START),
          null,
          payload(1));
      assertInstanceOf(
          FlowMessage.Ack.class, FlowMessage.parse(sub.next(Duration.ofSeconds(10)).data()));
      nc.publish(
          subject("m"),
          FastBatchReply.format(base, 4, FastBatchReply.Operation.APPEND),
          null,
          payload(4));
      FlowMessage gap = FlowMessage.parse(sub.next(Duration.ofSeconds(10)).data());
      assertEquals(new FlowMessage.Gap(2, 4), gap);
      nc.publish(
          subject("m"),
          FastBatchReply.format(base, 5, FastBatchReply.Operation.COMMIT_EOB),
          null,
          new byte[0]);
      FlowMessage end = nextNonAck(sub);
      assertInstanceOf(FlowMessage.End.class, end);
      assertNotNull(((FlowMessage.End) end).ack());
      assertEquals(4, ((FlowMessage.End) end).ack().count());
    } finally {
      sub.unsubscribe();
    }
    assertEquals(2, js.streams().info(stream).state().messages());
  }

  private Subscription subscribe(String inbox) {
    return nc.subscribe(inbox + ".>");
  }

  private static FlowMessage nextNonAck(Subscription sub) {
    while (true) {
      FlowMessage m = FlowMessage.parse(sub.next(Duration.ofSeconds(10)).data());
      if (!(m instanceof FlowMessage.Ack)) {
        return m;
      }
    }
  }

  private static byte[] payload(int i) {
    return ByteBuffer.allocate(8).putInt(i).putInt(0).array();
  }
}
