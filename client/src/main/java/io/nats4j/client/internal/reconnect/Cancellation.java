package io.nats4j.client.internal.reconnect;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-way switch that stops a reconnect loop: {@link #cancel()} wakes a thread waiting in {@link
 * #awaitCancel(long)} at once, which is how {@code close()} breaks a backoff wait without waiting
 * for it to run out.
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class Cancellation {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition cancelledCondition = lock.newCondition();
  private volatile boolean cancelled;

  /** Cancels; idempotent. Wakes every waiter. */
  public void cancel() {
    lock.lock();
    try {
      cancelled = true;
      cancelledCondition.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Tells whether {@link #cancel()} was called.
   *
   * @return true once cancelled
   */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Waits until cancelled or until {@code nanos} have passed. An interrupt counts as a cancellation
   * (and the interrupt flag is kept).
   *
   * @param nanos the longest wait
   * @return true if cancelled (or interrupted), false if the time ran out
   */
  public boolean awaitCancel(long nanos) {
    lock.lock();
    try {
      long left = nanos;
      while (!cancelled && left > 0) {
        left = cancelledCondition.awaitNanos(left);
      }
      return cancelled;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    } finally {
      lock.unlock();
    }
  }
}
