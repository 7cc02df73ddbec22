package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.ConsumeHandle;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.StreamConfig;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consuming with a handler that acks each message, then draining: no more pulls, and the returned
 * future completes only after the last handler call returned.
 *
 * <p>Run: {@code ConsumeAndDrain <server-url>} (the server needs JetStream).
 */
public final class ConsumeAndDrain {

  private ConsumeAndDrain() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url);
        JetStream js = JetStream.of(nc)) {
      js.streams().create(StreamConfig.builder("SAMPLE_ORDERS").subjects("samples.orders").build());
      try {
        for (int i = 1; i <= 100; i++) {
          js.publishAsync("samples.orders", ("order " + i).getBytes());
        }
        js.waitForOutstandingAcks(java.time.Duration.ofSeconds(5));
        js.consumers().create("SAMPLE_ORDERS", ConsumerConfig.builder().durableName("p").build());

        AtomicInteger handled = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(100);
        ConsumeHandle handle =
            js.consumer("SAMPLE_ORDERS", "p")
                .consume(
                    m -> {
                      m.ack();
                      handled.incrementAndGet();
                      all.countDown();
                    });
        all.await(10, TimeUnit.SECONDS);
        handle.drain().get(10, TimeUnit.SECONDS);
        System.out.println("handled " + handled.get() + " orders, then drained");
        System.out.println(
            "unacked on the server: " + js.consumers().info("SAMPLE_ORDERS", "p").numAckPending());
      } finally {
        js.streams().delete("SAMPLE_ORDERS");
      }
    }
  }
}
