package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.PublishOptions;
import io.nats4j.jetstream.StreamConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Publishing to a stream with acks, synchronously (wait for each ack) and asynchronously (futures,
 * then wait for all). Each message has a message id, so the stream flags a resend within its
 * duplicate window as a duplicate instead of storing it twice.
 *
 * <p>Run: {@code JetStreamPublish <server-url>} (the server needs JetStream).
 */
public final class JetStreamPublish {

  private JetStreamPublish() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url);
        JetStream js = JetStream.of(nc)) {
      js.streams()
          .create(StreamConfig.builder("SAMPLE_EVENTS").subjects("samples.events.>").build());
      try {
        byte[] signup = "user 7 signed up".getBytes(StandardCharsets.UTF_8);
        PublishOptions id = PublishOptions.builder().messageId("signup-7").build();
        PubAck first = js.publish("samples.events.signup", signup, id);
        System.out.println("sync: stored as seq " + first.seq() + " in " + first.stream());
        PubAck again = js.publish("samples.events.signup", signup, id);
        System.out.println("sync resend: seq " + again.seq() + ", duplicate=" + again.duplicate());

        List<CompletableFuture<PubAck>> acks = new ArrayList<>();
        for (String msgId : List.of("click-1", "click-2", "click-3", "click-2")) {
          PublishOptions options = PublishOptions.builder().messageId(msgId).build();
          byte[] data = msgId.getBytes(StandardCharsets.UTF_8);
          acks.add(js.publishAsync("samples.events.click", data, options));
        }
        js.waitForOutstandingAcks(Duration.ofSeconds(5));
        for (CompletableFuture<PubAck> ack : acks) {
          PubAck a = ack.join();
          System.out.println("async: seq " + a.seq() + (a.duplicate() ? ", duplicate" : ""));
        }
        long stored = js.streams().info("SAMPLE_EVENTS").state().messages();
        System.out.println("6 publishes, " + stored + " messages stored");
      } finally {
        js.streams().delete("SAMPLE_EVENTS");
      }
    }
  }
}
