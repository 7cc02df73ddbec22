package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.internal.spi.Internals;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The one seam through which push consumers schedule their timers (heartbeat checks): the
 * connection's scheduler (the library-wide {@code nats4j-timer} thread); for a connection nats4j
 * did not make, the JDK's delay scheduler stands in. What a timer finds that concerns user code
 * goes to {@link #onEvents(Connection, Runnable)}.
 *
 * <p>Tasks must be short, must not block and must not call user code: they run one after another on
 * a shared thread.
 */
public final class ConsumerTimers {
  private ConsumerTimers() {}

  /** A repeating task that can be cancelled. */
  public interface Periodic {
    /** Stops the task; a run already started finishes. Idempotent. */
    void cancel();
  }

  /**
   * Runs {@code task} every {@code period}, first after one period, on the connection's scheduler.
   *
   * @param connection the connection whose scheduler runs it
   * @param period the period, positive
   * @param task the task; an exception it throws is swallowed and the task keeps running
   * @return the handle to cancel it
   */
  public static Periodic every(Connection connection, Duration period, Runnable task) {
    if (Internals.supports(connection)) {
      return Internals.scheduler(connection).repeat(period, task)::cancel;
    }
    Repeating r = new Repeating(period.toNanos(), task);
    r.schedule();
    return r;
  }

  /**
   * Runs work that calls user code (listeners) on the connection's events thread, in order with its
   * other events (for a connection nats4j did not make: at once, on the calling thread).
   *
   * @param connection the connection
   * @param work the work
   */
  public static void onEvents(Connection connection, Runnable work) {
    if (Internals.supports(connection)) {
      Internals.events(connection).execute(work);
    } else {
      work.run();
    }
  }

  private static final class Repeating implements Periodic, Runnable {
    private final Executor delayed;
    private final Runnable task;
    private volatile boolean cancelled;

    Repeating(long periodNanos, Runnable task) {
      this.delayed =
          CompletableFuture.delayedExecutor(periodNanos, TimeUnit.NANOSECONDS, Runnable::run);
      this.task = task;
    }

    void schedule() {
      if (!cancelled) {
        delayed.execute(this);
      }
    }

    @Override
    public void run() {
      if (cancelled) {
        return;
      }
      try {
        task.run();
      } catch (RuntimeException ignored) {
        // A check that failed once must not end the checking.
      } finally {
        schedule();
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }
}
