package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsException;
import io.nats4j.jetstream.internal.JsonMapper;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsCluster;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import io.nats4j.testkit.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Consume on a 3-node cluster, R3 stream and consumer, while the stream leader is killed. */
// 2.10 loses the delivery count of in-flight messages when the consumer leader moves: some are
// redelivered with num_delivered 1 (scripts/test-matrix on 2.10.27), so "every duplicate is a
// counted redelivery" only holds from 2.11 on.
@RequiresServerVersion("2.11.0")
class ConsumeClusterIT {
  private static final int N = 10_000;
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
  void consumeThroughAStreamLeaderKillProcessesEveryMessageAndCountsEveryRedelivery()
      throws InterruptedException {
    NatsServer leader = createR3Stream("KILLCONSUME", "killconsume");
    try (Connection nc = Nats.connect(anyServerBut(leader).clientUrl());
        JetStream js = JetStream.of(nc)) {
      js.consumers()
          .create(
              "KILLCONSUME",
              ConsumerConfig.builder()
                  .durableName("worker")
                  .ackPolicy(AckPolicy.EXPLICIT)
                  .ackWait(Duration.ofSeconds(3))
                  .numReplicas(3)
                  .build());
      // the harder case: the killed node leads the consumer too, so pulls lose their server
      String streamLeader = nameOf(leader);
      Await.until(
          () -> {
            try {
              ClusterInfo ci = js.consumers().info("KILLCONSUME", "worker").cluster();
              if (ci != null && streamLeader.equals(ci.leader())) {
                return true;
              }
              nc.request(
                  "$JS.API.CONSUMER.LEADER.STEPDOWN.KILLCONSUME.worker",
                  ("{\"placement\":{\"preferred\":\"" + streamLeader + "\"}}")
                      .getBytes(StandardCharsets.UTF_8),
                  Duration.ofSeconds(5));
            } catch (NatsException e) {
              // an election is running; ask again
            }
            return false;
          },
          Duration.ofSeconds(30),
          "the consumer led by the stream leader " + streamLeader);
      for (int i = 0; i < N; i++) {
        js.publishAsync(
            "killconsume",
            Integer.toString(i).getBytes(StandardCharsets.US_ASCII),
            PublishOptions.builder().messageId("id-" + i).build());
      }
      js.waitForOutstandingAcks(Duration.ofSeconds(60));

      Map<Integer, Integer> deliveries = new ConcurrentHashMap<>();
      List<String> uncounted = new CopyOnWriteArrayList<>();
      AtomicInteger handled = new AtomicInteger();
      CountDownLatch halfway = new CountDownLatch(1);
      CountDownLatch killed = new CountDownLatch(1);
      List<JetStreamException> terminal = new CopyOnWriteArrayList<>();
      try (ConsumeHandle h =
          js.consumer("KILLCONSUME", "worker")
              .consume(
                  m -> {
                    int id = Integer.parseInt(m.dataAsString());
                    int seen = deliveries.merge(id, 1, Integer::sum);
                    if (seen > 1 && m.metadata().numDelivered() < 2) {
                      uncounted.add(id + " (delivery " + seen + ")");
                    }
                    if (handled.incrementAndGet() == N / 2) {
                      halfway.countDown();
                      await(killed); // hold delivery until the leader is dead
                    }
                    m.ack();
                  },
                  ConsumeOptions.builder()
                      .expiresIn(Duration.ofSeconds(5))
                      .idleHeartbeat(Duration.ofSeconds(1))
                      .errorListener(
                          new ConsumeErrorListener() {
                            @Override
                            public void terminated(JetStreamException error) {
                              terminal.add(error);
                            }
                          })
                      .build())) {
        assertTrue(halfway.await(60, TimeUnit.SECONDS), "half processed");
        ClusterInfo consumerCluster = js.consumers().info("KILLCONSUME", "worker").cluster();
        String leaderName = nameOf(leader);
        leader.kill();
        killed.countDown();
        System.out.println(
            "ConsumeClusterIT: killed stream leader "
                + leaderName
                + ", consumer leader was "
                + (consumerCluster == null ? null : consumerCluster.leader()));
        Await.until(
            () -> deliveries.size() == N,
            Duration.ofSeconds(90),
            "every message processed after the leader kill");
        assertTrue(terminal.isEmpty(), "no terminal error: " + terminal);
        assertFalse(h.closed().isDone(), "still consuming");
      }
      int redelivered = handled.get() - N;
      System.out.println(
          "ConsumeClusterIT: " + N + " processed, " + redelivered + " redeliveries after kill -9");
      assertEquals(List.of(), uncounted, "every duplicate is a counted redelivery");
    } finally {
      leader.restart();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Creates an R3 stream and returns the server that leads it. */
  private static NatsServer createR3Stream(String name, String subject) {
    try (Connection admin = Nats.connect(cluster.server(0).clientUrl());
        JetStream js = JetStream.of(admin)) {
      Await.until(
          () -> {
            try {
              js.streams()
                  .create(StreamConfig.builder(name).subjects(subject).numReplicas(3).build());
              return true;
            } catch (NatsException e) {
              return false; // the meta leader may still be settling
            }
          },
          Duration.ofSeconds(30),
          "R3 stream " + name + " created");
      Await.until(
          () -> {
            try {
              return leaderName(name, js) != null;
            } catch (NatsException e) {
              return false;
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
