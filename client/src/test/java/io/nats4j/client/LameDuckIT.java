package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsCluster;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A node entering lame-duck mode: by default the client is told once and stays until the node
 * closes it; asked to, it moves on its own, each client after a random delay so they spread out.
 */
class LameDuckIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  private static Options.Builder options(String url, RecordingListener events) {
    return Options.builder()
        .server(url)
        .connectionListener(events)
        .reconnect(ReconnectOptions.builder().waitTime(Duration.ofMillis(200)).build());
  }

  private static NatsServer nodeOf(NatsCluster cluster, String url) {
    return cluster.servers().stream().filter(s -> s.clientUrl().equals(url)).findFirst().get();
  }

  @Test
  void byDefaultTheClientIsToldAndStaysUntilTheNodeClosesIt() {
    ServerConfig config =
        ServerConfig.builder().lameDuck(Duration.ofSeconds(30), Duration.ofSeconds(2)).build();
    try (NatsCluster cluster = NatsCluster.start(3, config)) {
      RecordingListener events = new RecordingListener();
      try (Connection nc = Nats.connect(options(cluster.server(0).clientUrl(), events).build())) {
        Subscription sub = nc.subscribe("ldm.test");
        Subscription queued = nc.subscribe("ldm.work", "workers");
        nc.flush(WAIT);
        String before = nc.connectedUrl();
        // the client knows the other nodes: moving at once would be possible
        Await.until(() -> nc.serverInfo().connectUrls().size() >= 3, WAIT, "cluster discovered");

        nodeOf(cluster, before).lameDuck();

        events.await(ConnectionEvent.LameDuck.class, WAIT);
        nc.flush(WAIT); // still served by the lame-duck node
        assertEquals(before, nc.connectedUrl(), "stays on the node after the notice");
        assertEquals(0, events.count(ConnectionEvent.Disconnected.class));

        events.await(ConnectionEvent.Resubscribed.class, WAIT); // the node closed it
        Duration stayed =
            Duration.ofNanos(
                events.timeOf(ConnectionEvent.Disconnected.class, 1)
                    - events.timeOf(ConnectionEvent.LameDuck.class, 1));
        assertTrue(stayed.toMillis() >= 1_500, "left after the 2 s grace period, not " + stayed);
        assertNotEquals(before, nc.connectedUrl());
        nc.flush(WAIT);
        try (Connection publisher = Nats.connect(nc.connectedUrl())) {
          publisher.publish("ldm.test", "moved");
          publisher.publish("ldm.work", "job");
          publisher.flush(WAIT);
        }
        assertEquals("moved", sub.next(WAIT).dataAsString());
        assertEquals("job", queued.next(WAIT).dataAsString());
        assertEquals(1, events.count(ConnectionEvent.LameDuck.class));
        assertEquals(
            List.of("Connected", "LameDuck", "Disconnected", "Reconnected", "Resubscribed"),
            events.types().stream().filter(t -> !t.equals("ServersDiscovered")).toList());
      }
    }
  }

  @Test
  void optedInClientsMoveOnTheirOwnSpreadOverTheWindow() {
    int clients = 20;
    Duration window = Duration.ofSeconds(3);
    // the default grace period (10 s) is longer than the window: every client leaves by itself
    try (NatsCluster cluster = NatsCluster.start(3, ServerConfig.defaults())) {
      String url = cluster.server(0).clientUrl();
      List<RecordingListener> listeners = new ArrayList<>();
      List<Connection> connections = new ArrayList<>();
      try {
        for (int i = 0; i < clients; i++) {
          RecordingListener events = new RecordingListener();
          listeners.add(events);
          connections.add(Nats.connect(options(url, events).leaveLameDuckServer(window).build()));
        }
        for (Connection nc : connections) {
          nc.flush(WAIT);
          assertEquals(url, nc.connectedUrl());
          Await.until(() -> nc.serverInfo().connectUrls().size() >= 3, WAIT, "cluster discovered");
        }

        cluster.server(0).lameDuck();

        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (RecordingListener events : listeners) {
          events.await(ConnectionEvent.Reconnected.class, WAIT);
          long notice = events.timeOf(ConnectionEvent.LameDuck.class, 1);
          long left = events.timeOf(ConnectionEvent.Disconnected.class, 1);
          assertTrue(
              Duration.ofNanos(left - notice).compareTo(window.plusSeconds(1)) < 0,
              "left within the window: " + Duration.ofNanos(left - notice));
          ConnectionEvent.Disconnected d = events.await(ConnectionEvent.Disconnected.class, WAIT);
          assertTrue(d.cause().getMessage().contains("lame-duck"), d.cause().getMessage());
          first = Math.min(first, left);
          last = Math.max(last, left);
        }
        Duration spread = Duration.ofNanos(last - first);
        // 20 uniform delays over 3 s span less than 1 s with a probability below 1e-8
        assertTrue(spread.toMillis() >= 1_000, "the clients left over " + spread);
        for (Connection nc : connections) {
          nc.flush(WAIT);
          assertNotEquals(url, nc.connectedUrl());
        }
      } finally {
        connections.forEach(Connection::close);
      }
    }
  }
}
