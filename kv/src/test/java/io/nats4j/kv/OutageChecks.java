package io.nats4j.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.jetstream.JetStreamException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What a client sees of an outage of its stream's server while its own server stays up (behind a
 * leafnode or across a gateway): shared by the two topology tests.
 */
final class OutageChecks {
  /** A get nothing answers fails at once (the other topology's follow-up lookup took 5 s). */
  static final Duration GET_FAILS_WITHIN = Duration.ofSeconds(2);

  /**
   * From the kill to the first update after the restart: two missed 5 s heartbeats and a recreate
   * fit (nats.go: 11-19 s); two missed 15 s heartbeats (the consume default) do not.
   */
  static final Duration WATCH_RECOVERS_WITHIN = Duration.ofSeconds(25);

  private OutageChecks() {}

  /** The get reports its own failure, at once: not the failure of a lookup made after it. */
  static void getFailsAtOnceWithItsOwnError(KeyValue kv) {
    long start = System.nanoTime();
    JetStreamException e = assertThrows(JetStreamException.class, () -> kv.get("k"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains("Direct Get"), message);
    assertTrue(message.contains(kv.streamName()), message);
    assertFalse(message.contains("not enabled"), message);
    assertFalse(message.contains("STREAM.INFO"), message);
    assertTrue(took.compareTo(GET_FAILS_WITHIN) < 0, "the get failed after " + took);
  }

  /** A listener watch that records what it receives. */
  static final class Recorder implements KeyValueWatchListener {
    final BlockingQueue<KeyValueEntry> entries = new LinkedBlockingQueue<>();
    final CountDownLatch initialDone = new CountDownLatch(1);

    @Override
    public void onEntry(KeyValueEntry entry) {
      entries.add(entry);
    }

    @Override
    public void endOfInitialData() {
      initialDone.countDown();
    }

    KeyValueEntry next(Duration wait) throws InterruptedException {
      return entries.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    void awaitValue(String value) throws InterruptedException {
      assertTrue(initialDone.await(30, TimeUnit.SECONDS), "end of initial data");
      KeyValueEntry e = next(Duration.ofSeconds(30));
      assertNotNull(e, "the initial value");
      assertEquals(value, e.valueAsString());
    }
  }

  /** The first update after the restart arrives within {@link #WATCH_RECOVERS_WITHIN}. */
  static void updateArrivesSoonAfterTheKill(Recorder r, long killedAt, String value)
      throws InterruptedException {
    KeyValueEntry e = r.next(Duration.ofSeconds(60));
    Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
    assertNotNull(e, "no update within 60 s of the restart");
    assertEquals(value, e.valueAsString());
    assertTrue(
        took.compareTo(WATCH_RECOVERS_WITHIN) < 0,
        "the watch saw the update " + took + " after its stream's server was killed");
  }
}
