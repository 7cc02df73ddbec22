package io.nats4j.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records connection events in order and lets a test wait for one, without sleeping. */
final class RecordingListener implements ConnectionListener {
  private final List<ConnectionEvent> events = new ArrayList<>();
  private final List<Long> times = new ArrayList<>();

  @Override
  public synchronized void onEvent(ConnectionEvent event) {
    events.add(event);
    times.add(System.nanoTime());
    notifyAll();
  }

  /** Waits for the {@code n}-th (1-based) event of a type and returns it. */
  synchronized <T extends ConnectionEvent> T await(Class<T> type, int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<T> matching = all(type);
      if (matching.size() >= n) {
        return matching.get(n - 1);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "no " + type.getSimpleName() + " #" + n + " within " + timeout + "; events: " + events);
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  <T extends ConnectionEvent> T await(Class<T> type, Duration timeout) {
    return await(type, 1, timeout);
  }

  /** The time ({@link System#nanoTime()}) the {@code n}-th event of a type arrived. */
  synchronized long timeOf(Class<? extends ConnectionEvent> type, int n) {
    int seen = 0;
    for (int i = 0; i < events.size(); i++) {
      if (type.isInstance(events.get(i)) && ++seen == n) {
        return times.get(i);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " #" + n + ": " + events);
  }

  synchronized <T extends ConnectionEvent> List<T> all(Class<T> type) {
    List<T> matching = new ArrayList<>();
    for (ConnectionEvent e : events) {
      if (type.isInstance(e)) {
        matching.add(type.cast(e));
      }
    }
    return matching;
  }

  synchronized int count(Class<? extends ConnectionEvent> type) {
    return all(type).size();
  }

  synchronized List<String> types() {
    return events.stream().map(e -> e.getClass().getSimpleName()).toList();
  }

  synchronized List<ConnectionEvent> events() {
    return List.copyOf(events);
  }
}
