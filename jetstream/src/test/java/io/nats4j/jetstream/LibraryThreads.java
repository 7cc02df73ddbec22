package io.nats4j.jetstream;

import io.nats4j.testkit.Await;
import java.time.Duration;
import java.util.List;

/** Asserts that no nats4j library thread outlives the connections of a test class. */
final class LibraryThreads {
  private LibraryThreads() {}

  static List<String> alive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("nats4j-"))
        .toList();
  }

  static void assertNoneLeaked() {
    Await.until(
        () -> alive().isEmpty(), Duration.ofSeconds(10), "no nats4j thread alive: " + alive());
  }
}
