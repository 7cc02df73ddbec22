package io.nats4j.bench;

import io.nats4j.client.Connection;
import io.nats4j.jetstream.ConsumeHandle;
import io.nats4j.jetstream.ConsumerContext;
import io.nats4j.jetstream.FetchOptions;
import io.nats4j.jetstream.FetchResult;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.OrderedConsumer;
import io.nats4j.jetstream.OrderedConsumerConfig;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** nats4j's side of {@link ConsumeScenarios}, through its public consumer API. */
final class Nats4jConsume {
  private Nats4jConsume() {}

  static RunResult fetch(String url, String stream, String consumer, int msgs) {
    try (Connection c = ConsumeScenarios.connect(url);
        JetStream js = JetStream.of(c)) {
      ConsumerContext cc = js.consumer(stream, consumer);
      FetchOptions options =
          FetchOptions.builder()
              .maxMessages(ConsumeScenarios.FETCH_BATCH)
              .expiresIn(Duration.ofSeconds(5))
              .build();
      Meter meter = Meter.start();
      int received = 0;
      while (received < msgs) {
        FetchResult batch = cc.fetch(options);
        if (batch.isEmpty()) {
          throw new IllegalStateException("nats4j fetch stalled at " + received);
        }
        for (JsMessage m : batch) {
          m.ack();
        }
        received += batch.size();
      }
      c.flush(Scenarios.FLUSH_TIMEOUT);
      return meter.throughput();
    }
  }

  static RunResult consume(String url, String stream, String consumer, int msgs)
      throws InterruptedException {
    try (Connection c = ConsumeScenarios.connect(url);
        JetStream js = JetStream.of(c)) {
      ConsumerContext cc = js.consumer(stream, consumer);
      CountDownLatch done = new CountDownLatch(1);
      int[] received = {0}; // only the handler's thread touches it; the latch publishes it
      Meter meter = Meter.start();
      try (ConsumeHandle h =
          cc.consume(
              m -> {
                m.ack();
                if (++received[0] == msgs) {
                  done.countDown();
                }
              })) {
        if (!done.await(Scenarios.receiveTimeout(msgs).toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException("nats4j consume stalled");
        }
        c.flush(Scenarios.FLUSH_TIMEOUT);
        return meter.throughput();
      }
    }
  }

  static RunResult ordered(String url, String stream, int msgs) throws InterruptedException {
    try (Connection c = ConsumeScenarios.connect(url);
        JetStream js = JetStream.of(c)) {
      OrderedConsumer oc = js.orderedConsumer(stream, OrderedConsumerConfig.builder().build());
      CountDownLatch done = new CountDownLatch(1);
      int[] received = {0};
      Meter meter = Meter.start();
      try (ConsumeHandle h =
          oc.consume(
              m -> {
                if (++received[0] == msgs) {
                  done.countDown();
                }
              })) {
        if (!done.await(Scenarios.receiveTimeout(msgs).toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException("nats4j ordered consume stalled");
        }
        return meter.throughput();
      }
    }
  }
}
