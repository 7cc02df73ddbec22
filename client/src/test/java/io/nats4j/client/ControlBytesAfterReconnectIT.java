package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Control ops (PING, SUB, UNSUB) queued for a transport that died before they were written belong
 * to that transport: the next one gets only the messages, its own resubscriptions and its own
 * PINGs.
 */
class ControlBytesAfterReconnectIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  private static Options options(NatsServer server, RecordingListener events) {
    return Options.builder()
        .server(server.clientUrl())
        .connectionListener(events)
        .maxOutboundBytes(256 * 1024)
        .publishBlockTimeout(Duration.ofMillis(200))
        .reconnect(
            ReconnectOptions.builder()
                .maxAttempts(-1)
                .waitTime(Duration.ofMillis(50))
                .jitter(Duration.ZERO, Duration.ZERO)
                .bufferBytes(64 * 1024 * 1024)
                .build())
        .build();
  }

  /**
   * Freezes the server until the writer is stuck in a write and the outbound buffer holds bytes
   * nobody will write to this socket, then queues control ops behind them.
   */
  private static void stickTheWriter(Connection nc, NatsServer server) {
    server.pause();
    byte[] chunk = new byte[32 * 1024];
    while (true) {
      try {
        nc.publish("junk", chunk);
      } catch (BufferFullException stuck) {
        return; // the buffer stayed full for 200 ms: the writer cannot write
      }
    }
  }

  @Test
  void aFlushMadeWhileDisconnectedWaitsForItsOwnPong() throws Exception {
    try (NatsServer server = NatsServer.start()) {
      RecordingListener events = new RecordingListener();
      try (Connection nc = Nats.connect(options(server, events))) {
        Subscription sub = nc.subscribe("flushed");
        nc.flush(WAIT);
        stickTheWriter(nc, server);
        // this PING is queued behind the bytes the stuck writer will never write
        assertThrows(NatsTimeoutException.class, () -> nc.flush(Duration.ofMillis(100)));
        server.kill();
        events.await(ConnectionEvent.Disconnected.class, WAIT);

        int count = 20_000;
        byte[] payload = new byte[100];
        for (int i = 0; i < count; i++) {
          nc.publish("flushed", payload); // into the reconnect buffer
        }
        CompletableFuture<Void> flushed = new CompletableFuture<>();
        Thread flusher =
            new Thread(
                () -> {
                  try {
                    nc.flush(WAIT);
                    flushed.complete(null);
                  } catch (RuntimeException e) {
                    flushed.completeExceptionally(e);
                  }
                },
                "test-flusher");
        flusher.start();
        Await.until(
            () -> flusher.getState() == Thread.State.TIMED_WAITING, WAIT, "flush waits for PONG");
        server.restart();
        flushed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        // the server sent every buffered message before the PONG of that flush, and the reader
        // routes messages before it completes a PONG: all are queued now, none may be missing
        assertEquals(count, sub.pendingMessages(), "messages queued when flush() returned");
      }
    }
  }

  @Test
  void aStaleAutoUnsubscribeDoesNotRaiseTheLimitOfTheResubscription() throws Exception {
    try (NatsServer server = NatsServer.start()) {
      RecordingListener events = new RecordingListener();
      try (Connection nc = Nats.connect(options(server, events))) {
        Subscription sub = nc.subscribe("counted");
        nc.flush(WAIT);
        for (int i = 1; i <= 3; i++) {
          nc.publish("counted", Integer.toString(i).getBytes());
        }
        nc.flush(WAIT);
        for (int i = 1; i <= 3; i++) {
          assertEquals(Integer.toString(i), sub.next(WAIT).dataAsString());
        }
        stickTheWriter(nc, server);
        sub.unsubscribe(5); // UNSUB sid 5 waits behind the stuck bytes
        server.kill();
        events.await(ConnectionEvent.Disconnected.class, WAIT);
        server.restart();
        events.await(ConnectionEvent.Resubscribed.class, WAIT);
        // the resubscription asked for the 2 messages left; a stale UNSUB sid 5 after it would
        // leave the server's interest alive after the client has all 5 and forgot the sid
        nc.publish("counted", "4".getBytes());
        nc.publish("counted", "5".getBytes());
        nc.flush(WAIT);
        assertEquals("4", sub.next(WAIT).dataAsString());
        assertEquals("5", sub.next(WAIT).dataAsString());
        String connz = server.monitor("/connz?subs=1");
        assertTrue(!connz.contains("\"counted\""), "the server still has interest: " + connz);
      }
    }
  }
}
