package io.nats4j.jetstream.internal.consume;

import io.nats4j.client.Connection;
import io.nats4j.client.internal.spi.Internals;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Consumer timers (heartbeat checks, retries) on the connection's scheduler (the library-wide
 * {@code nats4j-timer} thread); what they find that concerns user code is handed to the
 * connection's events thread. Timer tasks only read clocks and hand work over: what publishes goes
 * to the events thread too ({@link #scheduleOnEvents}), so a full outbound buffer of one connection
 * never holds up the timers of all. (For a connection nats4j did not make, the JDK's delay
 * scheduler stands in.)
 */
final class Timers {
  private Timers() {}

  /** A scheduled task that can be cancelled. */
  interface Task {
    /** Cancels the task if it has not run yet. */
    void cancel();
  }

  /**
   * Runs a task once after a delay, on the connection's scheduler.
   *
   * @param connection the connection whose scheduler runs it
   * @param delay the delay
   * @param task short and non-blocking, no user code
   * @return the handle
   */
  static Task schedule(Connection connection, Duration delay, Runnable task) {
    if (Internals.supports(connection)) {
      return Internals.scheduler(connection).schedule(delay, task)::cancel;
    }
    CompletableFuture<Void> f = new CompletableFuture<>();
    CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, Runnable::run)
        .execute(
            () -> {
              if (!f.isDone()) {
                f.complete(null);
                task.run();
              }
            });
    return () -> f.cancel(false);
  }

  /**
   * Runs a task once after a delay on the connection's events thread: for a task that publishes (a
   * re-pull, a consumer re-create), since a publish may wait for room in a full outbound buffer and
   * the timer thread is shared by every connection.
   *
   * @param connection the connection whose scheduler times it and whose events thread runs it
   * @param delay the delay
   * @param task no user code
   * @return the handle
   */
  static Task scheduleOnEvents(Connection connection, Duration delay, Runnable task) {
    return schedule(connection, delay, () -> onEvents(connection, task));
  }

  /**
   * Runs work that may call user code (listeners) on the connection's events thread, in order with
   * its other events.
   *
   * @param connection the connection
   * @param work the work
   */
  static void onEvents(Connection connection, Runnable work) {
    if (Internals.supports(connection)) {
      Internals.events(connection).execute(work);
    } else {
      work.run();
    }
  }
}
