package io.nats4j.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.Options;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.FetchOptions;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

@NatsServerTest
@io.nats4j.testkit.JetStream
class NatsMetricsIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final NatsServer server;
  private final MeterRegistry registry = new SimpleMeterRegistry();

  NatsMetricsIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void connectionFiguresAreTaggedWithNameAndServer() {
    try (Connection nc = Nats.connect(server.clientUrl());
        NatsConnectionMetrics metrics =
            new NatsConnectionMetrics(nc, "orders", Tags.of("app", "x"))) {
      metrics.bindTo(registry);
      nc.publish("m.a", new byte[] {1, 2, 3});
      nc.publish("m.a", new byte[] {4});
      nc.flush(WAIT);
      assertEquals(
          2.0,
          registry
              .get("nats.client.messages")
              .tags(
                  "connection",
                  "orders",
                  "server",
                  nc.connectedUrl(),
                  "direction",
                  "out",
                  "app",
                  "x")
              .functionCounter()
              .count());
      assertEquals(
          4.0, registry.get("nats.client.bytes").tag("direction", "out").functionCounter().count());
      assertEquals(1.0, registry.get("nats.client.connected").gauge().value());
      assertEquals(0.0, registry.get("nats.client.reconnects").functionCounter().count());
      metrics.close();
      assertNull(registry.find("nats.client.messages").functionCounter());
    }
  }

  @Test
  void slowConsumerDropsAreCounted() {
    try (Connection slow =
            Nats.connect(
                Options.builder().server(server.clientUrl()).pendingLimits(5, 1 << 20).build());
        Connection fast = Nats.connect(server.clientUrl());
        NatsConnectionMetrics metrics = new NatsConnectionMetrics(slow, "slow", Tags.empty())) {
      metrics.bindTo(registry);
      slow.subscribe("m.slow"); // never read
      slow.flush(WAIT);
      for (int i = 0; i < 50; i++) {
        fast.publish("m.slow", new byte[] {1});
      }
      fast.flush(WAIT);
      Await.until(
          () -> registry.get("nats.client.slow.consumers").counter().count() >= 1,
          WAIT,
          "a slow-consumer event");
      Await.until(
          () -> registry.get("nats.client.dropped.messages").functionCounter().count() >= 45,
          WAIT,
          "45 of 50 messages dropped");
    }
  }

  @Test
  void jetStreamPublishesAndDeliveriesAreMeasuredThroughTheObserver() {
    NatsMeterObserver observer = new NatsMeterObserver(registry, Tags.of("connection", "js"));
    try (Connection nc =
            Nats.connect(Options.builder().server(server.clientUrl()).observer(observer).build());
        JetStream js = JetStream.of(nc)) {
      js.streams()
          .create(StreamConfig.builder("MM").subjects("mm.>").storage(StorageType.MEMORY).build());
      try {
        js.publish("mm.a", new byte[] {1});
        js.publish("mm.a", new byte[] {2});
        String consumer = js.consumers().create("MM", ConsumerConfig.builder().build()).name();
        js.consumer("MM", consumer)
            .fetch(FetchOptions.builder().maxMessages(5).expiresIn(Duration.ofSeconds(1)).build());
        assertEquals(
            2,
            registry
                .get("nats.jetstream.publishes")
                .tags("connection", "js", "outcome", "success")
                .timer()
                .count());
        assertEquals(
            2.0,
            registry
                .get("nats.jetstream.consumed")
                .tags("stream", "MM", "consumer", consumer, "kind", "fetch")
                .counter()
                .count());
        assertTrue(registry.find("nats.client.requests").timers().isEmpty(), "API calls timed");
      } finally {
        js.streams().delete("MM");
      }
    }
  }
}
