package io.nats4j.samples;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.ConsumerMessages;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.MessageSchedule;
import io.nats4j.jetstream.OrderedConsumer;
import io.nats4j.jetstream.OrderedConsumerConfig;
import io.nats4j.jetstream.StreamConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A delayed message (nats-server 2.12+, stream option allow_msg_schedules): the stream holds a
 * reminder and publishes it to {@code reminders.due} two seconds later; an ordered consumer on that
 * subject receives it.
 *
 * <p>Run: {@code ScheduledMessage <server-url>} (the server needs JetStream).
 */
public final class ScheduledMessage {

  private ScheduledMessage() {}

  /** Runs the sample against {@code args[0]}. */
  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : "nats://127.0.0.1:4222";
    try (Connection nc = Nats.connect(url);
        JetStream js = JetStream.of(nc)) {
      js.streams()
          .create(
              StreamConfig.builder("SAMPLE_REMINDERS")
                  .subjects("reminders.>")
                  .allowMsgSchedules(true)
                  .build());
      try {
        Instant at = Instant.now().plusSeconds(2);
        MessageSchedule schedule = MessageSchedule.at(at).target("reminders.due").build();
        js.schedule("reminders.schedule.r1", schedule, null, bytes("call Alice"));
        System.out.println("scheduled " + schedule);

        OrderedConsumer due =
            js.orderedConsumer(
                "SAMPLE_REMINDERS",
                OrderedConsumerConfig.builder().filterSubjects("reminders.due").build());
        try (ConsumerMessages it = due.messages()) {
          JsMessage fired =
              it.next(Duration.ofSeconds(20))
                  .orElseThrow(() -> new IllegalStateException("no reminder within 20 s"));
          System.out.println(
              "fired at "
                  + fired.metadata().timestamp()
                  + ": "
                  + new String(fired.data(), StandardCharsets.UTF_8));
        }
      } finally {
        js.streams().delete("SAMPLE_REMINDERS");
      }
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
