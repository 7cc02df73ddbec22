package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Graceful shutdown with drain: the connection stops taking new work, lets the handler finish every
 * message the server already sent, flushes what was published, then closes. Nothing is lost, as it
 * would be with a plain {@code close()}.
 *
 * <p>Run: {@code Drain <server-url>}.
 */
public final class Drain {

  private Drain() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    int count = 1_000;
    AtomicInteger handled = new AtomicInteger();
    try (Connection nc = Nats.connect(url)) {
      nc.createDispatcher("slow-worker")
          .subscribe("samples.drain", message -> handled.incrementAndGet());
      nc.flush(Duration.ofSeconds(5));
      for (int i = 0; i < count; i++) {
        nc.publish("samples.drain", "work " + i);
      }
      nc.flush(Duration.ofSeconds(5));
      nc.drain(Duration.ofSeconds(10)).join();
      System.out.println("drained: handled " + handled.get() + " of " + count + " messages");
      if (handled.get() != count) {
        throw new IllegalStateException("drain lost messages");
      }
    }
  }
}
