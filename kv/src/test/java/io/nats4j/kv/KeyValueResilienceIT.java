package io.nats4j.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsException;
import io.nats4j.jetstream.JetStream;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Watchers across a server restart (file store) and a forced reconnect: no gap, no repeat. */
@NatsServerTest
@io.nats4j.testkit.JetStream
class KeyValueResilienceIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final NatsServer server;

  KeyValueResilienceIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  /** A put that waits out the moments the server is away or JetStream is still recovering. */
  private static void put(KeyValue kv, String key, String value) {
    Await.until(
        () -> {
          try {
            kv.put(key, value);
            return true;
          } catch (NatsException e) {
            return false;
          }
        },
        WAIT,
        "put " + key);
  }

  @Test
  void aWatcherSeesEveryLaterUpdateOnceInOrderAcrossRestartAndReconnect() {
    try (Connection nc = Nats.connect(server.clientUrl());
        JetStream js = JetStream.of(nc)) {
      KeyValue kv = KeyValueManager.of(js).create(KeyValueConfig.builder("RESTART").build());
      for (int i = 0; i < 20; i++) {
        kv.put("k" + i, "v" + i);
      }
      List<String> seen = new CopyOnWriteArrayList<>();
      List<Long> revisions = new CopyOnWriteArrayList<>();
      AtomicInteger ends = new AtomicInteger();
      KeyValueWatchListener l =
          new KeyValueWatchListener() {
            @Override
            public void onEntry(KeyValueEntry e) {
              seen.add(e.key() + "=" + e.valueAsString());
              revisions.add(e.revision());
            }

            @Override
            public void endOfInitialData() {
              ends.incrementAndGet();
            }
          };
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        expected.add("k" + i + "=v" + i);
      }
      try (KeyValueWatch w = kv.watch(List.of(), KeyValueWatchOptions.defaults(), l)) {
        Await.until(() -> seen.size() >= 20, WAIT, "initial values");
        server.restart();
        for (int i = 0; i < 20; i++) {
          put(kv, "after-restart." + i, "r" + i);
          expected.add("after-restart." + i + "=r" + i);
        }
        Await.until(
            () -> seen.size() >= 40, WAIT, "updates after the restart, have " + seen.size());
        nc.forceReconnect();
        for (int i = 0; i < 20; i++) {
          put(kv, "after-reconnect." + i, "c" + i);
          expected.add("after-reconnect." + i + "=c" + i);
        }
        Await.until(() -> seen.size() >= 60, WAIT, "updates after the reconnect");
        put(kv, "last", "x");
        expected.add("last=x");
        Await.until(() -> seen.size() >= 61, WAIT, "the last update");
      }
      assertEquals(expected, seen);
      List<Long> sorted = new ArrayList<>(revisions);
      sorted.sort(null);
      assertEquals(sorted, revisions, "in revision order");
      assertEquals(revisions.size(), revisions.stream().distinct().count(), "no repeats");
      assertEquals(1, ends.get());
    }
  }
}
