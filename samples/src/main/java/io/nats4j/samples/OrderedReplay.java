package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.ConsumerMessages;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.OrderedConsumer;
import io.nats4j.jetstream.OrderedConsumerConfig;
import io.nats4j.jetstream.StreamConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * Replaying part of a stream in order with an ordered consumer: no durable consumer, no acks, each
 * message exactly once even if the connection drops midway.
 *
 * <p>Run: {@code OrderedReplay <server-url>} (the server needs JetStream).
 */
public final class OrderedReplay {

  private OrderedReplay() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url);
        JetStream js = JetStream.of(nc)) {
      js.streams().create(StreamConfig.builder("SAMPLE_AUDIT").subjects("samples.audit.>").build());
      try {
        for (String who : new String[] {"ann", "bob", "ann", "cid", "ann"}) {
          js.publish("samples.audit." + who, ("login " + who).getBytes());
        }
        OrderedConsumer replay =
            js.orderedConsumer(
                "SAMPLE_AUDIT",
                OrderedConsumerConfig.builder().filterSubjects("samples.audit.ann").build());
        try (ConsumerMessages it = replay.messages()) {
          System.out.println("to replay: " + replay.currentInfo().numPending());
          Optional<JsMessage> m;
          while ((m = it.next(Duration.ofMillis(500))).isPresent()) {
            System.out.println(
                "seq " + m.get().metadata().streamSequence() + ": " + m.get().dataAsString());
          }
        }
      } finally {
        js.streams().delete("SAMPLE_AUDIT");
      }
    }
  }
}
