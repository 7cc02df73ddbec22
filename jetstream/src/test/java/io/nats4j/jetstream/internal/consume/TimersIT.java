package io.nats4j.jetstream.internal.consume;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Consumer timers that publish (the re-pull after a 503, the ordered consume's re-create) run on
 * their connection's events thread, not on the timer thread every connection shares: a publish that
 * waits for room in one connection's full outbound buffer (held here by a latch) must not hold up
 * the timers of another connection.
 */
@NatsServerTest
class TimersIT {
  private final NatsServer server;

  TimersIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noThreadLeft() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void aPublishingTaskThatWaitsHoldsUpNoOtherConnectionsTimer() throws Exception {
    try (Connection waiting = Nats.connect(server.clientUrl());
        Connection other = Nats.connect(server.clientUrl())) {
      CountDownLatch running = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicReference<String> ranOn = new AtomicReference<>();
      Timers.scheduleOnEvents(
          waiting,
          Duration.ofMillis(1),
          () -> {
            ranOn.set(Thread.currentThread().getName());
            running.countDown();
            awaitQuietly(release);
          });
      try {
        assertTrue(running.await(10, TimeUnit.SECONDS), "the task ran");
        CountDownLatch fired = new CountDownLatch(1);
        Timers.schedule(other, Duration.ofMillis(1), fired::countDown);
        assertTrue(
            fired.await(10, TimeUnit.SECONDS),
            "another connection's timer fires while the first connection's task waits");
      } finally {
        release.countDown();
      }
      assertTrue(ranOn.get().startsWith("nats4j-events-"), "ran on " + ranOn.get());
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
