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

/**
 * Prints the connection's lifecycle events while it publishes through a reconnect: the connection
 * drops its server ({@code forceReconnect()}, as a server restart would), keeps publishing into its
 * reconnect buffer, reconnects, resubscribes, and every message still arrives in order.
 */
public final class ReconnectEvents {
  private ReconnectEvents() {}

  /**
   * Runs the sample.
   *
   * @param args the server URL (default nats://127.0.0.1:4222)
   * @throws InterruptedException if interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    CountDownLatch resubscribed = new CountDownLatch(1);
    Options options =
        Options.builder()
            .server(url)
            .reconnect(ReconnectOptions.builder().wait(Duration.ofMillis(250)).build())
            .connectionListener(
                event -> {
                  System.out.println("event: " + event);
                  if (event instanceof ConnectionEvent.Resubscribed) {
                    resubscribed.countDown();
                  }
                })
            .build();
    try (Connection nc = Nats.connect(options)) {
      Subscription sub = nc.subscribe("demo.reconnect");
      for (int i = 0; i < 10; i++) {
        nc.publish("demo.reconnect", "message " + i);
        if (i == 4) {
          nc.flush(Duration.ofSeconds(5)); // 0..4 delivered before the old connection goes
          nc.forceReconnect(); // 5..9 wait in the reconnect buffer, sent after the resubscribe
        }
      }
      if (!resubscribed.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("did not reconnect within 10 s");
      }
      for (int i = 0; i < 10; i++) {
        System.out.println("received: " + sub.next(Duration.ofSeconds(5)).dataAsString());
      }
      System.out.println("statistics: " + nc.statistics());
    }
  }
}
