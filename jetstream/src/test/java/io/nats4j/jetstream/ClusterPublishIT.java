package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsException;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.NoRespondersException;
import io.nats4j.jetstream.internal.JsonMapper;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsCluster;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** R3 streams on a 3-node cluster: publishing while the stream leader is killed with SIGKILL. */
class ClusterPublishIT {
  private static NatsCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = NatsCluster.start(3, ServerConfig.builder().jetStream().build());
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void asyncPublishingThroughALeaderKillEndsWithExactlyNMessagesAfterRepublishing() {
    int n = 5_000;
    NatsServer leader = createR3Stream("KILLASYNC", "killasync");
    JetStreamOptions options =
        JetStreamOptions.builder()
            .publishAckTimeout(Duration.ofSeconds(2))
            .publishRetry(10, Duration.ofMillis(250))
            .maxOutstandingAcks(1_000)
            .build();
    try (Connection nc = Nats.connect(anyServerBut(leader).clientUrl());
        JetStream js = JetStream.of(nc, options)) {
      ClusterInfo cluster = js.streams().info("KILLASYNC").cluster();
      assertEquals(nameOf(leader), cluster.leader());
      assertEquals(2, cluster.replicas().size(), "two followers");
      List<CompletableFuture<PubAck>> acks = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        if (i == n / 2) {
          leader.kill();
        }
        acks.add(publishAsyncOrFailed(js, i));
      }
      js.waitForOutstandingAcks(Duration.ofSeconds(30));
      List<Integer> failed = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (acks.get(i).isCompletedExceptionally()) {
          failed.add(i);
        }
      }
      assertFalse(failed.isEmpty(), "killing the leader must fail some publishes");
      System.out.println(
          "ClusterPublishIT: " + failed.size() + " of " + n + " failed and were republished");
      int duplicates = 0;
      for (int i : failed) {
        duplicates += republish(js, i) ? 1 : 0;
      }
      System.out.println(
          "ClusterPublishIT: " + duplicates + " republished were stored already (duplicates)");
      StreamInfo info = js.streams().info("KILLASYNC");
      assertEquals(
          n, info.state().messages(), "exactly N messages, " + failed.size() + " republished");
      assertEquals(1, info.state().firstSeq());
      assertEquals(n, info.state().lastSeq(), "no gaps");
      assertEquals(0, info.state().numDeleted());
      Set<String> ids = new HashSet<>();
      for (long seq = 1; seq <= n; seq += 500) {
        DirectBatch batch = js.streams().directGetBatch("KILLASYNC", seq, 500, null);
        for (StoredMessage m : batch.messages()) {
          assertTrue(ids.add(m.headers().first("Nats-Msg-Id")), "doubled: " + m.seq());
        }
      }
      assertEquals(n, ids.size(), "every message id exactly once");
    } finally {
      leader.restart();
    }
  }

  @Test
  void syncPublishWithMessageIdDuringALeaderElectionSucceedsThroughRetries() {
    NatsServer leader = createR3Stream("ELECTION", "election");
    JetStreamOptions options =
        JetStreamOptions.builder()
            .publishAckTimeout(Duration.ofSeconds(2))
            .publishRetry(10, Duration.ofMillis(250))
            .build();
    try (Connection nc = Nats.connect(anyServerBut(leader).clientUrl());
        JetStream js = JetStream.of(nc, options)) {
      js.publish("election", new byte[] {1});
      String oldLeader = nameOf(leader);
      leader.kill();
      PubAck ack =
          js.publish(
              "election",
              new byte[] {2},
              PublishOptions.builder().messageId("during-election").build());
      assertEquals(2, ack.seq());
      assertFalse(oldLeader.equals(leaderName("ELECTION", js)), "a new leader was elected");
    } finally {
      leader.restart();
    }
  }

  private static CompletableFuture<PubAck> publishAsyncOrFailed(JetStream js, int i) {
    try {
      return js.publishAsync("killasync", payload(i), msgId(i));
    } catch (NatsException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Republishes a message whose async ack failed, once: the sync publish's own retries (503 and,
   * with a message id, timeouts) are what carries it through the election. Returns true when the
   * stream had stored the first attempt after all (its ack was lost) and flags this as a duplicate.
   */
  private static boolean republish(JetStream js, int i) {
    return js.publish("killasync", payload(i), msgId(i)).duplicate();
  }

  private static byte[] payload(int i) {
    return ("m" + i).getBytes(StandardCharsets.UTF_8);
  }

  private static PublishOptions msgId(int i) {
    return PublishOptions.builder().messageId("id-" + i).build();
  }

  /** Creates an R3 stream and returns the server that leads it. */
  private static NatsServer createR3Stream(String name, String subject) {
    try (Connection admin = Nats.connect(cluster.server(0).clientUrl());
        JetStream js = JetStream.of(admin)) {
      Await.until(
          () -> {
            try {
              js.streams()
                  .create(
                      StreamConfig.builder(name)
                          .subjects(subject)
                          .numReplicas(3)
                          .allowDirect(true)
                          .build());
              return true;
            } catch (NatsException e) {
              if (isTransient(e)) {
                return false; // the meta leader may still be settling after a restart
              }
              throw e;
            }
          },
          Duration.ofSeconds(30),
          "R3 stream " + name + " created");
      Await.until(
          () -> {
            try {
              return leaderName(name, js) != null;
            } catch (NatsException e) {
              if (isTransient(e)) {
                return false; // the stream's group is still electing
              }
              throw e;
            }
          },
          Duration.ofSeconds(30),
          "stream " + name + " has a leader");
      String leader = leaderName(name, js);
      return cluster.servers().stream()
          .filter(s -> nameOf(s).equals(leader))
          .findFirst()
          .orElseThrow();
    }
  }

  /**
   * What a cluster answers while it settles: nothing in time, no responders yet, or a 503
   * "JetStream system temporarily unavailable" / "cluster not available" API error. Anything else
   * is a failure.
   */
  private static boolean isTransient(NatsException e) {
    return e instanceof NatsTimeoutException
        || e.getCause() instanceof NoRespondersException
        || (e instanceof JetStreamApiException api && api.apiCode() == 503);
  }

  private static String leaderName(String stream, JetStream js) {
    ClusterInfo c = js.streams().info(stream).cluster();
    return c == null ? null : c.leader();
  }

  private static String nameOf(NatsServer server) {
    return JsonMapper.readTree(server.monitor("/varz").getBytes(StandardCharsets.UTF_8))
        .get("server_name")
        .asText();
  }

  private static NatsServer anyServerBut(NatsServer leader) {
    return cluster.servers().stream().filter(s -> s != leader).findFirst().orElseThrow();
  }
}
