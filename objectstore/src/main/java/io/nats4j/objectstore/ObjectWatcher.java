package io.nats4j.objectstore;

import org.slf4j.LoggerFactory;

/**
 * Told about the objects of a bucket by {@link ObjectStore#watch}: first the current state (one
 * call per object), then {@link #onEndOfInitialData()} exactly once (also when the bucket is empty,
 * and at once with {@link WatchOptions.Builder#updatesOnly(boolean)}), then every change as it is
 * stored.
 *
 * <p>Calls come one at a time, never concurrently, on the watch's own dispatcher (or the one given
 * with {@link WatchOptions.Builder#dispatcher}; see docs/THREADING.md), except that {@link
 * #onEndOfInitialData()} may come on the thread that called {@code watch} when there is nothing to
 * deliver first. A slow watcher holds back later changes of its own watch, not other watches.
 */
@FunctionalInterface
public interface ObjectWatcher {
  /**
   * An object's current meta, or a change to it (a put, meta update, link or delete: a deleted
   * object's marker, {@link ObjectInfo#isDeleted()}, unless {@link
   * WatchOptions.Builder#ignoreDeletes(boolean)}).
   *
   * @param info the object's info; {@link ObjectInfo#modified()} is when the server stored it
   */
  void onUpdate(ObjectInfo info);

  /** Everything that existed when the watch started was delivered. Called once. */
  default void onEndOfInitialData() {}

  /**
   * A meta message could not be read (not Object Store JSON); it is skipped. The default logs it as
   * a warning through SLF4J (logger {@code io.nats4j.objectstore.ObjectWatcher}).
   *
   * @param error what was wrong
   */
  default void onError(ObjectStoreException error) {
    LoggerFactory.getLogger(ObjectWatcher.class)
        .warn("object watch skipped a meta message: {}", error.toString());
  }
}
