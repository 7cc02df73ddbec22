package io.nats4j.kv;

/**
 * A running listener watch; close it to stop delivery.
 *
 * <p>Thread-safe.
 */
public interface KeyValueWatch extends AutoCloseable {
  /** Stops delivery at once; the listener gets no more calls once this returns. */
  void stop();

  /** Same as {@link #stop()}. */
  @Override
  void close();
}
