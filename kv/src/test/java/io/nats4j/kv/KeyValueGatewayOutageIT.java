package io.nats4j.kv;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.Placement;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsSuperCluster;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client in cluster c1 reads a bucket placed in cluster c0 across a gateway; c0's server dies
 * (kill -9) and comes back while the client's server stays up (defects 14 and 15 of issue 16).
 */
class KeyValueGatewayOutageIT {
  private static NatsSuperCluster topology;
  private static Connection nc;
  private static JetStream js;

  @BeforeAll
  static void start() {
    topology = NatsSuperCluster.start(2, 1, ServerConfig.builder().jetStream().build());
    nc = Nats.connect(topology.server(1, 0).clientUrl());
    js = JetStream.of(nc);
  }

  @AfterAll
  static void stop() {
    js.close();
    nc.close();
    topology.close();
    LibraryThreads.assertNoneLeaked();
  }

  private static KeyValue bucketInC0(String name) {
    return KeyValueManager.of(js)
        .create(
            KeyValueConfig.builder(name)
                .placement(new Placement(NatsSuperCluster.clusterName(0), List.of()))
                .build());
  }

  @Test
  void aGetDuringTheOtherClustersOutageReportsItsOwnFailureAtOnce() {
    KeyValue kv = bucketInC0("GW_GET");
    kv.put("k", "v");
    topology.server(0, 0).kill();
    try {
      Await.until(
          () -> !topology.server(1, 0).monitor("/gatewayz").contains("\"c0\""),
          "c1 to see the gateway to c0 gone");
      OutageChecks.getFailsAtOnceWithItsOwnError(kv);
    } finally {
      topology.server(0, 0).restart();
      topology.awaitFormed();
    }
    Await.until(() -> readable(kv), Duration.ofSeconds(30), "the bucket readable again");
  }

  @Test
  void aWatchSeesTheFirstUpdateAfterTheOtherClusterCameBackWithinAFewHeartbeats() throws Exception {
    KeyValue kv = bucketInC0("GW_WATCH");
    kv.put("k", "before");
    OutageChecks.Recorder r = new OutageChecks.Recorder();
    try (KeyValueWatch w = kv.watch(List.of("k"), KeyValueWatchOptions.defaults(), r)) {
      r.awaitValue("before");
      long killedAt = System.nanoTime();
      topology.server(0, 0).kill();
      topology.server(0, 0).restart();
      topology.awaitFormed();
      Await.until(() -> readable(kv), Duration.ofSeconds(30), "the bucket writable");
      kv.put("k", "after");
      OutageChecks.updateArrivesSoonAfterTheKill(r, killedAt, "after");
    }
  }

  private static boolean readable(KeyValue kv) {
    try {
      return kv.get("k").isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
