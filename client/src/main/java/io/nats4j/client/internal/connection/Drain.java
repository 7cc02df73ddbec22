package io.nats4j.client.internal.connection;

import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.internal.routing.NatsSubscription;
import io.nats4j.client.internal.routing.SubscriptionTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Draining a connection: DRAINING (no new subscriptions), every subscription drains, a PING
 * confirms the server has all that was published, then the connection closes; the timeout closes it
 * anyway.
 *
 * <p>Thread-safety: {@link #start} is safe from any thread; the completion runs on the event
 * thread.
 */
final class Drain {
  private Drain() {}

  static CompletableFuture<Void> start(
      Lifecycle lifecycle, SubscriptionTable table, Outbound outbound, Duration timeout) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    CompletableFuture<Void> earlier = lifecycle.beginDrain(done);
    if (earlier != null) {
      return earlier;
    }
    List<CompletableFuture<Void>> drains = new ArrayList<>();
    for (NatsSubscription sub : table.all()) {
      drains.add(sub.drain(timeout));
    }
    CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new))
        .thenCompose(ignored -> outbound.ping())
        .whenComplete(
            (ok, error) ->
                lifecycle.runOnEventThread(
                    () -> {
                      lifecycle.closeInternal(null);
                      if (error == null) {
                        done.complete(null);
                      } else {
                        done.completeExceptionally(Requests.unwrap(error));
                      }
                    }));
    CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS, Runnable::run)
        .execute(
            () -> {
              if (done.completeExceptionally(
                  new NatsTimeoutException(
                      "draining the connection did not finish within "
                          + timeout.toMillis()
                          + " ms; it was closed anyway"))) {
                lifecycle.closeInternal(null);
              }
            });
    return done;
  }
}
