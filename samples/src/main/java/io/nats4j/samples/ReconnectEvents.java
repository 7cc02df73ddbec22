package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.client.ReconnectOptions;
import io.nats4j.client.Subscription;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes a message every 20 ms and prints the connection's lifecycle events while the server
 * restarts underneath it (scripts/demo restarts it; by hand, restart your server while this runs):
 * the connection notices, buffers what it publishes meanwhile, reconnects, resubscribes and sends
 * the buffer. Run: {@code ReconnectEvents <server-url>}.
 */
public final class ReconnectEvents {
  private ReconnectEvents() {}

  /** Runs the sample against {@code args[0]}; gives up after 60 s without a reconnect. */
  public static void main(String[] args) throws InterruptedException {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    CountDownLatch resubscribed = new CountDownLatch(1);
    Options options =
        Options.builder()
            .server(url)
            .reconnect(ReconnectOptions.builder().waitTime(Duration.ofMillis(250)).build())
            .connectionListener(
                event -> {
                  System.out.println("event: " + event);
                  if (event instanceof ConnectionEvent.Resubscribed) {
                    resubscribed.countDown();
                  }
                })
            .build();
    try (Connection nc = Nats.connect(options)) {
      AtomicInteger received = new AtomicInteger();
      Subscription sub =
          nc.defaultDispatcher().subscribe("demo.reconnect", m -> received.incrementAndGet());
      System.out.println("publishing every 20 ms until the connection has come back");
      int published = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (resubscribed.getCount() > 0 && System.nanoTime() < deadline) {
        nc.publish("demo.reconnect", "message " + published++);
        resubscribed.await(20, TimeUnit.MILLISECONDS);
      }
      if (resubscribed.getCount() > 0) {
        throw new IllegalStateException("no reconnect within 60 s: restart the server while I run");
      }
      sub.drain(Duration.ofSeconds(5)).join(); // every message the server has for us is handled
      System.out.printf(
          "published %d, received %d (a message on its way to the old server when it went away"
              + " can be lost; the ones published while reconnecting were buffered and sent)%n",
          published, received.get());
      System.out.println("statistics: " + nc.statistics());
    }
  }
}
