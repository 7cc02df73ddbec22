package io.nats4j.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsException;
import io.nats4j.client.Options;
import io.nats4j.jetstream.ClusterInfo;
import io.nats4j.jetstream.JetStream;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsCluster;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An R3 bucket on a 3-node cluster keeps serving puts and gets through a leader kill -9. */
class KeyValueClusterIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern NAME = Pattern.compile("\"server_name\"\\s*:\\s*\"([^\"]+)\"");
  private static NatsCluster cluster;

  @BeforeAll
  static void start() {
    cluster = NatsCluster.start(3, ServerConfig.builder().jetStream().build());
  }

  @AfterAll
  static void stop() {
    cluster.close();
    LibraryThreads.assertNoneLeaked();
  }

  private static <T> T retry(java.util.function.Supplier<T> call, String what) {
    Object[] result = new Object[1];
    Await.until(
        () -> {
          try {
            result[0] = call.get();
            return true;
          } catch (NatsException | java.util.NoSuchElementException e) {
            // An election in progress (timeouts, 503s, no responders), or a replica catching up.
            return false;
          }
        },
        WAIT,
        what);
    @SuppressWarnings("unchecked")
    T t = (T) result[0];
    return t;
  }

  private static String nameOf(NatsServer s) {
    Matcher m = NAME.matcher(s.monitor("/varz"));
    return m.find() ? m.group(1) : "";
  }

  @Test
  void anR3BucketServesThroughALeaderKill() {
    Options options = Options.builder().servers(cluster.clientUrls()).build();
    try (Connection nc = Nats.connect(options);
        JetStream js = JetStream.of(nc)) {
      KeyValueManager kvm = KeyValueManager.of(js);
      KeyValue kv =
          retry(
              () -> kvm.create(KeyValueConfig.builder("R3").replicas(3).history(3).build()),
              "R3 bucket created");
      String leader =
          retry(
              () -> {
                ClusterInfo c = kv.status().streamInfo().cluster();
                if (c == null || c.leader() == null) {
                  throw new NatsException("no leader yet");
                }
                return c.leader();
              },
              "the bucket has a leader");
      for (int i = 0; i < 50; i++) {
        int n = i;
        retry(() -> kv.put("k" + n, "v" + n), "put k" + n);
      }
      NatsServer victim =
          cluster.servers().stream()
              .filter(s -> nameOf(s).equals(leader))
              .findFirst()
              .orElseThrow();
      victim.kill();
      try {
        for (int i = 50; i < 100; i++) {
          int n = i;
          retry(() -> kv.put("k" + n, "v" + n), "put k" + n + " after the kill");
        }
        for (int i = 0; i < 100; i++) {
          int n = i;
          assertEquals(
              "v" + n, retry(() -> kv.get("k" + n).orElseThrow(), "get k" + n).valueAsString());
        }
        String newLeader = retry(() -> kv.status().streamInfo().cluster().leader(), "leader");
        assertNotEquals(leader, newLeader);
      } finally {
        victim.restart();
      }
    }
  }
}
