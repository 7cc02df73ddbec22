package io.nats4j.kv;

import java.time.Duration;
import java.util.Optional;

/**
 * A watch read at the caller's pace: {@link #next(Duration)} blocks for the next entry; messages
 * are pulled only as they are read.
 *
 * <pre>{@code
 * try (KeyValueWatcher w = kv.watcher(List.of("orders.>"), KeyValueWatchOptions.defaults())) {
 *   while (!w.initialDataDone()) {
 *     w.next(Duration.ofSeconds(5)).ifPresent(this::load);   // the current state
 *   }
 *   while (running) {
 *     w.next(Duration.ofSeconds(5)).ifPresent(this::apply);  // then the changes
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safety: read from one thread at a time; {@link #close()} may be called from any thread.
 * Blocking calls are safe on virtual threads.
 */
public interface KeyValueWatcher extends AutoCloseable {
  /**
   * Returns the next entry, waiting up to {@code maxWait}. Returns empty when nothing came in time,
   * or at once when the initial data ended on an entry that the options leave out (a delete with
   * {@code ignoreDeletes}); {@link #initialDataDone()} tells which.
   *
   * @throws KeyValueException if the watch ended for good
   * @throws IllegalStateException if the watcher is closed
   * @param maxWait the max wait
   * @return the next entry, waiting up to {@code maxWait}
   */
  Optional<KeyValueEntry> next(Duration maxWait);

  /**
   * Returns true once every entry that existed when the watch started has been returned by {@link
   * #next(Duration)}: true at once for an empty range or updates-only, and true as soon as {@code
   * next} returned the last initial entry. It turns true exactly once and stays true.
   *
   * @return true once every entry that existed when the watch started has been returned by {@link
   *     #next(Duration)}: true at once for an empty range or updates-only, and true as soon as
   *     {@code next} returned the last initial entry
   */
  boolean initialDataDone();

  /** Stops the watch. */
  @Override
  void close();
}
