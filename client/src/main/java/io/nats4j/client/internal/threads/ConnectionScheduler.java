package io.nats4j.client.internal.threads;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The timers of one connection: handshake deadline, keep-alive, drain, request and ack timeouts,
 * and the timers of the JetStream, KV and Object Store modules built on the connection. They run on
 * the library-wide timer thread {@code nats4j-timer} (one for the JVM, shared by every connection
 * with default threads), or, when the connection's threads come from the user's factory or are
 * virtual, on a timer thread of the connection's own from that source ({@code nats4j-timer-<id>}):
 * a factory's promise that every thread of the connection comes from it holds. {@link
 * #shutdown(long)} (the connection closes) removes every pending timer of the connection.
 *
 * <p>Rules for tasks: they are short and never block and never run user code, because the timer
 * thread serves every connection. A task that must complete a user's future hands it to the
 * connection's event thread; a task that may block hands it elsewhere. A timer scheduled after
 * shutdown never runs (its {@link Timer} reports so).
 *
 * <p>Thread-safety: every method is safe from any thread.
 */
public final class ConnectionScheduler {
  /** A scheduled task that can be cancelled. */
  public interface Timer {
    /** Cancels the task if it has not started; a no-op afterwards. */
    void cancel();
  }

  private static final Timer NEVER = () -> {};

  private final TimerThread timer;
  private final boolean ownTimer;
  boolean shutDown; // guarded by the timer's lock
  int pending; // guarded by the timer's lock: this scheduler's tasks in the timer's queue

  /**
   * Creates the scheduler of a connection.
   *
   * @param threads where the connection's threads come from: default platform threads share the
   *     library-wide timer; a user's factory or virtual threads give the connection a timer thread
   *     of its own from that source
   * @param name the name of that own timer thread
   */
  public ConnectionScheduler(ThreadSource threads, String name) {
    this(
        threads.libraryPlatform() ? TimerThread.shared() : new TimerThread(threads, name),
        !threads.libraryPlatform());
  }

  ConnectionScheduler(TimerThread timer, boolean ownTimer) {
    this.timer = timer;
    this.ownTimer = ownTimer;
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
    Timer t = timer.schedule(this, delayNanos, 0, task);
    return t == null ? NEVER : t;
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
    Timer t = timer.schedule(this, nanos, nanos, task);
    return t == null ? NEVER : t;
  }

  /**
   * Fails {@code future} with {@code failure} after {@code timeout} unless it completed first; the
   * timer is cancelled when the future completes. The future's dependent stages run on the timer
   * thread when the timeout fires, so pass only internal futures (or futures whose stages hand off
   * to another thread).
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
   * Tells whether the caller runs on the timer thread.
   *
   * @return true on {@code nats4j-timer} (or this connection's own timer thread)
   */
  public boolean inSchedulerThread() {
    return timer.inTimerThread();
  }

  /**
   * Returns how many timers of this connection wait (for tests: none after close).
   *
   * @return the pending timers of this scheduler
   */
  public int pending() {
    return timer.pending(this);
  }

  /**
   * Drops every pending timer of this connection; waits for one of them that runs now unless called
   * from the timer thread. A connection's own timer thread ends too.
   *
   * @param waitMillis how long to wait for a running task
   */
  public void shutdown(long waitMillis) {
    timer.dropAll(this, waitMillis);
    if (ownTimer) {
      timer.stop();
    }
  }
}
