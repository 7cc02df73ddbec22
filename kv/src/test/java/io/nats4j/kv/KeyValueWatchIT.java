package io.nats4j.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.NatsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Watchers, keys, history and purgeDeletes on the ordered consumer. */
class KeyValueWatchIT extends KeyValueTestBase {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final Duration WAIT = Duration.ofSeconds(10);

  KeyValueWatchIT(NatsServer server) {
    super(server);
  }

  private KeyValue bucket(int history) {
    return kvm.create(
        KeyValueConfig.builder("W" + NEXT.incrementAndGet()).history(history).build());
  }

  /** Records what a listener hears; "END" marks the end of the initial data. */
  static final class Recorder implements KeyValueWatchListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<KeyValueEntry> entries = new CopyOnWriteArrayList<>();
    final AtomicInteger ends = new AtomicInteger();

    @Override
    public void onEntry(KeyValueEntry e) {
      entries.add(e);
      events.add(e.key() + "=" + e.valueAsString() + "@" + e.revision() + ":" + e.operation());
    }

    @Override
    public void endOfInitialData() {
      ends.incrementAndGet();
      events.add("END");
    }

    void awaitEvents(int n) {
      Await.until(() -> events.size() >= n, WAIT, n + " events, have " + events);
    }
  }

  @Test
  void watchAllDeliversTheLatestOfEachKeyThenEndOnceThenChanges() {
    KeyValue kv = bucket(5);
    kv.put("a", "1");
    kv.put("a", "2");
    kv.put("b", "1");
    kv.put("c", "x");
    kv.delete("c");
    Recorder r = new Recorder();
    try (KeyValueWatch w = kv.watch(List.of(), KeyValueWatchOptions.defaults(), r)) {
      r.awaitEvents(4);
      assertEquals(List.of("a=2@2:PUT", "b=1@3:PUT", "c=@5:DELETE", "END"), r.events);
      kv.put("d", "new");
      kv.purge("a");
      r.awaitEvents(6);
      assertEquals("d=new@6:PUT", r.events.get(4));
      assertEquals("a=@7:PURGE", r.events.get(5));
      assertEquals(1, r.ends.get());
    }
  }

  @Test
  void anEmptyRangeSignalsTheEndOnceBeforeWatchReturns() {
    KeyValue kv = bucket(1);
    kv.put("other", "x");
    Recorder r = new Recorder();
    try (KeyValueWatch w = kv.watch("nothing.>", r)) {
      assertEquals(List.of("END"), r.events, "signalled before watch returned");
      kv.put("nothing.here", "now");
      r.awaitEvents(2);
      assertEquals(1, r.ends.get());
      assertEquals("nothing.here=now@2:PUT", r.events.get(1));
    }
    Recorder empty = new Recorder();
    try (KeyValueWatch w = kv.watch(List.of(), KeyValueWatchOptions.defaults(), empty)) {
      empty.awaitEvents(2);
      assertEquals(1, empty.ends.get());
    }
    try (KeyValueWatcher w = bucket(1).watcher(List.of(), KeyValueWatchOptions.defaults())) {
      assertTrue(w.initialDataDone(), "an empty bucket is done at once");
      assertTrue(w.next(Duration.ofMillis(50)).isEmpty());
    }
  }

  @Test
  void severalFiltersAndWildcards() {
    KeyValue kv = bucket(1);
    for (String k : List.of("a.1", "a.2.x", "b.1", "b.2.y", "c.1")) {
      kv.put(k, k);
    }
    Recorder r = new Recorder();
    try (KeyValueWatch w = kv.watch(List.of("a.*", "b.>"), KeyValueWatchOptions.defaults(), r)) {
      r.awaitEvents(4);
      List<String> keys = r.entries.stream().map(KeyValueEntry::key).collect(Collectors.toList());
      assertEquals(List.of("a.1", "b.1", "b.2.y"), keys);
      assertEquals("END", r.events.get(3));
    }
    assertThrows(IllegalArgumentException.class, () -> kv.watch("a*", new Recorder()));
  }

  @Test
  void optionsHistoryIgnoreDeletesMetaOnlyUpdatesOnlyResume() {
    KeyValue kv = bucket(10);
    kv.put("k", "1");
    kv.put("k", "2");
    kv.put("gone", "x");
    kv.delete("gone");
    kv.put("k", "3");

    List<KeyValueEntry> history =
        Listings.readInitial(
            kv, List.of(), KeyValueWatchOptions.builder().includeHistory(true).build(), WAIT);
    assertEquals(5, history.size());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), revisions(history));
    assertEquals(4, history.get(0).delta(), "delta counts what is still to come");
    assertEquals(0, history.get(4).delta());

    List<KeyValueEntry> noDeletes =
        Listings.readInitial(
            kv, List.of(), KeyValueWatchOptions.builder().ignoreDeletes(true).build(), WAIT);
    assertEquals(List.of("k"), noDeletes.stream().map(KeyValueEntry::key).toList());

    List<KeyValueEntry> meta =
        Listings.readInitial(
            kv, List.of("k"), KeyValueWatchOptions.builder().metaOnly(true).build(), WAIT);
    assertEquals(1, meta.size());
    assertEquals(0, meta.get(0).value().length, "headers only");
    assertEquals(5, meta.get(0).revision());

    List<KeyValueEntry> resumed =
        Listings.readInitial(
            kv, List.of(), KeyValueWatchOptions.builder().resumeFromRevision(3).build(), WAIT);
    assertEquals(List.of(3L, 4L, 5L), revisions(resumed));

    Recorder updates = new Recorder();
    try (KeyValueWatch w =
        kv.watch(List.of(), KeyValueWatchOptions.builder().updatesOnly(true).build(), updates)) {
      assertEquals(List.of("END"), updates.events);
      kv.put("k", "4");
      updates.awaitEvents(2);
      assertEquals("k=4@6:PUT", updates.events.get(1));
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> KeyValueWatchOptions.builder().updatesOnly(true).includeHistory(true).build());
  }

  private static List<Long> revisions(List<KeyValueEntry> entries) {
    return entries.stream().map(KeyValueEntry::revision).toList();
  }

  @Test
  void theIteratorTurnsDoneWithTheLastInitialEntryOrAtOnceOnASkippedOne() {
    KeyValue kv = bucket(1);
    kv.put("a", "1");
    kv.put("b", "2");
    try (KeyValueWatcher w = kv.watcher(List.of(), KeyValueWatchOptions.defaults())) {
      assertFalse(w.initialDataDone());
      assertEquals("a", w.next(WAIT).orElseThrow().key());
      assertFalse(w.initialDataDone());
      assertEquals("b", w.next(WAIT).orElseThrow().key());
      assertTrue(w.initialDataDone(), "done with the last initial entry");
      kv.put("c", "3");
      assertEquals("c", w.next(WAIT).orElseThrow().key());
      assertTrue(w.initialDataDone());
    }
    kv.put("z", "last");
    kv.delete("z");
    try (KeyValueWatcher w =
        kv.watcher(List.of(), KeyValueWatchOptions.builder().ignoreDeletes(true).build())) {
      List<String> keys = new ArrayList<>();
      while (!w.initialDataDone()) {
        w.next(WAIT).ifPresent(e -> keys.add(e.key()));
      }
      assertEquals(List.of("a", "b", "c"), keys);
    }
  }

  @Test
  void keysAreStreamedAndHistoryAndPurgeDeletes() {
    KeyValue kv = bucket(5);
    try (Stream<String> none = kv.keys()) {
      assertEquals(List.of(), none.toList());
    }
    kv.put("x.1", "a");
    kv.put("x.2", "b");
    kv.put("y.1", "c");
    kv.put("x.1", "d");
    kv.delete("x.2");
    try (Stream<String> keys = kv.keys()) {
      assertEquals(List.of("y.1", "x.1"), keys.toList());
    }
    try (Stream<String> keys = kv.keys("x.*")) {
      assertEquals(List.of("x.1"), keys.toList());
    }
    try (Stream<String> keys = kv.keys("x.>", "y.>")) {
      assertEquals(2, keys.count());
    }
    List<KeyValueEntry> h = kv.history("x.2");
    assertEquals(
        List.of(KeyValueOperation.PUT, KeyValueOperation.DELETE),
        h.stream().map(KeyValueEntry::operation).toList());
    assertTrue(kv.history("never").isEmpty());

    kv.purge("y.1");
    assertEquals(
        1,
        kv.purgeDeletes(Duration.ofHours(1)),
        "young markers keep themselves, not what is behind");
    assertEquals(1, kv.history("x.2").size(), "the delete marker kept alone");
    kv.purgeDeletes(Duration.ZERO);
    assertTrue(kv.history("x.2").isEmpty());
    assertTrue(kv.history("y.1").isEmpty());
    assertEquals(2, kv.history("x.1").size());
  }

  @Test
  void aKeyCodecStoresAnyTextAndGivesItBackEverywhere() {
    KeyValue raw = bucket(5);
    KeyValue kv = raw.withKeyCodec(KeyCodec.base64());
    long r1 = kv.put("docs.read me.txt", "v1");
    kv.update("docs.read me.txt", "v2", r1);
    kv.put("docs.caf\u00e9", "v3");
    kv.put("other.x y", "v4");
    kv.delete("other.x y");
    assertEquals("v2", kv.get("docs.read me.txt").orElseThrow().valueAsString());
    assertEquals("docs.read me.txt", kv.get("docs.read me.txt").orElseThrow().key());
    assertEquals("v1", kv.get("docs.read me.txt", r1).orElseThrow().valueAsString());
    assertEquals(
        List.of("docs.read me.txt", "docs.caf\u00e9"),
        List.copyOf(kv.getAll("docs.read me.txt", "docs.caf\u00e9", "other.x y").keySet()));
    try (Stream<String> keys = kv.keys("docs.>")) {
      assertEquals(List.of("docs.read me.txt", "docs.caf\u00e9"), keys.toList());
    }
    assertEquals(2, kv.history("docs.read me.txt").size());
    assertEquals(KeyValueOperation.DELETE, kv.history("other.x y").get(1).operation());
    String stored = KeyCodec.Codecs.encodeKey(KeyCodec.base64(), "docs.read me.txt");
    assertEquals("v2", raw.get(stored).orElseThrow().valueAsString(), "stored encoded");
    assertThrows(IllegalArgumentException.class, () -> raw.put("read me.txt", "x"));
    Recorder r = new Recorder();
    try (KeyValueWatch w = kv.watch("docs.>", r)) {
      r.awaitEvents(3);
      assertEquals("docs.read me.txt=v2@2:PUT", r.events.get(0));
      assertEquals("END", r.events.get(2));
    }
    kv.purgeDeletes(Duration.ZERO);
    assertTrue(kv.history("other.x y").isEmpty());
  }

  @Test
  void deletingTheBucketEndsItsWatchersWithTerminated() {
    KeyValue kv = bucket(1);
    kv.put("a", "1");
    java.util.concurrent.CompletableFuture<Throwable> ended =
        new java.util.concurrent.CompletableFuture<>();
    KeyValueWatchListener l =
        new KeyValueWatchListener() {
          @Override
          public void onEntry(KeyValueEntry e) {}

          @Override
          public void terminated(Throwable error) {
            ended.complete(error);
          }
        };
    try (KeyValueWatch w = kv.watch(List.of(), KeyValueWatchOptions.defaults(), l)) {
      // Deleting the consumer answers the pull waiting at the server (409) and the watch ends at
      // once. A pull the server has queued but not yet taken when the stream goes is dropped
      // unanswered: then only missed heartbeats tell the watch, tens of seconds later.
      Await.until(
          () -> js.consumers().list(kv.streamName()).stream().anyMatch(c -> c.numWaiting() > 0),
          WAIT,
          "the watch's pull waits at the server");
      kvm.delete(kv.bucket());
      Await.until(ended::isDone, Duration.ofSeconds(30), "the watch was told it ended");
    }
  }

  @Test
  void hundredThreadsIncrementingOneCounterEndExact() throws Exception {
    KeyValue kv = bucket(1);
    kv.put("counter", "0");
    int threads = 100;
    int each = 5;
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    while (true) {
                      KeyValueEntry e = kv.get("counter").orElseThrow();
                      long next = Long.parseLong(e.valueAsString()) + 1;
                      try {
                        kv.update("counter", Long.toString(next), e.revision());
                        break;
                      } catch (KeyValueConflictException c) {
                        conflicts.incrementAndGet();
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(Integer.toString(threads * each), kv.get("counter").orElseThrow().valueAsString());
    assertEquals(threads * each + 1, kv.get("counter").orElseThrow().revision());
    assertTrue(conflicts.get() > 0, "the threads did contend");
  }

  @Test
  void aHundredThousandKeysSignalTheEndOnceAfterTheLastOne() {
    KeyValue kv = bucket(1);
    int n = 100_000;
    byte[] v = new byte[16];
    for (int i = 0; i < n; i++) {
      js.publishAsync("$KV." + kv.bucket() + ".k" + i, v);
    }
    js.waitForOutstandingAcks(Duration.ofSeconds(120));
    AtomicInteger entries = new AtomicInteger();
    AtomicInteger entriesAtEnd = new AtomicInteger(-1);
    AtomicInteger ends = new AtomicInteger();
    KeyValueWatchListener l =
        new KeyValueWatchListener() {
          @Override
          public void onEntry(KeyValueEntry e) {
            entries.incrementAndGet();
          }

          @Override
          public void endOfInitialData() {
            entriesAtEnd.set(entries.get());
            ends.incrementAndGet();
          }
        };
    try (KeyValueWatch w = kv.watch(List.of(), KeyValueWatchOptions.defaults(), l)) {
      Await.until(() -> ends.get() > 0, Duration.ofSeconds(120), "end of initial data");
      assertEquals(n, entriesAtEnd.get());
      kv.put("after", "x");
      Await.until(() -> entries.get() == n + 1, WAIT, "the later put");
      assertEquals(1, ends.get());
    }
    try (Stream<String> keys = kv.keys()) {
      assertEquals(n + 1, keys.count());
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> kv.watcher(List.of("k1234*"), KeyValueWatchOptions.defaults()));
  }

  /**
   * Issue 16, defect 13: each listener watch has its own delivery; a blocked one stalls only
   * itself.
   */
  @Test
  void aBlockedListenerDoesNotHoldBackAnotherWatch() throws Exception {
    KeyValue kv = bucket(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch blocked = new java.util.concurrent.CountDownLatch(1);
    KeyValueWatchListener slow =
        e -> {
          blocked.countDown();
          try {
            release.await();
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
        };
    Recorder fast = new Recorder();
    try (KeyValueWatch s = kv.watch(List.of(), KeyValueWatchOptions.defaults(), slow);
        KeyValueWatch f = kv.watch(List.of(), KeyValueWatchOptions.defaults(), fast)) {
      try {
        fast.awaitEvents(1);
        for (int i = 0; i < 20; i++) {
          kv.put("k" + i, "v");
          if (i == 0) {
            assertTrue(blocked.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the slow one got one");
          }
        }
        fast.awaitEvents(21);
        assertEquals("k19=v@20:PUT", fast.events.get(20));
      } finally {
        release.countDown(); // before the watches close: a close may wait for the listener
      }
    }
  }

  /**
   * Issue 16, defect 9: on an empty range the end of the initial data is signalled before any
   * update, and no listener call overlaps it: an update stored while the end is being signalled is
   * delivered after it.
   */
  @Test
  void onAnEmptyRangeAnUpdateStoredDuringTheEndSignalIsDeliveredAfterIt() {
    KeyValue kv = bucket(1);
    List<String> events = new CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch delivered = new java.util.concurrent.CountDownLatch(1);
    KeyValueWatchListener listener =
        new KeyValueWatchListener() {
          @Override
          public void onEntry(KeyValueEntry e) {
            events.add(e.key());
            delivered.countDown();
          }

          @Override
          public void endOfInitialData() {
            kv.put("k", "stored while the end is signalled");
            try {
              // an overlapping call would deliver the update now: give it a second
              delivered.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            events.add("END");
          }
        };
    try (KeyValueWatch w = kv.watch(List.of("k"), KeyValueWatchOptions.defaults(), listener)) {
      Await.until(() -> events.size() == 2, WAIT, "two events: " + events);
      assertEquals(List.of("END", "k"), events);
    }
  }
}
