package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.Nats;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.internal.JsonMapper;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@NatsServerTest
@io.nats4j.testkit.JetStream
class AckIT {
  private static int counter;
  private final NatsServer server;
  private Connection nc;
  private JetStream js;
  private String stream;

  AckIT(NatsServer server) {
    this.server = server;
  }

  @BeforeEach
  void connect() {
    nc = Nats.connect(server.clientUrl());
    js = JetStream.of(nc);
    stream = "ACK" + (++counter);
    js.streams()
        .create(
            StreamConfig.builder(stream)
                .subjects(stream.toLowerCase() + ".>")
                .storage(StorageType.MEMORY)
                .build());
  }

  @AfterEach
  void close() {
    if (!"CLOSED".equals(nc.status().name())) {
      js.streams().delete(stream);
    }
    js.close();
    nc.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  private ConsumerContext consumer(Duration ackWait, AckPolicy policy) {
    String name = "c" + counter;
    ConsumerConfig.Builder b = ConsumerConfig.builder().durableName(name).ackPolicy(policy);
    if (ackWait != null) {
      b.ackWait(ackWait);
    }
    js.consumers().create(stream, b.build());
    return js.consumer(stream, name);
  }

  private void publish(int n) {
    for (int i = 0; i < n; i++) {
      js.publish(stream.toLowerCase() + ".x", new byte[] {(byte) i});
    }
  }

  private static FetchResult fetch(ConsumerContext c, int n, Duration expires) {
    return c.fetch(FetchOptions.builder().maxMessages(n).expiresIn(expires).build());
  }

  @Test
  void ackingTwiceFailsNamingTheFirstAck() {
    publish(1);
    ConsumerContext c = consumer(null, AckPolicy.EXPLICIT);
    JsMessage m = c.next(Duration.ofSeconds(2)).orElseThrow();
    m.inProgress();
    m.inProgress();
    m.ack();
    assertTrue(m.isAcked());
    IllegalStateException e = assertThrows(IllegalStateException.class, m::nak);
    assertTrue(e.getMessage().contains("already acknowledged with ack"), e.getMessage());
    assertThrows(IllegalStateException.class, m::ack);
    assertThrows(IllegalStateException.class, m::term);
    assertThrows(IllegalStateException.class, m::inProgress);
    assertThrows(IllegalStateException.class, () -> m.ackSync(Duration.ofSeconds(1)));
  }

  @Test
  void theAckOfAFetchedMessageReachesTheServerWithNothingPublishedAfterIt() {
    // a fetched message's ack does not wake a writer lingering after a write (it waits for the
    // next pull); with no pull after it, the linger's end must still send it
    publish(2);
    ConsumerContext c = consumer(null, AckPolicy.EXPLICIT);
    for (JsMessage m : fetch(c, 2, Duration.ofSeconds(2))) {
      m.ack();
    }
    try (Connection other = Nats.connect(server.clientUrl());
        JetStream otherJs = JetStream.of(other)) {
      Await.until(
          () -> otherJs.consumers().info(stream, "c" + counter).ackFloor().streamSeq() == 2,
          "the server saw both acks");
    }
  }

  @Test
  void theAckOfAConsumedMessageReachesTheServerWithNothingPublishedAfterIt() {
    // a consumed message's ack does not wake a writer lingering after a write either; two
    // messages in a batch of 20 send no re-pull, so only the linger's end can send the acks
    publish(2);
    ConsumerContext c = consumer(null, AckPolicy.EXPLICIT);
    try (ConsumeHandle h =
            c.consume(JsMessage::ack, ConsumeOptions.builder().batchSize(20).build());
        Connection other = Nats.connect(server.clientUrl());
        JetStream otherJs = JetStream.of(other)) {
      Await.until(
          () -> otherJs.consumers().info(stream, "c" + counter).ackFloor().streamSeq() == 2,
          "the server saw both acks");
    }
  }

  @Test
  void ackPolicyNoneRefusesAcks() {
    publish(1);
    ConsumerContext c = consumer(null, AckPolicy.NONE);
    JsMessage m = c.next(Duration.ofSeconds(2)).orElseThrow();
    IllegalStateException e = assertThrows(IllegalStateException.class, m::ack);
    assertTrue(e.getMessage().contains("ack policy is none"), e.getMessage());
    assertThrows(IllegalStateException.class, m::inProgress);
  }

  @Test
  void ackSyncWaitsForTheServer() {
    publish(3);
    ConsumerContext c = consumer(null, AckPolicy.EXPLICIT);
    for (JsMessage m : fetch(c, 3, Duration.ofSeconds(2))) {
      m.ackSync(Duration.ofSeconds(5));
    }
    assertEquals(0, c.info().numAckPending(), "stored before ackSync returned");
  }

  @Test
  void ackAfterTheConnectionClosedFailsClearly() {
    publish(1);
    ConsumerContext c = consumer(null, AckPolicy.EXPLICIT);
    JsMessage m = c.next(Duration.ofSeconds(2)).orElseThrow();
    nc.close();
    ConnectionClosedException e = assertThrows(ConnectionClosedException.class, m::ack);
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void nakWithDelayRedeliversAfterTheDelayNotBefore() {
    publish(1);
    ConsumerContext c = consumer(Duration.ofSeconds(30), AckPolicy.EXPLICIT);
    JsMessage m = c.next(Duration.ofSeconds(2)).orElseThrow();
    long start = System.nanoTime(); // before the nak: the server's delay starts after this
    m.nak(Duration.ofMillis(2000));
    // one pull waiting all along: the server hands it the message as soon as it redelivers it
    JsMessage again = c.next(Duration.ofSeconds(10)).orElseThrow();
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(ms >= 1900, "redelivered before the delay, after " + ms + " ms");
    assertEquals(2, again.metadata().numDelivered());
    again.ack();
  }

  @Test
  void plainNakRedeliversAtOnce() {
    publish(1);
    ConsumerContext c = consumer(Duration.ofSeconds(30), AckPolicy.EXPLICIT);
    c.next(Duration.ofSeconds(2)).orElseThrow().nak();
    JsMessage again = c.next(Duration.ofSeconds(2)).orElseThrow();
    assertEquals(2, again.metadata().numDelivered());
  }

  @Test
  void inProgressKeepsASlowMessageFromRedelivery() {
    publish(1);
    ConsumerContext c = consumer(Duration.ofMillis(1500), AckPolicy.EXPLICIT);
    JsMessage m = c.next(Duration.ofSeconds(2)).orElseThrow();
    // 4 × 500 ms = 2 s, past the 1.5 s ack wait; each fetch both waits and checks. A round may
    // run up to 1 s late (a loaded machine) before the next progress report comes too late.
    for (int i = 0; i < 4; i++) {
      m.inProgress();
      assertTrue(fetch(c, 1, Duration.ofMillis(500)).isEmpty(), "redelivered in round " + i);
    }
    m.ack();
    assertTrue(fetch(c, 1, Duration.ofMillis(2000)).isEmpty(), "redelivered after the ack");
  }

  @Test
  void withoutInProgressTheMessageIsRedelivered() {
    publish(1);
    ConsumerContext c = consumer(Duration.ofSeconds(1), AckPolicy.EXPLICIT);
    c.next(Duration.ofSeconds(2)).orElseThrow();
    assertEquals(2, c.next(Duration.ofSeconds(3)).orElseThrow().metadata().numDelivered());
  }

  @Test
  void termNeverRedelivers() throws Exception {
    publish(2);
    ConsumerContext c = consumer(Duration.ofSeconds(1), AckPolicy.EXPLICIT);
    // only a term makes the server announce it: an ack would pass the rest of this test
    Subscription advisories =
        nc.subscribe("$JS.EVENT.ADVISORY.CONSUMER.MSG_TERMINATED." + stream + "." + c.name());
    nc.flush(Duration.ofSeconds(5));
    FetchResult r = fetch(c, 2, Duration.ofSeconds(2));
    r.messages().get(0).term("bad payload");
    r.messages().get(1).term();
    List<Long> terminated = new ArrayList<>();
    String reason = null;
    for (int i = 0; i < 2; i++) {
      JsonNode advisory = JsonMapper.readTree(advisories.next(Duration.ofSeconds(5)).data());
      terminated.add(advisory.get("stream_seq").asLong());
      if (advisory.get("stream_seq").asLong() == 1 && advisory.has("reason")) {
        reason = advisory.get("reason").asText();
      }
    }
    assertEquals(List.of(1L, 2L), terminated.stream().sorted().toList(), "both terminated");
    assertEquals("bad payload", reason, "the reason reaches the server");
    assertTrue(fetch(c, 2, Duration.ofMillis(2500)).isEmpty());
    assertEquals(0, c.info().numAckPending());
    advisories.unsubscribe();
  }

  @Test
  void maxAckPendingHoldsDeliveryUntilSlowHandlersAck() throws Exception {
    publish(30);
    js.consumers()
        .create(
            stream,
            ConsumerConfig.builder()
                .durableName("map")
                .ackPolicy(AckPolicy.EXPLICIT)
                .maxAckPending(5)
                .ackWait(Duration.ofSeconds(30))
                .build());
    ConsumerContext c = js.consumer(stream, "map");
    BlockingQueue<JsMessage> handed = new LinkedBlockingQueue<>();
    List<Long> acked = new ArrayList<>();
    try (ConsumeHandle h = c.consume(handed::add, ConsumeOptions.builder().batchSize(20).build())) {
      while (acked.size() < 30) {
        List<JsMessage> window = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          JsMessage m = handed.poll(10, TimeUnit.SECONDS);
          assertTrue(m != null, "stalled after " + acked.size());
          window.add(m);
        }
        // five unacknowledged: the server must hold the sixth back
        assertNull(handed.poll(300, TimeUnit.MILLISECONDS), "more than max_ack_pending");
        for (JsMessage m : window) {
          m.ack();
          acked.add(m.metadata().streamSequence());
        }
      }
    }
    List<Long> expected = new ArrayList<>();
    for (long i = 1; i <= 30; i++) {
      expected.add(i);
    }
    assertEquals(expected, acked);
  }
}
