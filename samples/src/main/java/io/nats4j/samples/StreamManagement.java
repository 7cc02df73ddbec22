package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.PurgeOptions;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.jetstream.StreamState;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * Stream management: create a stream, store a few messages, inspect it (with per-subject counts),
 * purge one subject but its newest message, purge the rest, and delete the stream.
 *
 * <p>Run: {@code StreamManagement <server-url>} (the server needs JetStream).
 */
public final class StreamManagement {

  private StreamManagement() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url);
        JetStream js = JetStream.of(nc)) {
      StreamConfig config =
          StreamConfig.builder("SAMPLE_ORDERS")
              .subjects("samples.orders.>")
              .storage(StorageType.MEMORY)
              .build();
      StreamConfig c = js.streams().create(config).config();
      System.out.printf(
          "created stream %s on %s, %s storage%n", c.name(), c.subjects(), c.storage());
      try {
        for (int i = 1; i <= 5; i++) {
          js.publish("samples.orders.new", ("order " + i).getBytes(StandardCharsets.UTF_8));
        }
        js.publish("samples.orders.shipped", "order 1".getBytes(StandardCharsets.UTF_8));

        StreamState s = js.streams().info("SAMPLE_ORDERS", false, "samples.orders.>").state();
        System.out.printf(
            "stream holds %d messages, seq %d..%d, per subject %s%n",
            s.messages(), s.firstSeq(), s.lastSeq(), new TreeMap<>(s.subjects()));

        PurgeOptions allButNewest = PurgeOptions.keep(1).onSubject("samples.orders.new");
        long purged = js.streams().purge("SAMPLE_ORDERS", allButNewest);
        System.out.println("purged " + purged + " messages of samples.orders.new, kept the newest");
        purged = js.streams().purge("SAMPLE_ORDERS");
        long left = js.streams().info("SAMPLE_ORDERS").state().messages();
        System.out.println("purged the other " + purged + ", the stream holds " + left);
      } finally {
        System.out.println("deleted stream SAMPLE_ORDERS: " + js.streams().delete("SAMPLE_ORDERS"));
      }
    }
  }
}
