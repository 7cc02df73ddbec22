package io.nats4j.testkit;

import java.time.Duration;
import java.util.List;

/**
 * Checks that no nats4j library thread outlives the connections of a test: every thread the library
 * starts is named {@code nats4j-…} (see docs/THREADING.md).
 *
 * <p>Thread-safety: stateless; call from any thread.
 */
public final class LibraryThreads {
  private static final String PREFIX = "nats4j-";

  private LibraryThreads() {}

  /**
   * Returns the names of the nats4j threads alive now.
   *
   * @return thread names starting with {@code nats4j-}
   */
  public static List<String> alive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith(PREFIX))
        .toList();
  }

  /**
   * Waits up to 10 s for every nats4j thread to end (closing joins them, but a thread may take a
   * moment to leave after its last task).
   *
   * @throws AssertionError naming the threads still alive
   */
  public static void assertNoneLeaked() {
    Await.until(
        () -> alive().isEmpty(), Duration.ofSeconds(10), "no nats4j thread alive: " + alive());
  }
}
