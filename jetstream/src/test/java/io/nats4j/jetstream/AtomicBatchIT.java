package io.nats4j.jetstream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Headers;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@RequiresServerVersion("2.12.0")
class AtomicBatchIT extends StreamTestBase {
  AtomicBatchIT(NatsServer server) {
    super(server, "ATOMIC");
  }

  private void createStream(boolean allowAtomic) {
    js.streams()
        .create(
            StreamConfig.builder(stream).subjects(subject + ".>").allowAtomic(allowAtomic).build());
  }

  private long count() {
    return js.streams().info(stream).state().messages();
  }

  @Test
  void thousandMessagesLandTogether() {
    createStream(true);
    AtomicBatch batch = js.atomicBatch();
    for (int i = 1; i < 1000; i++) {
      batch.add(subject("m"), new Headers().add("N", Integer.toString(i)), bytes(i));
    }
    PubAck ack = batch.commit(subject("m"), bytes(1000));

    assertEquals(batch.id(), ack.batch());
    assertEquals(1000, ack.count());
    assertEquals(1000, ack.seq());
    assertEquals(1000, count());
    StoredMessage first = js.streams().getMessage(stream, 1);
    assertEquals("1", new String(first.data(), UTF_8));
    assertEquals("1", first.headers().first("N"));
    assertEquals("1000", new String(js.streams().getMessage(stream, 1000).data(), UTF_8));
  }

  @Test
  void generatedIdsAreShortAndDistinct() {
    // Every message of a batch carries its id (parsed and stored twice by the server): a generated
    // id is as short as the Go client's, not a 36-character UUID.
    createStream(true);
    AtomicBatch first = js.atomicBatch();
    AtomicBatch second = js.atomicBatch();
    assertTrue(first.id().length() <= 16, first.id());
    assertNotEquals(first.id(), second.id());
    PubAck ack = first.add(subject("a"), bytes(1)).commit(subject("a"), bytes(2));
    assertEquals(first.id(), ack.batch());
    assertEquals(2, ack.count());
    assertEquals(second.id(), second.commit(subject("b"), bytes(3)).batch());
    assertEquals(
        first.id(), js.streams().getMessage(stream, 1).headers().first(AtomicBatch.BATCH_ID));
  }

  @Test
  void aFailingExpectationInTheMiddleLeavesNothing() {
    createStream(true);
    js.publish(subject("before"), bytes(0));
    AtomicBatch batch = js.atomicBatch();
    for (int i = 1; i < 1000; i++) {
      PublishOptions o =
          i == 500
              ? PublishOptions.builder().expectedLastSubjectSequence(42).build()
              : PublishOptions.NONE;
      batch.add(subject("m" + i), null, bytes(i), o);
    }

    JetStreamApiException e =
        assertThrows(JetStreamApiException.class, () -> batch.commit(subject("m"), bytes(1000)));

    assertEquals(JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE, e.errorCode(), e.getMessage());
    assertEquals(1, count(), "only the message published before the batch");
    assertThrows(IllegalStateException.class, () -> batch.add(subject("m"), bytes(1)));
  }

  @Test
  void concurrentBatchesFromSeveralThreadsEachLandWhole() throws Exception {
    createStream(true);
    int threads = 8;
    int perBatch = 200;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<PubAck>> acks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        acks.add(
            pool.submit(
                () -> {
                  AtomicBatch batch = js.atomicBatch("t" + thread);
                  for (int i = 1; i < perBatch; i++) {
                    batch.add(subject("t" + thread), bytes(i));
                  }
                  return batch.commit(subject("t" + thread), bytes(perBatch));
                }));
      }
      Set<String> ids = new HashSet<>();
      for (Future<PubAck> f : acks) {
        PubAck ack = f.get();
        assertEquals(perBatch, ack.count());
        ids.add(ack.batch());
      }
      assertEquals(threads, ids.size());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * perBatch, count());
    // Atomic: each batch occupies consecutive stream sequences.
    for (int t = 0; t < threads; t++) {
      StoredMessage last = js.streams().getLastMessage(stream, subject("t" + t));
      StoredMessage firstOfBatch = js.streams().getMessage(stream, last.seq() - perBatch + 1);
      assertEquals(subject("t" + t), firstOfBatch.subject());
      assertEquals("1", new String(firstOfBatch.data(), UTF_8));
    }
  }

  @Test
  void aStreamWithoutAllowAtomicRefusesTheFirstMessage() {
    createStream(false);
    AtomicBatch batch = js.atomicBatch();
    batch.add(subject("m"), bytes(1));
    JetStreamApiException e =
        assertThrows(JetStreamApiException.class, () -> batch.commit(subject("m"), bytes(2)));
    assertEquals(JetStreamApiException.ATOMIC_PUBLISH_DISABLED, e.errorCode(), e.getMessage());
    assertEquals(0, count());
  }

  @Test
  @RequiresServerVersion("2.14.0")
  void endOfBatchCommitsWithoutStoringAMessage() {
    createStream(true);
    PubAck ack = js.atomicBatch().add(subject("a"), bytes(1)).add(subject("b"), bytes(2)).commit();
    assertEquals(2, ack.count());
    assertEquals(2, count());
    assertEquals(
        "1",
        js.streams()
            .getLastMessage(stream, subject("b"))
            .headers()
            .first(AtomicBatch.BATCH_COMMIT));
  }

  @Test
  void serverLimitsAndBadIdsAreClearErrors() {
    createStream(true);
    assertThrows(IllegalArgumentException.class, () -> js.atomicBatch("x".repeat(65)));
    AtomicBatch tooLarge = js.atomicBatch();
    for (int i = 1; i <= 1000; i++) {
      tooLarge.add(subject("m"), bytes(i));
    }
    JetStreamApiException e =
        assertThrows(JetStreamApiException.class, () -> tooLarge.commit(subject("m"), bytes(0)));
    assertEquals(JetStreamApiException.ATOMIC_PUBLISH_TOO_LARGE, e.errorCode(), e.getMessage());
    assertEquals(0, count());
    IllegalArgumentException lastMsgId =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                js.atomicBatch()
                    .add(
                        subject("m"),
                        null,
                        bytes(1),
                        PublishOptions.builder().expectedLastMessageId("x").build()));
    assertTrue(lastMsgId.getMessage().contains("10177"));
    // the connection is still usable
    assertEquals(1, js.atomicBatch().commit(subject("m"), bytes(1)).count());
  }

  @Test
  void anOlderApiLevelIsRefusedBeforeSending() {
    createStream(true);
    JetStream old = JetStream.of(nc, JetStreamOptions.builder().assumeApiLevelAtMost(1).build());
    ApiLevelException e = assertThrows(ApiLevelException.class, old::atomicBatch);
    assertEquals(2, e.requiredLevel());
    assertThrows(ApiLevelException.class, old::fastPublisher);
    assertThrows(ApiLevelException.class, () -> old.counter(stream));
    old.close();
  }

  private static byte[] bytes(int i) {
    return Integer.toString(i).getBytes(UTF_8);
  }
}
