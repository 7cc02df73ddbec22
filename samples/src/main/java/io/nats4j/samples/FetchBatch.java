package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.ConsumerContext;
import io.nats4j.jetstream.FetchOptions;
import io.nats4j.jetstream.FetchResult;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.StreamConfig;
import java.time.Duration;

/**
 * Fetching a batch from a durable pull consumer and acking each message; a second fetch gets the
 * rest and ends when its expiry passes.
 *
 * <p>Run: {@code FetchBatch <server-url>} (the server needs JetStream).
 */
public final class FetchBatch {

  private FetchBatch() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url);
        JetStream js = JetStream.of(nc)) {
      js.streams().create(StreamConfig.builder("SAMPLE_JOBS").subjects("samples.jobs").build());
      try {
        for (int i = 1; i <= 5; i++) {
          js.publish("samples.jobs", ("job " + i).getBytes());
        }
        js.consumers().create("SAMPLE_JOBS", ConsumerConfig.builder().durableName("w").build());
        ConsumerContext worker = js.consumer("SAMPLE_JOBS", "w");

        FetchResult batch = worker.fetch(FetchOptions.messages(3));
        for (JsMessage m : batch) {
          System.out.println(
              "fetched " + m.dataAsString() + " (seq " + m.metadata().streamSequence() + ")");
          m.ack();
        }
        FetchResult rest =
            worker.fetch(
                FetchOptions.builder().maxMessages(10).expiresIn(Duration.ofSeconds(1)).build());
        System.out.println("second fetch: " + rest.size() + " messages, ended " + rest.end());
        rest.forEach(JsMessage::ack);
      } finally {
        js.streams().delete("SAMPLE_JOBS");
      }
    }
  }
}
