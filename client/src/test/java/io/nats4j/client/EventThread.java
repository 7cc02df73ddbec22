package io.nats4j.client;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A barrier for tests: returns once the connection's events thread has delivered every event and
 * error that was posted before the server answered a request sent now. Events and the completion of
 * {@code requestAsync} go through the same ordered events thread, so a listener count read after
 * this is final for everything the server sent before.
 */
final class EventThread {
  private EventThread() {}

  static void sync(Connection nc, Duration timeout) {
    try {
      nc.requestAsync("_nats4j.test.events.barrier", new byte[0], timeout)
          .handle((m, e) -> null)
          .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the events thread did not come round", e);
    }
  }
}
