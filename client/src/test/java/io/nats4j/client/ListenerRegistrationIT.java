package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Listeners registered on a live connection, against a real server that is killed and restarted.
 */
class ListenerRegistrationIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  private static Options options(NatsServer server, ConnectionListener fromOptions) {
    return Options.builder()
        .server(server.clientUrl())
        .connectionListener(fromOptions)
        .reconnect(
            ReconnectOptions.builder()
                .maxAttempts(-1)
                .waitTime(Duration.ofMillis(100))
                .jitter(Duration.ofMillis(20), Duration.ofMillis(20))
                .build())
        .build();
  }

  @Test
  void aListenerAddedAfterConnectReceivesDisconnectedAndReconnectedInOrderOnTheEventThread() {
    try (NatsServer server = NatsServer.start()) {
      RecordingListener fromOptions = new RecordingListener();
      try (Connection nc = Nats.connect(options(server, fromOptions))) {
        RecordingListener added = new RecordingListener();
        List<String> threads = new CopyOnWriteArrayList<>();
        // registered first: it has seen an event by the time `added` has
        nc.addConnectionListener(e -> threads.add(Thread.currentThread().getName()));
        nc.addConnectionListener(added);

        server.kill();
        ConnectionEvent.Disconnected disconnected =
            added.await(ConnectionEvent.Disconnected.class, WAIT);
        assertEquals("nats://127.0.0.1:" + server.port(), disconnected.server());
        server.restart();
        added.await(ConnectionEvent.Resubscribed.class, WAIT);

        assertEquals(
            List.of("Disconnected", "Reconnected", "Resubscribed"), added.types(), "added");
        // the listener from the options saw Connected before, then the same events in order
        assertEquals(
            List.of("Connected", "Disconnected", "Reconnected", "Resubscribed"),
            fromOptions.types());
        assertEquals(3, threads.size(), threads.toString());
        assertTrue(
            threads.stream().allMatch(t -> t.startsWith("nats4j-events-")), threads::toString);
        assertEquals(ConnectionStatus.CONNECTED, nc.status());
      }
    }
  }

  @Test
  void aRemovedListenerGetsNoMoreEventsAndTheOthersStillDo() {
    try (NatsServer server = NatsServer.start()) {
      RecordingListener removed = new RecordingListener();
      RecordingListener kept = new RecordingListener();
      Connection nc = Nats.connect(options(server, kept));
      nc.addConnectionListener(removed);
      server.kill();
      removed.await(ConnectionEvent.Disconnected.class, WAIT);

      assertTrue(nc.removeConnectionListener(removed));
      assertFalse(nc.removeConnectionListener(removed), "a second removal finds nothing");
      server.restart();
      kept.await(ConnectionEvent.Reconnected.class, WAIT);
      nc.close(); // returns once every event was delivered

      assertEquals(List.of("Disconnected"), removed.types());
      assertEquals("Closed", kept.types().get(kept.types().size() - 1), kept.types().toString());
    }
  }

  @Test
  void aThrowingListenerDoesNotKeepTheEventFromTheNextOne() {
    try (NatsServer server = NatsServer.start()) {
      RecordingListener after = new RecordingListener();
      try (Connection nc = Nats.connect(options(server, e -> {}))) {
        nc.addConnectionListener(
            e -> {
              throw new IllegalStateException("listener bug");
            });
        nc.addConnectionListener(after);
        server.kill();
        assertInstanceOf(
            ConnectionEvent.Disconnected.class,
            after.await(ConnectionEvent.Disconnected.class, WAIT));
        server.restart();
        after.await(ConnectionEvent.Reconnected.class, WAIT);
      }
    }
  }

  @Test
  void anErrorListenerAddedAfterConnectReceivesASlowConsumer() {
    try (NatsServer server = NatsServer.start();
        Connection nc = Nats.connect(options(server, e -> {}))) {
      List<AsyncError> errors = new CopyOnWriteArrayList<>();
      nc.addErrorListener(errors::add);
      Subscription slow = nc.subscribe("flood");
      slow.setPendingLimits(1, 0);
      nc.flush(WAIT);
      for (int i = 0; i < 5; i++) {
        nc.publish("flood", Integer.toString(i));
      }
      nc.flush(WAIT);
      Await.until(() -> !errors.isEmpty(), WAIT, "slow consumer reported");
      AsyncError.SlowConsumer sc = assertInstanceOf(AsyncError.SlowConsumer.class, errors.get(0));
      assertEquals(slow, sc.subscription());
    }
  }

  @Test
  void nullListenersAreRejected() {
    try (NatsServer server = NatsServer.start();
        Connection nc = Nats.connect(options(server, e -> {}))) {
      assertThrows(NullPointerException.class, () -> nc.addConnectionListener(null));
      assertThrows(NullPointerException.class, () -> nc.addErrorListener(null));
      nc.flush(WAIT);
    }
  }
}
