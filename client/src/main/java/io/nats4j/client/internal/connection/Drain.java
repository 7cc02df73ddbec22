package io.nats4j.client.internal.connection;

import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.internal.routing.NatsSubscription;
import io.nats4j.client.internal.routing.SubscriptionTable;
import io.nats4j.client.internal.threads.ConnectionScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Draining a connection: DRAINING (no new subscriptions), every subscription drains, a PING
 * confirms the server has all that was published, then the connection closes; the timeout closes it
 * anyway.
 *
 * <p>Thread-safety: {@link #start} is safe from any thread; the completion (success or timeout)
 * runs on the event thread; the timeout's timer is on the connection's scheduler.
 */
final class Drain {
  private Drain() {}

  static CompletableFuture<Void> start(
      Lifecycle lifecycle,
      SubscriptionTable table,
      Outbound outbound,
      ConnectionScheduler scheduler,
      Duration timeout) {
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
    // the timer only hands over: closing joins threads, and the future's stages are user code
    ConnectionScheduler.Timer timer =
        scheduler.schedule(
            timeout,
            () ->
                lifecycle.runOnEventThread(
                    () -> {
                      if (done.completeExceptionally(
                          new NatsTimeoutException(
                              "draining the connection did not finish within "
                                  + timeout.toMillis()
                                  + " ms; it was closed anyway"))) {
                        lifecycle.closeInternal(null);
                      }
                    }));
    done.whenComplete((ok, error) -> timer.cancel());
    return done;
  }
}
