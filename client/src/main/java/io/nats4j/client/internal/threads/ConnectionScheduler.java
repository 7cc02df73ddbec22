package io.nats4j.client.internal.threads;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one timer of a connection: handshake deadline, keep-alive, drain, request and ack timeouts,
 * and the timers of the JetStream, KV and Object Store modules built on the connection. One thread,
 * {@code nats4j-scheduler-<id>}, started on the first timer and stopped by {@link #shutdown(long)}
 * when the connection closes.
 *
 * <p>Rules for tasks: they are short and never block and never run user code. A task that must
 * complete a user's future hands it to the connection's event thread; a task that may block hands
 * it elsewhere. A timer scheduled after shutdown never runs (its {@link Timer} reports so).
 *
 * <p>Thread-safety: every method is safe from any thread.
 */
public final class ConnectionScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionScheduler.class);

  /** A scheduled task that can be cancelled. */
  public interface Timer {
    /** Cancels the task if it has not started; a no-op afterwards. */
    void cancel();
  }

  private static final Timer NEVER = () -> {};

  private final ScheduledThreadPoolExecutor executor;
  private volatile Thread thread;

  /**
   * Creates the scheduler; its thread starts with the first timer.
   *
   * @param threads where the thread comes from
   * @param name the thread name
   */
  public ConnectionScheduler(ThreadSource threads, String name) {
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread t = threads.newThread(name, task);
              thread = t;
              return t;
            });
    executor.setRemoveOnCancelPolicy(true); // a cancelled request timeout frees its future now
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /**
   * Runs {@code task} once after {@code delay}.
   *
   * @param delay the delay
   * @param task short and non-blocking
   * @return the timer
   */
  public Timer schedule(Duration delay, Runnable task) {
    return scheduleNanos(delay.toNanos(), task);
  }

  /**
   * Runs {@code task} once after {@code delayNanos}.
   *
   * @param delayNanos the delay in nanoseconds
   * @param task short and non-blocking
   * @return the timer
   */
  public Timer scheduleNanos(long delayNanos, Runnable task) {
    try {
      ScheduledFuture<?> f =
          executor.schedule(guarded(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    } catch (RejectedExecutionException shutDown) {
      return NEVER;
    }
  }

  /**
   * Runs {@code task} every {@code period}, the first time after one period, until cancelled.
   *
   * @param period the period (fixed delay between the end of one run and the next)
   * @param task short and non-blocking
   * @return the timer
   */
  public Timer repeat(Duration period, Runnable task) {
    long nanos = Math.max(1, period.toNanos());
    try {
      ScheduledFuture<?> f =
          executor.scheduleWithFixedDelay(guarded(task), nanos, nanos, TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    } catch (RejectedExecutionException shutDown) {
      return NEVER;
    }
  }

  /**
   * Fails {@code future} with {@code failure} after {@code timeout} unless it completed first; the
   * timer is cancelled when the future completes. The future's dependent stages run on this
   * scheduler when the timeout fires, so pass only internal futures (or futures whose stages hand
   * off to another thread).
   *
   * @param future the future
   * @param timeout the time limit
   * @param failure creates the exception
   * @param <T> the value type
   * @return {@code future}
   */
  public <T> CompletableFuture<T> failAfter(
      CompletableFuture<T> future, Duration timeout, Supplier<? extends Throwable> failure) {
    if (future.isDone()) {
      return future;
    }
    Timer timer =
        schedule(
            timeout,
            () -> {
              if (!future.isDone()) {
                future.completeExceptionally(failure.get());
              }
            });
    future.whenComplete((v, e) -> timer.cancel());
    return future;
  }

  /**
   * Tells whether the caller runs on the scheduler's thread.
   *
   * @return true on {@code nats4j-scheduler-<id>}
   */
  public boolean inSchedulerThread() {
    return Thread.currentThread() == thread;
  }

  /**
   * Drops every pending timer and stops the thread; waits for it unless called from it.
   *
   * @param waitMillis how long to wait for a running task
   */
  public void shutdown(long waitMillis) {
    executor.shutdownNow();
    if (inSchedulerThread()) {
      return;
    }
    try {
      if (!executor.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
        LOG.warn("a nats4j timer task still runs {} ms after close", waitMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (Throwable t) {
        LOG.warn("a nats4j timer task threw", t);
      }
    };
  }
}
