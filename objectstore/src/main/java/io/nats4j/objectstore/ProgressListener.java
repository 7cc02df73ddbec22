package io.nats4j.objectstore;

/**
 * Told how far a put or get has come, to drive a progress bar.
 *
 * <p>Called on the thread doing the transfer (a put: the caller's thread, after each chunk was
 * handed to the connection; a get: the thread reading the object, after each chunk was checked), so
 * it must be quick; it may be called from any thread, one call at a time per transfer.
 */
@FunctionalInterface
public interface ProgressListener {
  /**
   * Reports progress.
   *
   * @param bytes bytes transferred so far
   * @param total the object's size, or -1 when unknown (a put from a stream)
   */
  void onProgress(long bytes, long total);
}
