package io.nats4j.client.internal.reconnect;

import java.util.ArrayList;
import java.util.List;

/** A clock that never sleeps: a wait is recorded and moves the time forward at once. */
final class FakeClock implements Clock {
  private long now = 1_000_000_000L;
  final List<Long> sleeps = new ArrayList<>();

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized boolean sleep(long nanos, Cancellation cancellation) {
    if (cancellation.isCancelled()) {
      return false;
    }
    sleeps.add(nanos);
    now += nanos;
    return true;
  }

  synchronized void advanceMillis(long millis) {
    now += millis * 1_000_000L;
  }

  synchronized List<Long> sleepsMillis() {
    return sleeps.stream().map(n -> n / 1_000_000L).toList();
  }
}
