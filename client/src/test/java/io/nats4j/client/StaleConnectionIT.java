package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.LibraryThreads;
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
                  ReconnectOptions.builder()
                      .maxAttempts(-1)
                      .waitTime(Duration.ofMillis(100))
                      .build())
              .build();
      try (Connection nc = Nats.connect(options)) {
        Subscription sub = nc.subscribe("thaw");
        nc.flush(WAIT);

        long pausedAt = System.nanoTime();
        server.pause();
        ConnectionEvent.Disconnected lost;
        try {
          lost = events.await(ConnectionEvent.Disconnected.class, WAIT);
          assertEquals(ConnectionStatus.RECONNECTING, nc.status());
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

  /**
   * Heavy publishing to a frozen server fills the socket buffers and blocks the writer, which then
   * cannot send PINGs or notice missing PONGs: the keep-alive backstop must still call it stale.
   */
  @Test
  void aFrozenServerIsDetectedAsStaleEvenWhilePublishingBlocksTheWriter() throws Exception {
    try (NatsServer server = NatsServer.start()) {
      RecordingListener events = new RecordingListener();
      Options options =
          Options.builder()
              .server(server.clientUrl())
              .connectionListener(events)
              .pingInterval(INTERVAL)
              .maxPingsOut(2)
              .connectTimeout(Duration.ofMillis(500))
              .publishBlockTimeout(Duration.ofMillis(100))
              .reconnect(
                  ReconnectOptions.builder()
                      .maxAttempts(-1)
                      .waitTime(Duration.ofMillis(100))
                      .build())
              .build();
      try (Connection nc = Nats.connect(options)) {
        nc.flush(WAIT);
        java.util.concurrent.atomic.AtomicBoolean stop =
            new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong bufferFull =
            new java.util.concurrent.atomic.AtomicLong();
        Thread publisher =
            new Thread(
                () -> {
                  byte[] payload = new byte[64 * 1024];
                  while (!stop.get()) {
                    try {
                      nc.publish("flood", payload);
                    } catch (BufferFullException e) {
                      bufferFull.incrementAndGet(); // told, never silently dropped
                    }
                  }
                },
                "test-flood");
        long pausedAt;
        server.pause();
        try {
          pausedAt = System.nanoTime();
          publisher.start();
          ConnectionEvent.Disconnected lost =
              events.await(ConnectionEvent.Disconnected.class, WAIT);
          assertTrue(
              lost.cause().getMessage().toLowerCase().contains("stale"), lost.cause().toString());
        } finally {
          stop.set(true);
          server.resume();
        }
        publisher.join(10_000);
        long staleMillis =
            (events.timeOf(ConnectionEvent.Disconnected.class, 1) - pausedAt) / 1_000_000;
        long bound = INTERVAL.toMillis() * (2 + 2) + 1_000;
        assertTrue(staleMillis < bound, "stale after " + staleMillis + " ms, bound " + bound);
        assertTrue(bufferFull.get() > 0, "the writer was blocked: publishes were refused");
        events.await(ConnectionEvent.Reconnected.class, WAIT);
        nc.flush(WAIT);
      }
    }
  }
}
