package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Missed idle heartbeats: reported, then recovered from, for a consume and an ordered consume. */
@NatsServerTest
@io.nats4j.testkit.JetStream
class ConsumeHeartbeatIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final NatsServer server;
  private Connection nc;
  private JetStream js;

  ConsumeHeartbeatIT(NatsServer server) {
    this.server = server;
  }

  @BeforeEach
  void connect() {
    nc = Nats.connect(server.clientUrl());
    js = JetStream.of(nc);
    js.streams()
        .create(StreamConfig.builder("HB").subjects("hb.>").storage(StorageType.MEMORY).build());
  }

  @AfterEach
  void close() {
    server.resume();
    Await.until(() -> "CONNECTED".equals(nc.status().name()), WAIT, "connected again");
    js.streams().delete("HB");
    js.close();
    nc.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  private ConsumeOptions options(AtomicInteger missed) {
    return ConsumeOptions.builder()
        .expiresIn(Duration.ofSeconds(2))
        .idleHeartbeat(Duration.ofMillis(500))
        .errorListener(
            new ConsumeErrorListener() {
              @Override
              public void heartbeatsMissed(Duration silence) {
                missed.incrementAndGet();
              }
            })
        .build();
  }

  @Test
  void consumeReportsMissedHeartbeatsAndRecovers() {
    js.consumers()
        .create(
            "HB", ConsumerConfig.builder().durableName("d").ackPolicy(AckPolicy.EXPLICIT).build());
    AtomicInteger missed = new AtomicInteger();
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    try (ConsumeHandle h =
        js.consumer("HB", "d")
            .consume(
                m -> {
                  seen.add(m.metadata().streamSequence());
                  m.ack();
                },
                options(missed))) {
      js.publish("hb.a", new byte[] {1});
      Await.until(() -> seen.size() == 1, WAIT, "first message");
      assertEquals(0, missed.get(), "heartbeats came while the server was fine");
      server.pause();
      Await.until(() -> missed.get() >= 1, WAIT, "a missed-heartbeat event");
      server.resume();
      js.publish("hb.a", new byte[] {2});
      Await.until(() -> seen.size() == 2, WAIT, "delivery after the pause");
    }
    assertEquals(List.of(1L, 2L), seen);
  }

  @Test
  void orderedConsumeRecreatesAfterMissedHeartbeats() {
    AtomicInteger missed = new AtomicInteger();
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());
    OrderedConsumer oc = js.orderedConsumer("HB", OrderedConsumerConfig.builder().build());
    try (ConsumeHandle h =
        oc.consume(m -> seen.add(m.metadata().streamSequence()), options(missed))) {
      js.publish("hb.a", new byte[] {1});
      Await.until(() -> seen.size() == 1, WAIT, "first message");
      server.pause();
      Await.until(() -> missed.get() >= 1, WAIT, "a missed-heartbeat event");
      server.resume();
      js.publish("hb.a", new byte[] {2});
      js.publish("hb.a", new byte[] {3});
      Await.until(() -> seen.size() >= 3, WAIT, "delivery after the pause");
      assertTrue(h.closed().isDone() == false);
    }
    assertEquals(List.of(1L, 2L, 3L), seen);
  }
}
