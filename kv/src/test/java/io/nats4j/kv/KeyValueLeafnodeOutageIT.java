package io.nats4j.kv;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamOptions;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsLeafnodes;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client on a leaf server reads a bucket of the hub's domain; the hub dies (kill -9) and comes
 * back while the leaf stays up (defects 14 and 15 of issue 16).
 */
class KeyValueLeafnodeOutageIT {
  private static NatsLeafnodes topology;
  private static Connection nc;
  private static JetStream js;

  @BeforeAll
  static void start() {
    topology = NatsLeafnodes.start("hub", "leaf");
    nc = Nats.connect(topology.leaf().clientUrl());
    js = JetStream.of(nc, JetStreamOptions.builder().domain("hub").build());
  }

  @AfterAll
  static void stop() {
    js.close();
    nc.close();
    topology.close();
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void aGetDuringTheHubsOutageReportsItsOwnFailureAtOnce() {
    KeyValue kv = KeyValueManager.of(js).create(KeyValueConfig.builder("LEAF_GET").build());
    kv.put("k", "v");
    topology.hub().kill();
    try {
      Await.until(() -> leafDisconnected(), "the leaf to see the hub gone");
      OutageChecks.getFailsAtOnceWithItsOwnError(kv);
    } finally {
      topology.hub().restart();
      topology.awaitConnected();
    }
    Await.until(() -> readable(kv), java.time.Duration.ofSeconds(30), "the bucket readable again");
  }

  @Test
  void aWatchSeesTheFirstUpdateAfterTheHubCameBackWithinAFewHeartbeats() throws Exception {
    KeyValue kv = KeyValueManager.of(js).create(KeyValueConfig.builder("LEAF_WATCH").build());
    kv.put("k", "before");
    OutageChecks.Recorder r = new OutageChecks.Recorder();
    try (KeyValueWatch w = kv.watch(List.of("k"), KeyValueWatchOptions.defaults(), r)) {
      r.awaitValue("before");
      long killedAt = System.nanoTime();
      topology.hub().kill();
      topology.hub().restart();
      topology.awaitConnected();
      Await.until(() -> readable(kv), java.time.Duration.ofSeconds(30), "the bucket writable");
      kv.put("k", "after");
      OutageChecks.updateArrivesSoonAfterTheKill(r, killedAt, "after");
    }
  }

  private static boolean leafDisconnected() {
    return !topology.leaf().monitor("/leafz").matches("(?s).*\"leafnodes\"\\s*:\\s*[1-9].*");
  }

  private static boolean readable(KeyValue kv) {
    try {
      return kv.get("k").isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
