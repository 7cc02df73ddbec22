package io.nats4j.client.internal.connection;

/** Bounded joins of library threads, skipping the calling thread (close() from a callback). */
final class ThreadJoin {
  private ThreadJoin() {}

  static void join(Thread thread, long millis) {
    if (thread == null || thread == Thread.currentThread()) {
      return;
    }
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
