package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.NatsServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A frozen server (SIGSTOP): PINGs go unanswered, the client calls it stale and reconnects. */
class StaleConnectionIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Duration INTERVAL = Duration.ofMillis(250);

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void aFrozenServerIsDetectedAsStaleAndTheClientReconnectsWhenItThaws() {
    try (NatsServer server = NatsServer.start()) {
      RecordingListener events = new RecordingListener();
      Options options =
          Options.builder()
              .server(server.clientUrl())
              .connectionListener(events)
              .pingInterval(INTERVAL)
              .maxPingsOut(2)
              .connectTimeout(Duration.ofMillis(500))
              .reconnect(
                  ReconnectOptions.builder().maxAttempts(-1).wait(Duration.ofMillis(100)).build())
              .build();
      try (Connection nc = Nats.connect(options)) {
        Subscription sub = nc.subscribe("thaw");
        nc.flush(WAIT);

        long pausedAt = System.nanoTime();
        server.pause();
        ConnectionEvent.Disconnected lost;
        try {
          lost = events.await(ConnectionEvent.Disconnected.class, WAIT);
          assertEquals(Status.RECONNECTING, nc.status());
        } finally {
          server.resume();
        }
        long staleMillis =
            (events.timeOf(ConnectionEvent.Disconnected.class, 1) - pausedAt) / 1_000_000;

        assertTrue(lost.cause().getMessage().toLowerCase().contains("stale"), lost.toString());
        long bound = INTERVAL.toMillis() * (2 + 1) + 500;
        assertTrue(staleMillis < bound, "stale after " + staleMillis + " ms, bound " + bound);
        events.await(ConnectionEvent.Resubscribed.class, WAIT);
        nc.publish("thaw", "again");
        assertEquals("again", sub.next(WAIT).dataAsString());
      }
    }
  }
}
