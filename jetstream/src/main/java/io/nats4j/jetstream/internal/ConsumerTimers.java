package io.nats4j.jetstream.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The one seam through which consumers schedule their timers (heartbeat checks). Today it runs on
 * the JDK's delay scheduler (one daemon thread for the whole JVM, no nats4j thread); when the
 * connection gets its own scheduler, only this class changes.
 *
 * <p>Tasks must be short and must not block: they run one after another on a shared thread.
 */
public final class ConsumerTimers {
  private ConsumerTimers() {}

  /** A repeating task that can be cancelled. */
  public interface Periodic {
    /** Stops the task; a run already started finishes. Idempotent. */
    void cancel();
  }

  /**
   * Runs {@code task} every {@code period}, first after one period.
   *
   * @param period the period, positive
   * @param task the task; an exception it throws is swallowed and the task keeps running
   * @return the handle to cancel it
   */
  public static Periodic every(Duration period, Runnable task) {
    Repeating r = new Repeating(period.toNanos(), task);
    r.schedule();
    return r;
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
