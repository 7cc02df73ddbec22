package io.nats4j.client.internal.reconnect;

/**
 * Time for the reconnect loop: where it reads the time and how it waits. The real clock waits on
 * the {@link Cancellation}'s condition; tests use a fake that records waits and moves its time
 * forward instead of sleeping.
 *
 * <p>Thread-safety: implementations are called from the reconnect thread; {@link #system()} is
 * stateless.
 */
public interface Clock {

  /**
   * Returns a monotonic time.
   *
   * @return nanoseconds, comparable only with other values of this clock
   */
  long nanoTime();

  /**
   * Waits {@code nanos} unless cancelled first.
   *
   * @param nanos the wait, positive
   * @param cancellation breaks the wait at once when cancelled
   * @return true if the whole wait passed, false if it was cancelled
   */
  boolean sleep(long nanos, Cancellation cancellation);

  /**
   * Returns the real clock.
   *
   * @return {@link System#nanoTime()} and a condition wait
   */
  static Clock system() {
    return SystemClock.INSTANCE;
  }

  /** The real clock. */
  final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {}

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public boolean sleep(long nanos, Cancellation cancellation) {
      return !cancellation.awaitCancel(nanos);
    }
  }
}
