package io.nats4j.objectstore;

/**
 * A running {@link ObjectStore#watch}. Closing it stops the consumer behind it; no call to the
 * watcher starts after {@link #stop()} returned, except one already running.
 *
 * <p>Thread-safety: safe from any thread.
 */
public interface ObjectWatch extends AutoCloseable {
  /** Stops watching. Idempotent. */
  void stop();

  /** Same as {@link #stop()}. */
  @Override
  void close();
}
