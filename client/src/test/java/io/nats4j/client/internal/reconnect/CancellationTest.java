package io.nats4j.client.internal.reconnect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.ServerChooser;
import io.nats4j.client.internal.address.ServerAddress;
import io.nats4j.testkit.Await;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real clock: a cancelled wait ends at once, however long it was. */
class CancellationTest {

  @Test
  void cancelBreaksAnHourLongBackoffWaitAtOnce() throws Exception {
    ServerPool pool =
        new ServerPool(List.of(ServerAddress.parse("nats://a:1")), false, false, new Random());
    pool.connected(pool.servers().get(0), System.nanoTime());
    pool.reconnecting(null, false);
    Reconnector reconnector =
        new Reconnector(
            pool,
            new Reconnector.Settings(
                Backoffs.perServer(Duration.ofHours(1), Duration.ZERO, Duration.ZERO, () -> 0),
                (ServerChooser) null,
                null,
                false,
                true,
                false,
                t -> null),
            Clock.system(),
            new Random());
    Cancellation cancellation = new Cancellation();
    Reconnector.Connector<String> refused =
        target -> {
          throw new ConnectException("refused");
        };
    CompletableFuture<Reconnector.Outcome<String>> outcome = new CompletableFuture<>();
    Thread loop =
        new Thread(
            () -> outcome.complete(reconnector.run(refused, -1, cancellation, () -> null)),
            "test-reconnect-loop");
    loop.start();
    Await.until(
        () -> loop.getState() == Thread.State.TIMED_WAITING,
        Duration.ofSeconds(5),
        "the loop waits out its backoff");

    long start = System.nanoTime();
    cancellation.cancel();
    Reconnector.Outcome<String> result = outcome.get(5, TimeUnit.SECONDS);

    assertInstanceOf(Reconnector.Cancelled.class, result);
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
    loop.join(5_000);
    assertFalse(loop.isAlive());
  }

  @Test
  void awaitCancelReturnsFalseWhenTheTimeRunsOut() {
    assertFalse(new Cancellation().awaitCancel(1_000));
  }

  @Test
  void anInterruptCountsAsCancellationAndKeepsTheFlag() {
    Thread.currentThread().interrupt();
    try {
      assertTrue(new Cancellation().awaitCancel(TimeUnit.HOURS.toNanos(1)));
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }
}
