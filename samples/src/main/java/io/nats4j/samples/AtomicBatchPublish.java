package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.PublishOptions;
import io.nats4j.jetstream.StreamConfig;
import java.nio.charset.StandardCharsets;

/**
 * An atomic batch (nats-server 2.12+, stream option allow_atomic): a user's address, kept as three
 * subjects, is written all together or not at all. The second batch expects the street to be at a
 * sequence it is not at, so none of its messages is stored.
 *
 * <p>Run: {@code AtomicBatchPublish <server-url>} (the server needs JetStream).
 */
public final class AtomicBatchPublish {

  private AtomicBatchPublish() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url);
        JetStream js = JetStream.of(nc)) {
      js.streams()
          .create(
              StreamConfig.builder("SAMPLE_USERS").subjects("users.>").allowAtomic(true).build());
      try {
        PubAck ack =
            js.atomicBatch()
                .add("users.7.street", bytes("Main Street 1"))
                .add("users.7.city", bytes("Amsterdam"))
                .commit("users.7.zip", bytes("1011"));
        System.out.println(
            "batch " + ack.batch() + ": " + ack.count() + " messages, last seq " + ack.seq());

        try {
          js.atomicBatch()
              .add("users.7.city", bytes("Rotterdam"))
              .add(
                  "users.7.street",
                  null,
                  bytes("Harbour 2"),
                  PublishOptions.builder().expectedLastSubjectSequence(99).build())
              .commit("users.7.zip", bytes("3011"));
        } catch (JetStreamApiException e) {
          System.out.println("second batch refused: " + e.description());
        }
        long stored = js.streams().info("SAMPLE_USERS").state().messages();
        System.out.println(stored + " messages stored (the first batch only)");
      } finally {
        js.streams().delete("SAMPLE_USERS");
      }
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
