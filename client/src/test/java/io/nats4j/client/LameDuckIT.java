package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsCluster;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A node entering lame-duck mode: the client is told once and moves to another node. */
class LameDuckIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void lameDuckMovesTheClientToAnotherNodeWithSubscriptionsIntact() {
    try (NatsCluster cluster = NatsCluster.start(3, ServerConfig.defaults())) {
      RecordingListener events = new RecordingListener();
      Options options =
          Options.builder()
              .server(cluster.server(0).clientUrl())
              .connectionListener(events)
              .reconnect(ReconnectOptions.builder().waitTime(Duration.ofMillis(200)).build())
              .build();
      try (Connection nc = Nats.connect(options)) {
        Subscription sub = nc.subscribe("ldm.test");
        Subscription queued = nc.subscribe("ldm.work", "workers");
        nc.flush(WAIT);
        String before = nc.connectedUrl();
        NatsServer node =
            cluster.servers().stream().filter(s -> s.clientUrl().equals(before)).findFirst().get();

        node.lameDuck();

        events.await(ConnectionEvent.LameDuck.class, WAIT);
        events.await(ConnectionEvent.Resubscribed.class, WAIT);
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
        assertEquals(1, events.count(ConnectionEvent.Reconnected.class));
        assertEquals(
            java.util.List.of(
                "Connected", "LameDuck", "Disconnected", "Reconnected", "Resubscribed"),
            events.types().stream().filter(t -> !t.equals("ServersDiscovered")).toList());
      }
    }
  }
}
