package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * 200 reconnects in a row leave no threads or heap behind (measured after warm-up; threads by
 * count, heap as used memory after GC, which is coarse but catches a per-reconnect leak of a socket
 * or buffer: 200 × 16 KiB is over 3 MiB).
 */
class ReconnectCyclesIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int WARM_UP = 20;
  private static final int CYCLES = Integer.getInteger("cycles", 200);

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  @Test
  void twoHundredReconnectsDoNotGrowThreadsOrHeap() {
    try (NatsServer server = NatsServer.start()) {
      RecordingListener events = new RecordingListener();
      Options options =
          Options.builder()
              .server(server.clientUrl())
              .connectionListener(events)
              .reconnect(ReconnectOptions.builder().maxAttempts(-1).build())
              .build();
      try (Connection nc = Nats.connect(options)) {
        Subscription sub = nc.subscribe("cycles");
        for (int i = 1; i <= WARM_UP; i++) {
          nc.forceReconnect();
          events.await(ConnectionEvent.Resubscribed.class, i, WAIT);
        }
        nc.flush(WAIT);
        int threadsBefore = Thread.activeCount();
        int libraryThreadsBefore = LibraryThreads.alive().size();
        long heapBefore = usedHeapAfterGc();

        for (int i = 1; i <= CYCLES; i++) {
          nc.forceReconnect();
          events.await(ConnectionEvent.Resubscribed.class, WARM_UP + i, WAIT);
          nc.publish("cycles", Integer.toString(i));
        }
        nc.flush(WAIT);
        for (int i = 1; i <= CYCLES; i++) {
          assertEquals(Integer.toString(i), sub.next(WAIT).dataAsString());
        }

        int libraryThreadsAfter = LibraryThreads.alive().size();
        int threadsAfter = Thread.activeCount();
        long heapGrowth = usedHeapAfterGc() - heapBefore;
        System.out.printf(
            "after %d reconnects: library threads %d -> %d, threads %d -> %d, heap growth %d KiB%n",
            CYCLES,
            libraryThreadsBefore,
            libraryThreadsAfter,
            threadsBefore,
            threadsAfter,
            heapGrowth / 1024);
        assertTrue(
            libraryThreadsAfter <= libraryThreadsBefore + 1,
            "library threads " + libraryThreadsBefore + " -> " + LibraryThreads.alive());
        assertTrue(
            threadsAfter <= threadsBefore + 2, "threads " + threadsBefore + " -> " + threadsAfter);
        // ~2.5 KiB per cycle is this test's own event log (each Disconnected keeps its cause);
        // before the handshake watchdog let go of its socket, 200 cycles retained over 4 MiB
        assertTrue(heapGrowth < 2L * 1024 * 1024, "heap grew by " + heapGrowth / 1024 + " KiB");
        assertEquals(WARM_UP + CYCLES, nc.statistics().reconnects());
      }
    }
  }
}
