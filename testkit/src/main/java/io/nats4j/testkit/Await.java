package io.nats4j.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition until it holds or a deadline passes; the test-side replacement for {@code
 * Thread.sleep}.
 *
 * <p>Thread-safe: stateless. Polls start every millisecond and back off to every 50 ms, so a
 * condition that becomes true quickly is seen quickly.
 */
public final class Await {

  /** The timeout used by {@link #until(BooleanSupplier, String)}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private Await() {}

  /**
   * Waits until {@code condition} returns true.
   *
   * @param condition evaluated repeatedly on the calling thread; exceptions it throws propagate
   * @param timeout how long to wait at most
   * @param description what is awaited, used in the failure message
   * @throws AssertionError naming {@code description} if the condition is still false at the end
   */
  public static void until(BooleanSupplier condition, Duration timeout, String description) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long pauseNanos = TimeUnit.MILLISECONDS.toNanos(1);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + description);
      }
      LockSupport.parkNanos(pauseNanos);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + description);
      }
      pauseNanos = Math.min(pauseNanos * 2, TimeUnit.MILLISECONDS.toNanos(50));
    }
  }

  /**
   * Waits up to {@link #DEFAULT_TIMEOUT} until {@code condition} returns true.
   *
   * @param condition checked until it returns true
   * @param description what is awaited, for the failure message
   * @throws AssertionError naming {@code description} on timeout
   */
  public static void until(BooleanSupplier condition, String description) {
    until(condition, DEFAULT_TIMEOUT, description);
  }
}
