package io.nats4j.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Values over 8 MiB (issue 16, defect 4) on a server whose max payload allows them, and {@code
 * purgeDeletes} reading no values (defect 7).
 */
class KeyValueLargeValueIT {
  private static final int MIB = 1024 * 1024;
  private static final int BIG = 9 * MIB;
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static NatsServer server;
  private static Connection nc;
  private static JetStream js;
  private static KeyValueManager kvm;

  @BeforeAll
  static void start() {
    server = NatsServer.start(ServerConfig.builder().jetStream().maxPayload(16 * MIB).build());
    nc = Nats.connect(server.clientUrl());
    js = JetStream.of(nc);
    kvm = KeyValueManager.of(js);
  }

  @AfterAll
  static void stop() {
    js.close();
    nc.close();
    server.close();
    LibraryThreads.assertNoneLeaked();
  }

  private static byte[] big(byte fill) {
    byte[] b = new byte[BIG];
    java.util.Arrays.fill(b, fill);
    return b;
  }

  @Test
  void aValueOverEightMebibytesReachesWatchersHistoryAndKeysWithTheValuesBehindIt() {
    KeyValue kv = kvm.create(KeyValueConfig.builder("BIG_WATCH").history(2).build());
    kv.put("big", big((byte) 1));
    kv.put("small", "s");
    KeyValueWatchIT.Recorder r = new KeyValueWatchIT.Recorder();
    try (KeyValueWatch w = kv.watch(List.of(), KeyValueWatchOptions.defaults(), r)) {
      Await.until(() -> r.ends.get() == 1, WAIT, "the end of the initial data: " + r.events);
      assertEquals(2, r.entries.size(), r.events.toString());
      assertEquals(BIG, r.entries.get(0).value().length);
      assertEquals("s", r.entries.get(1).valueAsString());
      kv.put("big", big((byte) 2));
      Await.until(() -> r.entries.size() == 3, WAIT, "the update: " + r.events);
      assertEquals(2, r.entries.get(2).value()[BIG - 1]);
    }
    List<KeyValueEntry> history = kv.history("big");
    assertEquals(2, history.size());
    assertEquals(BIG, history.get(1).value().length);
    try (Stream<String> keys = kv.keys()) {
      assertEquals(List.of("big", "small"), keys.sorted().toList());
    }
    try (KeyValueWatcher w = kv.watcher(List.of("big"), KeyValueWatchOptions.defaults())) {
      assertEquals(BIG, w.next(WAIT).orElseThrow().value().length);
      assertTrue(w.initialDataDone());
    }
  }

  @Test
  void purgeDeletesReadsTheMarkersWithoutTheValues() {
    KeyValue kv = kvm.create(KeyValueConfig.builder("BIG_PURGE").history(5).build());
    // values below the watch window, so only reading them (not defect 4's loop) tells
    for (int i = 0; i < 3; i++) {
      kv.put("v" + i, new byte[2 * MIB]);
    }
    kv.put("gone", "x");
    kv.delete("gone");
    long before = nc.statistics().inBytes();
    long purged = kv.purgeDeletes(Duration.ZERO);
    long read = nc.statistics().inBytes() - before;
    assertEquals(2, purged);
    assertTrue(read < MIB, "purgeDeletes read " + read + " bytes: values, not only headers");
    assertTrue(kv.history("gone").isEmpty());
    assertEquals(2 * MIB, kv.get("v2").orElseThrow().value().length);
  }
}
