package io.nats4j.kv;

/**
 * Receives what a watcher delivers: entries in revision order, and once, after the initial data
 * (also when it was empty), {@link #endOfInitialData()}.
 *
 * <p>Threading: called on the watch's own dispatcher (one per watch, closed with it; or the one
 * given with {@link KeyValueWatchOptions.Builder#dispatcher}; docs/THREADING.md), one call at a
 * time, never concurrently; except that {@link #endOfInitialData()} for an empty initial range (or
 * updates-only) is called by {@link KeyValue#watch} itself before it returns, and before any entry.
 * A slow listener holds back later entries of its own watch, not other watchers (unless they share
 * a dispatcher given in the options).
 */
public interface KeyValueWatchListener {
  /**
   * One revision of a matching key.
   *
   * @param entry the entry; its {@link KeyValueEntry#delta()} is how many matching messages the
   *     watcher still had to deliver at that moment
   */
  void onEntry(KeyValueEntry entry);

  /** Every entry that existed when the watch started has been delivered. Called exactly once. */
  default void endOfInitialData() {}

  /**
   * The watch ended for good (bucket deleted, consumer refused); no calls follow.
   *
   * @param error what ended it
   */
  default void terminated(Throwable error) {}
}
