package io.nats4j.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.jetstream.StorageType;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.NatsServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObjectWatchIT extends ObjectStoreTestBase {

  private ObjectStore store;

  ObjectWatchIT(NatsServer server) {
    super(server, "W");
  }

  /** Records what a watch reported, the end of initial data as "END". */
  static final class Recorder implements ObjectWatcher {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void onUpdate(ObjectInfo info) {
      events.add(info.name() + (info.isDeleted() ? " deleted" : "") + " " + info.size());
    }

    @Override
    public void onEndOfInitialData() {
      events.add("END");
    }

    @Override
    public void onError(ObjectStoreException error) {
      events.add("ERROR " + error.getMessage());
    }

    void awaitCount(int n) {
      Await.until(() -> events.size() >= n, "watch events: " + events);
    }
  }

  @BeforeEach
  void createStore() {
    store = manager.create(ObjectStoreConfig.builder(bucket).storage(StorageType.MEMORY).build());
  }

  @Test
  void deliversTheCurrentStateThenTheEndOnceThenUpdates() {
    store.put("a", new byte[] {1});
    store.put("b", new byte[] {1, 2});
    store.put("a", new byte[] {1, 2, 3});
    store.put("gone", new byte[] {1});
    store.delete("gone");
    Recorder r = new Recorder();
    try (ObjectWatch w = store.watch(r, WatchOptions.builder().ignoreDeletes(true).build())) {
      r.awaitCount(3);
      store.put("c", new byte[4]);
      store.delete("b");
      store.put("d", new byte[5]);
      r.awaitCount(5);
      assertEquals(List.of("b 2", "a 3", "END", "c 4", "d 5"), r.events);
    }
  }

  @Test
  void signalsTheEndAtOnceOnAnEmptyStoreAndThenUpdates() {
    Recorder r = new Recorder();
    try (ObjectWatch w = store.watch(r)) {
      r.awaitCount(1);
      assertEquals(List.of("END"), r.events);
      store.put("x", new byte[1]);
      r.awaitCount(2);
      assertEquals(List.of("END", "x 1"), r.events);
    }
  }

  /** Issue 16, defect 12: deletes by default (as nats.go), in the initial data too. */
  @Test
  void deliversDeletesByDefaultInTheInitialDataToo() {
    store.put("gone", new byte[] {1});
    store.delete("gone");
    store.put("kept", new byte[] {1});
    Recorder r = new Recorder();
    try (ObjectWatch w = store.watch(r)) {
      r.awaitCount(3);
      store.delete("kept");
      r.awaitCount(4);
      assertEquals(List.of("gone deleted 0", "kept 1", "END", "kept deleted 0"), r.events);
    }
  }

  /**
   * Issue 16, defect 13: each watch has its own delivery; a blocked watcher stalls only its own.
   */
  @Test
  void aBlockedWatcherDoesNotHoldBackAnotherWatch() throws InterruptedException {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch blocked = new java.util.concurrent.CountDownLatch(1);
    ObjectWatcher slow =
        info -> {
          blocked.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    Recorder fast = new Recorder();
    try (ObjectWatch s = store.watch(slow);
        ObjectWatch f = store.watch(fast)) {
      try {
        fast.awaitCount(1);
        for (int i = 0; i < 20; i++) {
          store.put("o" + i, new byte[] {1});
          if (i == 0) {
            assertTrue(
                blocked.await(30, java.util.concurrent.TimeUnit.SECONDS), "the slow one got one");
          }
        }
        fast.awaitCount(21);
        assertEquals("o19 1", fast.events.get(20));
      } finally {
        release.countDown(); // before the watches close: a close may wait for the watcher
      }
    }
  }

  @Test
  void updatesOnlySkipsTheCurrentState() {
    store.put("old", new byte[] {1});
    Recorder r = new Recorder();
    try (ObjectWatch w = store.watch(r, WatchOptions.builder().updatesOnly(true).build())) {
      assertEquals(List.of("END"), r.events);
      store.put("new", new byte[2]);
      r.awaitCount(2);
      assertEquals(List.of("END", "new 2"), r.events);
    }
  }

  @Test
  void stopsDeliveringAfterClose() {
    Recorder r = new Recorder();
    ObjectWatch w = store.watch(r);
    r.awaitCount(1);
    w.close();
    store.put("after", new byte[1]);
    // a later watch sees the object, proving it was stored before we look at the first one
    Recorder second = new Recorder();
    try (ObjectWatch w2 = store.watch(second)) {
      second.awaitCount(2);
    }
    assertEquals(List.of("END"), r.events);
    assertTrue(second.events.contains("after 1"));
  }

  @Test
  void tellsTheWatcherWhenTheWatchEndsBecauseTheBucketWasDeleted() {
    Recorder r = new Recorder();
    try (ObjectWatch w = store.watch(r)) {
      r.awaitCount(1);
      // Deleting the consumer answers the pull waiting at the server (409): the watch ends at
      // once. A pull the server has queued but not yet taken when the stream goes is dropped
      // unanswered, and only missed heartbeats tell the watch, tens of seconds later.
      Await.until(
          () -> js.consumers().list("OBJ_" + bucket).stream().anyMatch(c -> c.numWaiting() > 0),
          "the watch's pull waits at the server");
      manager.delete(bucket);
      Await.until(() -> r.events.size() >= 2, java.time.Duration.ofSeconds(45), "watch end");
      assertTrue(r.events.get(1).startsWith("ERROR the watch of bucket"), r.events.toString());
    }
  }
}
