package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsCluster;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 3-node cluster and a client given one seed URL: it learns the other nodes from INFO and fails
 * over to them when its node dies, unless told to ignore discovered servers. Measures how long the
 * failover takes.
 */
class ClusterReconnectIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Duration RECONNECT_WAIT = Duration.ofMillis(500);
  private static final Duration JITTER = Duration.ofMillis(100);
  private static final int ROUNDS = 5;

  private static NatsCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = NatsCluster.start(3, ServerConfig.defaults());
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
    LibraryThreads.assertNoneLeaked();
  }

  private static NatsServer nodeOf(String url) {
    return cluster.servers().stream()
        .filter(s -> s.clientUrl().equals(url))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node serves " + url));
  }

  private static void restartAll() {
    for (NatsServer s : cluster.servers()) {
      if (!s.isRunning()) {
        s.restart();
      }
    }
    cluster.awaitFormed();
  }

  @Test
  void reconnectsToADiscoveredNodeAndKeepsReceiving() {
    restartAll();
    RecordingListener events = new RecordingListener();
    Options options =
        Options.builder()
            .server(cluster.server(0).clientUrl())
            .connectionListener(events)
            .reconnect(
                ReconnectOptions.builder()
                    .maxAttempts(-1)
                    .waitTime(RECONNECT_WAIT)
                    .jitter(JITTER, JITTER)
                    .build())
            .build();
    List<Long> failoverMillis = new ArrayList<>();
    try (Connection nc = Nats.connect(options)) {
      Subscription sub = nc.subscribe("cluster.events");
      nc.flush(WAIT);
      for (int round = 1; round <= ROUNDS; round++) {
        NatsServer node = nodeOf(nc.connectedUrl());
        long killedAt = System.nanoTime();
        node.kill();
        events.await(ConnectionEvent.Resubscribed.class, round, WAIT);
        failoverMillis.add(
            (events.timeOf(ConnectionEvent.Reconnected.class, round) - killedAt) / 1_000_000);

        NatsServer now = nodeOf(nc.connectedUrl());
        assertNotSame(node, now);
        nc.flush(WAIT);
        try (Connection publisher = Nats.connect(now.clientUrl())) {
          publisher.publish("cluster.events", "round " + round);
          publisher.flush(WAIT);
        }
        assertEquals("round " + round, sub.next(WAIT).dataAsString());
        restartAll();
      }
    }
    List<Long> sorted = failoverMillis.stream().sorted().toList();
    long p50 = sorted.get(sorted.size() / 2);
    long max = sorted.get(sorted.size() - 1);
    System.out.println(
        "cluster failover (kill -> Reconnected) ms: "
            + failoverMillis
            + " p50="
            + p50
            + " max="
            + max);
    long bound = RECONNECT_WAIT.toMillis() + JITTER.toMillis() + 1_000;
    assertTrue(max < bound, "failover took " + max + " ms, bound " + bound);
    assertEquals(ROUNDS, events.count(ConnectionEvent.Reconnected.class));
  }

  @Test
  void ignoringDiscoveredServersLeavesNothingToFailOverTo() {
    restartAll();
    RecordingListener events = new RecordingListener();
    Options options =
        Options.builder()
            .server(cluster.server(0).clientUrl())
            .connectionListener(events)
            .reconnect(
                ReconnectOptions.builder()
                    .ignoreDiscoveredServers()
                    .maxAttempts(3)
                    .waitTime(Duration.ofMillis(50))
                    .jitter(Duration.ZERO, Duration.ZERO)
                    .build())
            .build();
    Connection nc = Nats.connect(options);
    // A just-restarted node announces its peers in an async INFO once its routes are up.
    io.nats4j.testkit.Await.until(
        () -> nc.serverInfo().connectUrls().size() >= 3, WAIT, "the server to announce its peers");

    cluster.server(0).kill();
    ConnectionEvent.Closed closed = events.await(ConnectionEvent.Closed.class, WAIT);

    assertEquals(0, events.count(ConnectionEvent.Reconnected.class));
    assertEquals(0, events.count(ConnectionEvent.ServersDiscovered.class));
    assertTrue(closed.cause() != null);
    restartAll();
  }

  @Test
  void aNodeThatComesBackIsAnnouncedAsDiscovered() {
    restartAll();
    RecordingListener events = new RecordingListener();
    Options options =
        Options.builder()
            .server(cluster.server(0).clientUrl())
            .connectionListener(events)
            .reconnect(ReconnectOptions.builder().noRandomize().build())
            .build();
    try (Connection nc = Nats.connect(options)) {
      NatsServer other =
          cluster.servers().stream()
              .filter(s -> !s.clientUrl().equals(nc.connectedUrl()))
              .findFirst()
              .orElseThrow();
      other.kill();
      io.nats4j.testkit.Await.until(
          () -> !nc.serverInfo().connectUrls().contains("127.0.0.1:" + other.port()),
          WAIT,
          "the cluster announced that the node left");
      other.restart();

      ConnectionEvent.ServersDiscovered discovered =
          events.await(ConnectionEvent.ServersDiscovered.class, WAIT);

      assertEquals(List.of(other.clientUrl()), discovered.servers());
      assertEquals(1, events.count(ConnectionEvent.ServersDiscovered.class));
    } finally {
      restartAll();
    }
  }
}
