package io.nats4j.bench;

import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.Message;
import io.nats.client.MessageConsumer;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.OrderedConsumerContext;
import io.nats.client.api.OrderedConsumerConfiguration;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** jnats's side of {@link ConsumeScenarios}, through its simplified API (ADR-37). */
final class JnatsConsume {
  private JnatsConsume() {}

  private static Connection connect(String url) throws Exception {
    return Nats.connect(
        new Options.Builder().server(url).connectionName("jnats-bench").noReconnect().build());
  }

  static RunResult fetch(String url, String stream, String consumer, int msgs) throws Exception {
    try (Connection c = connect(url)) {
      ConsumerContext cc = c.getConsumerContext(stream, consumer);
      FetchConsumeOptions options =
          FetchConsumeOptions.builder()
              .maxMessages(ConsumeScenarios.FETCH_BATCH)
              .expiresIn(5000)
              .build();
      Meter meter = Meter.start();
      int received = 0;
      while (received < msgs) {
        int got = 0;
        try (FetchConsumer fc = cc.fetch(options)) {
          Message m;
          while ((m = fc.nextMessage()) != null) {
            m.ack();
            got++;
          }
        }
        if (got == 0) {
          throw new IllegalStateException("jnats fetch stalled at " + received);
        }
        received += got;
      }
      c.flush(Scenarios.FLUSH_TIMEOUT);
      return meter.throughput();
    }
  }

  static RunResult consume(String url, String stream, String consumer, int msgs) throws Exception {
    try (Connection c = connect(url)) {
      ConsumerContext cc = c.getConsumerContext(stream, consumer);
      CountDownLatch done = new CountDownLatch(1);
      int[] received = {0};
      Meter meter = Meter.start();
      try (MessageConsumer mc =
          cc.consume(
              m -> {
                m.ack();
                if (++received[0] == msgs) {
                  done.countDown();
                }
              })) {
        if (!done.await(Scenarios.receiveTimeout(msgs).toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException("jnats consume stalled");
        }
        c.flush(Duration.ofSeconds(60));
        return meter.throughput();
      }
    }
  }

  static RunResult ordered(String url, String stream, int msgs) throws Exception {
    try (Connection c = connect(url)) {
      OrderedConsumerContext oc =
          c.getStreamContext(stream).createOrderedConsumer(new OrderedConsumerConfiguration());
      CountDownLatch done = new CountDownLatch(1);
      int[] received = {0};
      Meter meter = Meter.start();
      try (MessageConsumer mc =
          oc.consume(
              m -> {
                if (++received[0] == msgs) {
                  done.countDown();
                }
              })) {
        if (!done.await(Scenarios.receiveTimeout(msgs).toSeconds(), TimeUnit.SECONDS)) {
          throw new IllegalStateException("jnats ordered consume stalled");
        }
        return meter.throughput();
      }
    }
  }
}
